-- DropForeignKey
ALTER TABLE "MembershipPeriod" DROP CONSTRAINT "MembershipPeriod_membershipId_fkey";

-- AlterTable: each period takes its membership's platform.
ALTER TABLE "MembershipPeriod" ADD COLUMN "platformId" TEXT;
UPDATE "MembershipPeriod" p SET "platformId" = m."platformId"
  FROM "Membership" m WHERE m."id" = p."membershipId";
ALTER TABLE "MembershipPeriod" ALTER COLUMN "platformId" SET NOT NULL;

-- Periods of one membership that overlap (two person records of one person merged) become
-- one, their union, keeping the first one's id: whether the person was a member at any
-- instant is unchanged, and counting periods counts members (decision 036).
WITH "spans" AS (
  SELECT "id", "membershipId", "startedAt", COALESCE("endedAt", 'infinity') AS "endsAt",
    MAX(COALESCE("endedAt", 'infinity')) OVER (
      PARTITION BY "membershipId" ORDER BY "startedAt", "id"
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "reachedBefore"
  FROM "MembershipPeriod"
), "islands" AS (
  SELECT *, SUM(CASE WHEN "reachedBefore" IS NULL OR "startedAt" >= "reachedBefore" THEN 1 ELSE 0 END)
    OVER (PARTITION BY "membershipId" ORDER BY "startedAt", "id" ROWS UNBOUNDED PRECEDING) AS "island"
  FROM "spans"
), "firsts" AS (
  SELECT *, FIRST_VALUE("id") OVER (
    PARTITION BY "membershipId", "island" ORDER BY "startedAt", "id") AS "keepId"
  FROM "islands"
), "unions" AS (
  SELECT "keepId", MIN("startedAt") AS "startedAt", MAX("endsAt") AS "endsAt"
  FROM "firsts" GROUP BY "keepId"
), "widened" AS (
  UPDATE "MembershipPeriod" p SET "endedAt" = NULLIF(u."endsAt", 'infinity')
  FROM "unions" u
  WHERE p."id" = u."keepId" AND COALESCE(p."endedAt", 'infinity') <> u."endsAt"
)
DELETE FROM "MembershipPeriod" p USING "firsts" f WHERE p."id" = f."id" AND f."id" <> f."keepId";

-- CreateIndex
CREATE UNIQUE INDEX "Membership_id_platformId_key" ON "Membership"("id", "platformId");

-- DropIndex
DROP INDEX "MembershipPeriod_membershipId_startedAt_endedAt_idx";

-- CreateIndex
CREATE INDEX "MembershipPeriod_membershipId_platformId_startedAt_endedAt_idx" ON "MembershipPeriod"("membershipId", "platformId", "startedAt", "endedAt");

-- CreateIndex
CREATE INDEX "MembershipPeriod_platformId_startedAt_endedAt_id_idx" ON "MembershipPeriod"("platformId", "startedAt", "endedAt", "id");

-- AddForeignKey
ALTER TABLE "MembershipPeriod" ADD CONSTRAINT "MembershipPeriod_membershipId_platformId_fkey" FOREIGN KEY ("membershipId", "platformId") REFERENCES "Membership"("id", "platformId") ON DELETE CASCADE ON UPDATE CASCADE;

