-- CreateTable
CREATE TABLE "Discussion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hostType" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Discussion_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "discussionId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "parentId" TEXT,
    "body" TEXT NOT NULL,
    "editedAt" DATETIME,
    "hiddenAt" DATETIME,
    "hiddenReason" TEXT,
    "hiddenById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Post_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Post_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PostReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "postId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "resolvedById" TEXT,
    CONSTRAINT "PostReport_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PostReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Existing comments become posts of one discussion per proposal that has any (the
-- discussion takes the proposal's id); top-level comments first, then their replies.
INSERT INTO "Discussion" ("id", "hostType", "platformId", "createdAt")
SELECT "p"."id", 'proposal', "p"."platformId", MIN("c"."createdAt")
FROM "Proposal" "p" JOIN "Comment" "c" ON "c"."proposalId" = "p"."id"
GROUP BY "p"."id", "p"."platformId";
INSERT INTO "Post" ("id", "discussionId", "authorId", "parentId", "body", "editedAt", "hiddenAt", "hiddenReason", "hiddenById", "createdAt")
SELECT "id", "proposalId", "authorId", NULL, "body", "editedAt", "hiddenAt", "hiddenReason", "hiddenById", "createdAt" FROM "Comment" WHERE "parentId" IS NULL;
INSERT INTO "Post" ("id", "discussionId", "authorId", "parentId", "body", "editedAt", "hiddenAt", "hiddenReason", "hiddenById", "createdAt")
SELECT "id", "proposalId", "authorId", "parentId", "body", "editedAt", "hiddenAt", "hiddenReason", "hiddenById", "createdAt" FROM "Comment" WHERE "parentId" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Proposal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT 'draft',
    "meetingId" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "discussionId" TEXT,
    CONSTRAINT "Proposal_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Proposal_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Proposal_discussionId_fkey" FOREIGN KEY ("discussionId") REFERENCES "Discussion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Proposal" ("authorId", "body", "createdAt", "id", "meetingId", "platformId", "searchText", "state", "summary", "title", "updatedAt", "discussionId") SELECT "authorId", "body", "createdAt", "id", "meetingId", "platformId", "searchText", "state", "summary", "title", "updatedAt", (SELECT "d"."id" FROM "Discussion" "d" WHERE "d"."id" = "Proposal"."id") FROM "Proposal";
DROP TABLE "Proposal";
ALTER TABLE "new_Proposal" RENAME TO "Proposal";
CREATE UNIQUE INDEX "Proposal_discussionId_key" ON "Proposal"("discussionId");
CREATE INDEX "Proposal_platformId_state_idx" ON "Proposal"("platformId", "state");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Post_discussionId_createdAt_idx" ON "Post"("discussionId", "createdAt");

-- CreateIndex
CREATE INDEX "PostReport_postId_resolvedAt_idx" ON "PostReport"("postId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PostReport_postId_reporterId_key" ON "PostReport"("postId", "reporterId");


-- DropTable (its rows now live in "Post")
DROP INDEX "Comment_proposalId_createdAt_idx";
PRAGMA foreign_keys=off;
DROP TABLE "Comment";
PRAGMA foreign_keys=on;
