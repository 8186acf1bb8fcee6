-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Platform" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "descriptionEs" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "quorumPercent" INTEGER NOT NULL DEFAULT 50,
    "approvalRule" TEXT NOT NULL DEFAULT 'simple',
    "nonMembersVoteByHand" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Platform" ("approvalRule", "country", "createdAt", "descriptionEn", "descriptionEs", "id", "name", "quorumPercent", "region", "slug", "timeZone", "updatedAt") SELECT "approvalRule", "country", "createdAt", "descriptionEn", "descriptionEs", "id", "name", "quorumPercent", "region", "slug", "timeZone", "updatedAt" FROM "Platform";
DROP TABLE "Platform";
ALTER TABLE "new_Platform" RENAME TO "Platform";
CREATE UNIQUE INDEX "Platform_slug_key" ON "Platform"("slug");
CREATE TABLE "new_InPersonTally" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "voteId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "recordedById" TEXT,
    "nonMemberHands" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "InPersonTally_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InPersonTally_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_InPersonTally" ("id", "meetingId", "recordedById", "updatedAt", "voteId") SELECT "id", "meetingId", "recordedById", "updatedAt", "voteId" FROM "InPersonTally";
DROP TABLE "InPersonTally";
ALTER TABLE "new_InPersonTally" RENAME TO "InPersonTally";
CREATE UNIQUE INDEX "InPersonTally_voteId_meetingId_key" ON "InPersonTally"("voteId", "meetingId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Vote_platformId_closedAt_closesAt_idx" ON "Vote"("platformId", "closedAt", "closesAt");

