-- Case search as a relation (decision 117): each record's public text, folded
-- (unaccented, lower case) by the expression the trigram index is built on, so
-- that Prisma's `text: { contains: word }` on it is answered by that index.
-- Filtered through the to-many relation (EXISTS, which PostgreSQL makes a semi-join):
-- through the to-one relation (LEFT JOIN) the view's expression is wrapped as a
-- placeholder of the outer join and no longer matches the index (a 100k-row scan).
CREATE VIEW "IncidentSearchText" AS
  SELECT "id", "id" AS "incidentId", vigia_incident_search_text("victimName", "regionRaw", "municipality", "description") AS "text"
  FROM "Incident";
