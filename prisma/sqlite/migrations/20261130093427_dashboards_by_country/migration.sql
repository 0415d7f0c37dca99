-- DropIndex
DROP INDEX "Incident_state_dashboard_idx";

-- DropIndex
DROP INDEX "Incident_perpetrator_dashboard_idx";

-- DropIndex
DROP INDEX "Incident_sector_dashboard_idx";

-- DropIndex
DROP INDEX "Incident_deletedAt_origin_verificationStatus_id_idx";

-- CreateIndex
CREATE INDEX "Incident_sector_dashboard_idx" ON "Incident"("sector", "year", "deletedAt", "origin", "verificationStatus", "outcome", "victimCount", "countryCode");

-- CreateIndex
CREATE INDEX "Incident_perpetrator_dashboard_idx" ON "Incident"("perpetratorType", "year", "deletedAt", "origin", "verificationStatus", "outcome", "victimCount", "countryCode");

-- CreateIndex
CREATE INDEX "Incident_state_dashboard_idx" ON "Incident"("stateCode", "year", "deletedAt", "origin", "verificationStatus", "outcome", "victimCount", "countryCode");

-- CreateIndex
CREATE INDEX "Incident_deletedAt_origin_verificationStatus_id_countryCode_idx" ON "Incident"("deletedAt", "origin", "verificationStatus", "id", "countryCode");
