-- Case search as a relation (decision 117): each record's public text, folded
-- (unaccented, lower case) by the expression the trigram index is built on, so
-- that Prisma's `text: { contains: word }` on it is answered by that index.
CREATE VIEW "IncidentSearchText" AS
  SELECT "id", vigia_incident_search_text("victimName", "regionRaw", "municipality", "description") AS "text"
  FROM "Incident";
