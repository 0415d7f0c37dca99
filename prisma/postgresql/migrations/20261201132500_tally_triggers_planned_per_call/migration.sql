-- The tally's statement triggers, planned at each call, and a bulk write's changes summed
-- once at its end (decision 132).
--
-- 1. PL/pgSQL keeps the plan of a statement without parameters for the whole session,
--    made when the tables were the size they were then. An import writes 100,000 records
--    in one transaction: the characteristics trigger kept the plan it made when "Incident"
--    held a few hundred rows (read the whole table into a hash on each call), and took
--    80 ms per statement by the end of the import. EXECUTE plans each statement against
--    the tables as they are.
-- 2. A tally row updated again and again in one transaction leaves a version behind each
--    time, which every later update of that row in the transaction walks past: an import's
--    200 statements made each upsert 30-70 ms by the end. A transaction that sets
--    vigia.tally_deferred to 'on' writes its changes to "IncidentTallyPending" instead, an
--    append-only table, and "incident_tally_flush"() sums them into the tally in one
--    upsert before it commits. Both are done by withTallySummedAtEnd
--    (app/models/incident-tally.server.ts), the one way to defer: a write that fails rolls
--    the pending changes back with it. (A constraint trigger deferred to the commit would
--    sum them whatever the writer does, but Prisma's schema engine cannot read one.)

-- The changes of the transactions that defer them (each transaction sees only its own:
-- empty at rest): the tally's columns, without its primary key, appended to and never updated.
CREATE TABLE "IncidentTallyPending" (LIKE "IncidentTally");

-- The statement a tally trigger runs with its signed changes to groups (a query giving
-- dimension, value, the five scope columns, records, people and the time of the change, in
-- the tally's column order): one grouped upsert into the tally, or, when the transaction defers them, an append to
-- the pending changes. The trigger runs the text itself, so its transition tables are in scope.
CREATE FUNCTION "incident_tally_sql"("changes" TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $fn$
  SELECT CASE WHEN current_setting('vigia.tally_deferred', true) = 'on' THEN
    'INSERT INTO "IncidentTallyPending" ' || "changes"
  ELSE
    'INSERT INTO "IncidentTally" AS t ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
     SELECT c."dimension", c."value", c."countryCode", c."year", c."origin", c."verificationStatus", c."outcome", sum(c."records"), sum(c."people"), max(c."changed")
       FROM (' || "changes" || ') AS c ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "changed")
     GROUP BY 1, 2, 3, 4, 5, 6, 7
     ORDER BY 1, 2, 3, 4, 5, 6, 7
     ON CONFLICT ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome") DO UPDATE
       SET "records" = t."records" + excluded."records", "people" = t."people" + excluded."people",
           "lastChanged" = greatest(t."lastChanged", excluded."lastChanged")'
  END
$fn$;

-- The end of a deferring write: this transaction's pending changes into the tally, in one
-- grouped upsert, and its later writes counted as they happen again.
CREATE FUNCTION "incident_tally_flush"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('vigia.tally_deferred', 'off', true);
  EXECUTE "incident_tally_sql"('SELECT * FROM "IncidentTallyPending"');
  DELETE FROM "IncidentTallyPending";
END;
$$;

-- A new record enters its three groups (its characteristics are written after it, and
-- enter through the triggers on IncidentCharacteristic).
CREATE OR REPLACE FUNCTION "incident_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE "incident_tally_sql"($q$
    SELECT d."dimension", d."value", n."countryCode", n."year", n."origin", n."verificationStatus", n."outcome", 1, n."victimCount", n."updatedAt"
      FROM new_rows n
      CROSS JOIN LATERAL (VALUES ('sector', n."sector"), ('perpetratorType', n."perpetratorType"), ('stateCode', coalesce(n."stateCode", ''))) AS d("dimension", "value")
      WHERE n."deletedAt" IS NULL
  $q$);
  RETURN NULL;
END;
$$;

-- An edit, a verification, a soft deletion or its undoing: each record leaves its old
-- groups and enters its new ones, both marked changed at the edit's time.
CREATE OR REPLACE FUNCTION "incident_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE "incident_tally_sql"($q$
    SELECT d."dimension", d."value", o."countryCode", o."year", o."origin", o."verificationStatus", o."outcome", -1, -o."victimCount", n."updatedAt"
      FROM old_rows o JOIN new_rows n ON n."id" = o."id"
      CROSS JOIN LATERAL "incident_tally_rows"(o."id", o."sector", o."perpetratorType", o."stateCode") d
      WHERE o."deletedAt" IS NULL
    UNION ALL
    SELECT d."dimension", d."value", n."countryCode", n."year", n."origin", n."verificationStatus", n."outcome", 1, n."victimCount", n."updatedAt"
      FROM new_rows n CROSS JOIN LATERAL "incident_tally_rows"(n."id", n."sector", n."perpetratorType", n."stateCode") d
      WHERE n."deletedAt" IS NULL
  $q$);
  RETURN NULL;
END;
$$;

-- Characteristics given to, taken from, or changed on live records.
CREATE OR REPLACE FUNCTION "incident_characteristic_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE "incident_tally_sql"($q$
    SELECT 'characteristic', c."code", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", 1, i."victimCount", i."updatedAt"
      FROM new_rows c JOIN "Incident" i ON i."id" = c."incidentId"
      WHERE i."deletedAt" IS NULL
  $q$);
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "incident_characteristic_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE "incident_tally_sql"($q$
    SELECT 'characteristic', c."code", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", -1, -i."victimCount", i."updatedAt"
      FROM old_rows c JOIN "Incident" i ON i."id" = c."incidentId"
      WHERE i."deletedAt" IS NULL
  $q$);
  RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION "incident_characteristic_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE "incident_tally_sql"($q$
    SELECT 'characteristic', o."code", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", -1, -i."victimCount", i."updatedAt"
      FROM old_rows o JOIN "Incident" i ON i."id" = o."incidentId" WHERE i."deletedAt" IS NULL
    UNION ALL
    SELECT 'characteristic', n."code", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", 1, i."victimCount", i."updatedAt"
      FROM new_rows n JOIN "Incident" i ON i."id" = n."incidentId" WHERE i."deletedAt" IS NULL
  $q$);
  RETURN NULL;
END;
$$;
