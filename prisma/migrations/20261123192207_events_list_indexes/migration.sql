-- CreateIndex
CREATE INDEX "PlanEvent_endsOn_id_idx" ON "PlanEvent"("endsOn", "id");

-- CreateIndex
CREATE INDEX "PlanEvent_status_id_idx" ON "PlanEvent"("status", "id");
