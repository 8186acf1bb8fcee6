-- AlterTable
ALTER TABLE "InPersonVoter" ADD COLUMN     "participantId" TEXT;

-- Every hand recorded so far was an account holder's: it belongs to that account's person record.
UPDATE "InPersonVoter" v SET "participantId" = p."id" FROM "Participant" p WHERE p."userId" = v."userId";

-- CreateIndex
CREATE INDEX "InPersonVoter_participantId_idx" ON "InPersonVoter"("participantId");

-- CreateIndex
CREATE UNIQUE INDEX "InPersonVoter_voteId_participantId_key" ON "InPersonVoter"("voteId", "participantId");

-- AddForeignKey
ALTER TABLE "InPersonVoter" ADD CONSTRAINT "InPersonVoter_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

