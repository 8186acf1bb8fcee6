-- CreateIndex
CREATE INDEX "Ballot_createdAt_voteId_userId_idx" ON "Ballot"("createdAt", "voteId", "userId");

