-- DropIndex
DROP INDEX "Post_discussionId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Post_discussionId_parentId_createdAt_id_idx" ON "Post"("discussionId", "parentId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Post_parentId_createdAt_id_idx" ON "Post"("parentId", "createdAt", "id");

