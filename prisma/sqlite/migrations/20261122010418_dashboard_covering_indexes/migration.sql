-- DropIndex
DROP INDEX "Incident_stateCode_year_idx";

-- DropIndex
DROP INDEX "Incident_perpetratorType_year_idx";

-- DropIndex
DROP INDEX "Incident_sector_year_idx";

-- CreateIndex
CREATE INDEX "Incident_sector_dashboard_idx" ON "Incident"("sector", "year", "deletedAt", "origin", "verificationStatus", "outcome", "victimCount");

-- CreateIndex
CREATE INDEX "Incident_perpetrator_dashboard_idx" ON "Incident"("perpetratorType", "year", "deletedAt", "origin", "verificationStatus", "outcome", "victimCount");

-- CreateIndex
CREATE INDEX "Incident_state_dashboard_idx" ON "Incident"("stateCode", "year", "deletedAt", "origin", "verificationStatus", "outcome", "victimCount");
