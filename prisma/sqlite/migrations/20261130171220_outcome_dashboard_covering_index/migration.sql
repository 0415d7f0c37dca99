-- DropIndex
DROP INDEX "Incident_outcome_year_idx";

-- CreateIndex
CREATE INDEX "Incident_outcome_dashboard_idx" ON "Incident"("outcome", "year", "deletedAt", "origin", "verificationStatus", "victimCount", "countryCode", "id");
