-- AlterTable
ALTER TABLE "Participant" ADD COLUMN "phone" TEXT;

-- Every member gets the person record the portal counts (accounts made before participants
-- existed may lack one): same name, same search text the app writes (app/text/searchable.ts).
INSERT INTO "Participant" ("id", "userId", "name", "searchText", "createdAt", "updatedAt")
SELECT 'p' || lower(hex(randomblob(12))), u."id", u."name",
       replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(lower(trim(u."name")), 'á', 'a'), 'é', 'e'), 'í', 'i'), 'ó', 'o'), 'ú', 'u'), 'ü', 'u'), 'ñ', 'n'), 'Á', 'a'), 'É', 'e'), 'Í', 'i'), 'Ó', 'o'), 'Ú', 'u'), 'Ü', 'u'), 'Ñ', 'n'),
       CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "User" u
WHERE EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u."id")
  AND NOT EXISTS (SELECT 1 FROM "Participant" p WHERE p."userId" = u."id");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "userId" TEXT,
    "platformId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "role" TEXT NOT NULL DEFAULT 'member',
    "note" TEXT,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Membership_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Membership_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Each membership belongs to its member's person record (backfilled just above).
INSERT INTO "new_Membership" ("createdAt", "id", "note", "participantId", "platformId", "reason", "role", "status", "updatedAt", "userId") SELECT m."createdAt", m."id", m."note", (SELECT p."id" FROM "Participant" p WHERE p."userId" = m."userId"), m."platformId", m."reason", m."role", m."status", m."updatedAt", m."userId" FROM "Membership" m;
DROP TABLE "Membership";
ALTER TABLE "new_Membership" RENAME TO "Membership";
CREATE INDEX "Membership_platformId_status_idx" ON "Membership"("platformId", "status");
CREATE UNIQUE INDEX "Membership_userId_platformId_key" ON "Membership"("userId", "platformId");
CREATE UNIQUE INDEX "Membership_participantId_platformId_key" ON "Membership"("participantId", "platformId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

