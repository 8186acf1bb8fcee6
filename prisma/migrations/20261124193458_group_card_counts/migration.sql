-- CreateIndex
CREATE INDEX "Membership_userId_platformId_status_idx" ON "Membership"("userId", "platformId", "status");

-- CreateIndex
CREATE INDEX "Thread_groupId_hiddenAt_idx" ON "Thread"("groupId", "hiddenAt");

