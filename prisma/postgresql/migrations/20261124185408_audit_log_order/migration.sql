-- DropIndex
DROP INDEX "AuditEvent_platformId_createdAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_platformId_createdAt_id_idx" ON "AuditEvent"("platformId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt", "id");

