-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT,
    "publishedOn" TEXT,
    "url" TEXT,
    "kind" TEXT NOT NULL,
    "accessedOn" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublishedFigure" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "countryCode" TEXT,
    "periodStart" INTEGER NOT NULL,
    "periodEnd" INTEGER NOT NULL,
    "metric" TEXT NOT NULL,
    "subsetCode" TEXT,
    "subsetLabel" TEXT,
    "parentId" TEXT,
    "value" DOUBLE PRECISION,
    "valueText" TEXT,
    "atLeast" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "reportName" TEXT,
    "revisedValue" DOUBLE PRECISION,
    "revisedSourceId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublishedFigure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "origin" TEXT NOT NULL,
    "occurredOn" TIMESTAMP(3) NOT NULL,
    "datePrecision" TEXT NOT NULL DEFAULT 'day',
    "year" INTEGER NOT NULL,
    "victimName" TEXT,
    "victimNamePublic" BOOLEAN NOT NULL DEFAULT true,
    "gender" TEXT NOT NULL DEFAULT 'unknown',
    "age" INTEGER,
    "sector" TEXT NOT NULL,
    "perpetratorType" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "victimCount" INTEGER NOT NULL DEFAULT 1,
    "countryCode" TEXT NOT NULL DEFAULT 'MX',
    "stateCode" TEXT,
    "regionRaw" TEXT,
    "municipality" TEXT,
    "companyName" TEXT,
    "companyCountry" TEXT,
    "description" TEXT,
    "verificationStatus" TEXT NOT NULL DEFAULT 'reported',
    "verifiedById" TEXT,
    "verifiedAt" TIMESTAMP(3),
    "verificationNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "updatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentCharacteristic" (
    "incidentId" TEXT NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "IncidentCharacteristic_pkey" PRIMARY KEY ("incidentId","code")
);

-- CreateTable
CREATE TABLE "IncidentSource" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "url" TEXT,
    "title" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IncidentSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentConfidential" (
    "incidentId" TEXT NOT NULL,
    "witnesses" TEXT,
    "contacts" TEXT,
    "exactLocation" TEXT,
    "confidentialNotes" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentConfidential_pkey" PRIMARY KEY ("incidentId")
);

-- CreateTable
CREATE TABLE "Instrument" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEs" TEXT,
    "nameFr" TEXT,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Provision" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,
    "pillar" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEs" TEXT,
    "titleFr" TEXT,
    "summary" TEXT NOT NULL,
    "summaryEs" TEXT,
    "summaryFr" TEXT,
    "status" TEXT NOT NULL,
    "statusNote" TEXT,
    "isGap" BOOLEAN NOT NULL DEFAULT false,
    "madeOn" TIMESTAMP(3),
    "sourceId" TEXT,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Provision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentProvisionLink" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "provisionId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "rulesFired" TEXT,
    "matchedTerms" TEXT,
    "score" DOUBLE PRECISION,
    "rationale" TEXT,
    "status" TEXT NOT NULL DEFAULT 'suggested',
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentProvisionLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "label" TEXT NOT NULL,
    "labelEs" TEXT,
    "labelFr" TEXT,
    "instrumentId" TEXT,
    "sourceId" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "summary" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Source_key_key" ON "Source"("key");

-- CreateIndex
CREATE UNIQUE INDEX "PublishedFigure_key_key" ON "PublishedFigure"("key");

-- CreateIndex
CREATE INDEX "PublishedFigure_scope_countryCode_metric_periodStart_period_idx" ON "PublishedFigure"("scope", "countryCode", "metric", "periodStart", "periodEnd");

-- CreateIndex
CREATE INDEX "PublishedFigure_parentId_idx" ON "PublishedFigure"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_externalId_key" ON "Incident"("externalId");

-- CreateIndex
CREATE INDEX "Incident_countryCode_year_idx" ON "Incident"("countryCode", "year");

-- CreateIndex
CREATE INDEX "Incident_sector_year_idx" ON "Incident"("sector", "year");

-- CreateIndex
CREATE INDEX "Incident_perpetratorType_year_idx" ON "Incident"("perpetratorType", "year");

-- CreateIndex
CREATE INDEX "Incident_stateCode_year_idx" ON "Incident"("stateCode", "year");

-- CreateIndex
CREATE INDEX "Incident_outcome_year_idx" ON "Incident"("outcome", "year");

-- CreateIndex
CREATE INDEX "Incident_origin_verificationStatus_idx" ON "Incident"("origin", "verificationStatus");

-- CreateIndex
CREATE INDEX "Incident_occurredOn_id_idx" ON "Incident"("occurredOn", "id");

-- CreateIndex
CREATE INDEX "Incident_deletedAt_idx" ON "Incident"("deletedAt");

-- CreateIndex
CREATE INDEX "IncidentCharacteristic_code_idx" ON "IncidentCharacteristic"("code");

-- CreateIndex
CREATE INDEX "IncidentSource_incidentId_idx" ON "IncidentSource"("incidentId");

-- CreateIndex
CREATE UNIQUE INDEX "Instrument_code_key" ON "Instrument"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Provision_code_key" ON "Provision"("code");

-- CreateIndex
CREATE INDEX "Provision_instrumentId_idx" ON "Provision"("instrumentId");

-- CreateIndex
CREATE INDEX "IncidentProvisionLink_provisionId_status_idx" ON "IncidentProvisionLink"("provisionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentProvisionLink_incidentId_provisionId_key" ON "IncidentProvisionLink"("incidentId", "provisionId");

-- CreateIndex
CREATE UNIQUE INDEX "Milestone_key_key" ON "Milestone"("key");

-- CreateIndex
CREATE INDEX "Milestone_date_idx" ON "Milestone"("date");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- AddForeignKey
ALTER TABLE "PublishedFigure" ADD CONSTRAINT "PublishedFigure_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "PublishedFigure"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedFigure" ADD CONSTRAINT "PublishedFigure_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublishedFigure" ADD CONSTRAINT "PublishedFigure_revisedSourceId_fkey" FOREIGN KEY ("revisedSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentCharacteristic" ADD CONSTRAINT "IncidentCharacteristic_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentSource" ADD CONSTRAINT "IncidentSource_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentConfidential" ADD CONSTRAINT "IncidentConfidential_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instrument" ADD CONSTRAINT "Instrument_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Provision" ADD CONSTRAINT "Provision_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Provision" ADD CONSTRAINT "Provision_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentProvisionLink" ADD CONSTRAINT "IncidentProvisionLink_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentProvisionLink" ADD CONSTRAINT "IncidentProvisionLink_provisionId_fkey" FOREIGN KEY ("provisionId") REFERENCES "Provision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentProvisionLink" ADD CONSTRAINT "IncidentProvisionLink_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
