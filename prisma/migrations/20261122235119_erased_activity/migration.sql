-- CreateTable
CREATE TABLE "ErasedActivity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "participantId" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "ErasedActivity_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ErasedActivity_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "Platform" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ErasedActivity_participantId_idx" ON "ErasedActivity"("participantId");

-- CreateIndex
CREATE INDEX "ErasedActivity_activity_platformId_at_idx" ON "ErasedActivity"("activity", "platformId", "at");

