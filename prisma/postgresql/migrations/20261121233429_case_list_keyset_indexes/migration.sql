-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_id_idx" ON "AuditEvent"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Incident_deletedAt_occurredOn_id_idx" ON "Incident"("deletedAt", "occurredOn", "id");

-- CreateIndex
CREATE INDEX "Incident_deletedAt_updatedAt_id_idx" ON "Incident"("deletedAt", "updatedAt", "id");
