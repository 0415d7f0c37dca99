-- Case search (decision 065): an FTS5 index of the public text of case records
-- (victim name, region as written, municipality, description), accent- and
-- case-insensitive (unicode61 with remove_diacritics 2: "Jose" finds "José").
-- External content: the text stays in "Incident", the index holds only tokens.
-- Kept in step by triggers; a migration that rebuilds "Incident" (Prisma's
-- create-copy-drop-rename) drops these triggers and renumbers rowids, so it must
-- create them again and run the 'rebuild' below (tests/models/case-search.test.ts checks).
-- Never index a sensitive field (witnesses, contacts, exact location, notes).
CREATE VIRTUAL TABLE "IncidentSearch" USING fts5(
  "victimName", "regionRaw", "municipality", "description",
  content = 'Incident', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO "IncidentSearch"("IncidentSearch") VALUES ('rebuild');

CREATE TRIGGER "Incident_search_insert" AFTER INSERT ON "Incident" BEGIN
  INSERT INTO "IncidentSearch"(rowid, "victimName", "regionRaw", "municipality", "description")
  VALUES (new.rowid, new."victimName", new."regionRaw", new."municipality", new."description");
END;

CREATE TRIGGER "Incident_search_delete" AFTER DELETE ON "Incident" BEGIN
  INSERT INTO "IncidentSearch"("IncidentSearch", rowid, "victimName", "regionRaw", "municipality", "description")
  VALUES ('delete', old.rowid, old."victimName", old."regionRaw", old."municipality", old."description");
END;

CREATE TRIGGER "Incident_search_update" AFTER UPDATE OF "victimName", "regionRaw", "municipality", "description" ON "Incident" BEGIN
  INSERT INTO "IncidentSearch"("IncidentSearch", rowid, "victimName", "regionRaw", "municipality", "description")
  VALUES ('delete', old.rowid, old."victimName", old."regionRaw", old."municipality", old."description");
  INSERT INTO "IncidentSearch"(rowid, "victimName", "regionRaw", "municipality", "description")
  VALUES (new.rowid, new."victimName", new."regionRaw", new."municipality", new."description");
END;
