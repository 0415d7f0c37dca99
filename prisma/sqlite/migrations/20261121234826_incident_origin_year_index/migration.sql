-- CreateIndex
CREATE INDEX "Incident_origin_year_idx" ON "Incident"("origin", "year");
