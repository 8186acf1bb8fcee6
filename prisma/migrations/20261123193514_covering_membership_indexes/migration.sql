-- DropIndex
DROP INDEX "Membership_platformId_status_idx";

-- DropIndex
DROP INDEX "MembershipPeriod_membershipId_idx";

-- CreateIndex
CREATE INDEX "Membership_platformId_status_id_idx" ON "Membership"("platformId", "status", "id");

-- CreateIndex
CREATE INDEX "MembershipPeriod_membershipId_startedAt_endedAt_idx" ON "MembershipPeriod"("membershipId", "startedAt", "endedAt");

