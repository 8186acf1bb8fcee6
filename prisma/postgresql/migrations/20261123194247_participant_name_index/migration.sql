-- CreateIndex
CREATE INDEX "Participant_name_id_idx" ON "Participant"("name", "id");

