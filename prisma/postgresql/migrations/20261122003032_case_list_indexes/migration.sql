-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Incident_updatedAt_id_idx" ON "Incident"("updatedAt", "id");

-- CreateIndex
CREATE INDEX "Incident_deletedAt_origin_verificationStatus_id_idx" ON "Incident"("deletedAt", "origin", "verificationStatus", "id");
