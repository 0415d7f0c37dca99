-- AlterTable (a column added in place: no table copy, see decision 048)
ALTER TABLE "IncidentProvisionLink" ADD COLUMN "linkType" TEXT NOT NULL DEFAULT 'in_scope';

-- Existing links get a type from dates (decision 080): a case that happened before the
-- commitment was made is context for it; every other link falls within its scope.
UPDATE "IncidentProvisionLink" SET "linkType" = 'context'
WHERE EXISTS (
    SELECT 1 FROM "Incident" i, "Provision" p
    WHERE i."id" = "IncidentProvisionLink"."incidentId"
      AND p."id" = "IncidentProvisionLink"."provisionId"
      AND p."madeOn" IS NOT NULL
      AND i."occurredOn" < p."madeOn"
);
