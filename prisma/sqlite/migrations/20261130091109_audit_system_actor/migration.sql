-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "systemActor" TEXT;

-- Until now a rules run started from the command line (first start, npm run links:suggest)
-- was the only event written without a person: name it as the rules version it used.
UPDATE "AuditEvent"
SET "systemActor" = 'rules:' || CASE WHEN json_valid("after") THEN json_extract("after", '$.rulesVersion') END
WHERE "actorId" IS NULL
  AND "action" = 'links_suggest_run'
  AND CASE WHEN json_valid("after") THEN json_extract("after", '$.rulesVersion') END IS NOT NULL;
