-- CreateIndex
CREATE INDEX "Finding_organizationId_remediationStatus_idx" ON "Finding"("organizationId", "remediationStatus");
