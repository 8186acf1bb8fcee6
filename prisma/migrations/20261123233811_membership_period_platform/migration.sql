-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MembershipPeriod" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "membershipId" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    CONSTRAINT "MembershipPeriod_membershipId_platformId_fkey" FOREIGN KEY ("membershipId", "platformId") REFERENCES "Membership" ("id", "platformId") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Each period takes its membership's platform. Periods of one membership that overlap (two
-- person records of one person merged) become one, their union, keeping the first one's id:
-- whether the person was a member at any instant is unchanged, and counting periods counts
-- members (decision 036). '9999' stands for "not ended" (dates are ISO text here).
INSERT INTO "new_MembershipPeriod" ("id", "membershipId", "platformId", "startedAt", "endedAt")
WITH "spans" AS (
  SELECT "id", "membershipId", "startedAt", COALESCE("endedAt", '9999') AS "endsAt",
    MAX(COALESCE("endedAt", '9999')) OVER (
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
)
SELECT f."keepId", f."membershipId", m."platformId", MIN(f."startedAt"), NULLIF(MAX(f."endsAt"), '9999')
FROM "firsts" f JOIN "Membership" m ON m."id" = f."membershipId"
GROUP BY f."keepId", f."membershipId", m."platformId";
DROP TABLE "MembershipPeriod";
ALTER TABLE "new_MembershipPeriod" RENAME TO "MembershipPeriod";
CREATE INDEX "MembershipPeriod_membershipId_platformId_startedAt_endedAt_idx" ON "MembershipPeriod"("membershipId", "platformId", "startedAt", "endedAt");
CREATE INDEX "MembershipPeriod_platformId_startedAt_endedAt_id_idx" ON "MembershipPeriod"("platformId", "startedAt", "endedAt", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Membership_id_platformId_key" ON "Membership"("id", "platformId");

