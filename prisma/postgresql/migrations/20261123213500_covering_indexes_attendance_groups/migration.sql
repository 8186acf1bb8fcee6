-- DropIndex
DROP INDEX "GroupMembership_groupId_status_idx";

-- CreateIndex
CREATE INDEX "Attendance_meetingId_status_participantId_idx" ON "Attendance"("meetingId", "status", "participantId");

-- CreateIndex
CREATE INDEX "GroupMembership_groupId_status_userId_idx" ON "GroupMembership"("groupId", "status", "userId");

