-- CreateIndex
CREATE INDEX "MinutesAmendment_meetingId_createdAt_idx" ON "MinutesAmendment"("meetingId", "createdAt");

-- CreateIndex
CREATE INDEX "Proposal_meetingId_idx" ON "Proposal"("meetingId");

