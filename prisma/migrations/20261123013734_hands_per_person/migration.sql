-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InPersonVoter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "voteId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "userId" TEXT,
    "participantId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InPersonVoter_voteId_fkey" FOREIGN KEY ("voteId") REFERENCES "Vote" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InPersonVoter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "InPersonVoter_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Every hand recorded so far was an account holder's: it belongs to that account's person record.
INSERT INTO "new_InPersonVoter" ("createdAt", "id", "meetingId", "userId", "voteId", "participantId") SELECT v."createdAt", v."id", v."meetingId", v."userId", v."voteId", (SELECT p."id" FROM "Participant" p WHERE p."userId" = v."userId") FROM "InPersonVoter" v;
DROP TABLE "InPersonVoter";
ALTER TABLE "new_InPersonVoter" RENAME TO "InPersonVoter";
CREATE INDEX "InPersonVoter_participantId_idx" ON "InPersonVoter"("participantId");
CREATE UNIQUE INDEX "InPersonVoter_voteId_userId_key" ON "InPersonVoter"("voteId", "userId");
CREATE UNIQUE INDEX "InPersonVoter_voteId_participantId_key" ON "InPersonVoter"("voteId", "participantId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

