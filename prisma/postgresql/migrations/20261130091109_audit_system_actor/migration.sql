-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "systemActor" TEXT;

-- Until now a rules run started from the command line (first start, npm run links:suggest)
-- was the only event written without a person: name it as the rules version it used.
UPDATE "AuditEvent"
SET "systemActor" = 'rules:' || substring("after" from '"rulesVersion":"([^"]+)"')
WHERE "actorId" IS NULL
  AND "action" = 'links_suggest_run'
  AND substring("after" from '"rulesVersion":"([^"]+)"') IS NOT NULL;
