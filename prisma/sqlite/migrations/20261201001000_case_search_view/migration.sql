-- Case search as a relation (decision 117).
-- 1. The FTS5 index also holds the record's state code (a column of its own, never
--    matched by the searched words: queries name their columns), so that "a search
--    whose words all name a state also finds that state's records" is one MATCH
--    instead of an OR beside the search, which would keep SQLite from starting
--    the query from the index.
-- 2. The view "IncidentSearchText": one row per record, its id and the FTS5 table's
--    own column as "text", so that Prisma's `text: { equals: query }` on it is MATCH.
-- Never index a sensitive field (witnesses, contacts, exact location, notes).
DROP TRIGGER "Incident_search_insert";
DROP TRIGGER "Incident_search_delete";
DROP TRIGGER "Incident_search_update";
DROP TABLE "IncidentSearch";

CREATE VIRTUAL TABLE "IncidentSearch" USING fts5(
  "victimName", "regionRaw", "municipality", "description", "stateCode",
  content = 'Incident', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO "IncidentSearch"("IncidentSearch") VALUES ('rebuild');

CREATE TRIGGER "Incident_search_insert" AFTER INSERT ON "Incident" BEGIN
  INSERT INTO "IncidentSearch"(rowid, "victimName", "regionRaw", "municipality", "description", "stateCode")
  VALUES (new.rowid, new."victimName", new."regionRaw", new."municipality", new."description", new."stateCode");
END;

CREATE TRIGGER "Incident_search_delete" AFTER DELETE ON "Incident" BEGIN
  INSERT INTO "IncidentSearch"("IncidentSearch", rowid, "victimName", "regionRaw", "municipality", "description", "stateCode")
  VALUES ('delete', old.rowid, old."victimName", old."regionRaw", old."municipality", old."description", old."stateCode");
END;

CREATE TRIGGER "Incident_search_update" AFTER UPDATE OF "victimName", "regionRaw", "municipality", "description", "stateCode" ON "Incident" BEGIN
  INSERT INTO "IncidentSearch"("IncidentSearch", rowid, "victimName", "regionRaw", "municipality", "description", "stateCode")
  VALUES ('delete', old.rowid, old."victimName", old."regionRaw", old."municipality", old."description", old."stateCode");
  INSERT INTO "IncidentSearch"(rowid, "victimName", "regionRaw", "municipality", "description", "stateCode")
  VALUES (new.rowid, new."victimName", new."regionRaw", new."municipality", new."description", new."stateCode");
END;

CREATE VIEW "IncidentSearchText" AS
  SELECT "Incident"."id" AS "id", "Incident"."id" AS "incidentId", "IncidentSearch" AS "text"
  FROM "IncidentSearch" JOIN "Incident" ON "Incident".rowid = "IncidentSearch".rowid;
