-- Case search on PostgreSQL (decision 128): the folded public text of each case
-- record is stored in a table of its own, "IncidentSearch" (the name of SQLite's
-- FTS5 table, its counterpart), kept in step by triggers, and the trigram index is
-- built on that stored text. Before, the index was on an expression of "Incident"'s
-- columns, and every candidate row the index gave was checked again by recomputing
-- the expression (unaccent): 1.3 s for a word found in 51,000 of 100,000 records.
-- Reading the stored text instead costs a comparison per row.
-- Never store a sensitive field (witnesses, contacts, exact location, notes).
CREATE TABLE "IncidentSearch" (
  "id" TEXT NOT NULL,
  "text" TEXT NOT NULL,
  CONSTRAINT "IncidentSearch_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "IncidentSearch_id_fkey" FOREIGN KEY ("id") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Existing records.
INSERT INTO "IncidentSearch" ("id", "text")
  SELECT "id", vigia_incident_search_text("victimName", "regionRaw", "municipality", "description") FROM "Incident";

-- Statement triggers with transition tables: a bulk insert (createMany, the import)
-- folds its rows in one INSERT ... SELECT rather than one trigger call per row.
CREATE FUNCTION "incident_search_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "IncidentSearch" ("id", "text")
    SELECT "id", vigia_incident_search_text("victimName", "regionRaw", "municipality", "description") FROM new_rows;
  RETURN NULL;
END;
$$;

-- Only rows whose searched columns changed are folded again (an edit of the sector,
-- a verification, a soft deletion leave the text as it is). A changed id is carried
-- by the foreign key's ON UPDATE CASCADE; its text is then folded again too.
CREATE FUNCTION "incident_search_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "IncidentSearch" AS s
    SET "text" = vigia_incident_search_text(n."victimName", n."regionRaw", n."municipality", n."description")
    FROM new_rows AS n LEFT JOIN old_rows AS o ON o."id" = n."id"
    WHERE s."id" = n."id"
      AND (o."id" IS NULL
        OR (n."victimName", n."regionRaw", n."municipality", n."description")
           IS DISTINCT FROM (o."victimName", o."regionRaw", o."municipality", o."description"));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Incident_search_insert" AFTER INSERT ON "Incident"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "incident_search_insert"();

CREATE TRIGGER "Incident_search_update" AFTER UPDATE ON "Incident"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "incident_search_update"();

-- Deletions: the foreign key's ON DELETE CASCADE.

DROP INDEX "Incident_search_trgm_idx";
CREATE INDEX "IncidentSearch_text_trgm_idx" ON "IncidentSearch" USING gin ("text" gin_trgm_ops);

-- The view Prisma filters through (decision 117) reads the stored text; same columns as before.
CREATE OR REPLACE VIEW "IncidentSearchText" AS
  SELECT "id", "id" AS "incidentId", "text" FROM "IncidentSearch";

ANALYZE "IncidentSearch";
