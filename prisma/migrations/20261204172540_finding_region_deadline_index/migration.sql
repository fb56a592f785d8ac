-- CreateIndex
CREATE INDEX "Finding_regionId_deadline_itemNumber_id_idx" ON "Finding"("regionId", "deadline", "itemNumber", "id");
