-- CreateTable
CREATE TABLE "IncidentTally" (
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "countryCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "origin" TEXT NOT NULL,
    "verificationStatus" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "people" INTEGER NOT NULL,
    "lastChanged" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentTally_pkey" PRIMARY KEY ("dimension","value","countryCode","year","origin","verificationStatus","outcome")
);

-- The dashboards' counts kept on write (decision 130). Each live record (deletedAt IS
-- NULL) counts once under each of three dimensions, sector, perpetratorType and
-- stateCode ("" for an unknown state), and under "characteristic" once per person
-- characteristic. Triggers keep the table in step in the same transaction as the write,
-- so every app server on the database reads counts that match the records. A group
-- emptied by a deletion keeps its row with records = 0; readers count only records > 0.
-- Statement triggers with transition tables: an import's bulk insert adds its rows
-- in one grouped upsert. Their names sort after "..._bump_data_version", so a writer
-- holds the data version's row before any tally row (PostgreSQL fires triggers of
-- one event in name order): writers queue on one lock and cannot deadlock here.

-- One record's contribution to its groups: the three dimensions, and each of its characteristics.
CREATE FUNCTION "incident_tally_rows"("id" TEXT, "sector" TEXT, "perpetratorType" TEXT, "stateCode" TEXT)
  RETURNS TABLE ("dimension" TEXT, "value" TEXT) LANGUAGE sql STABLE AS $$
  SELECT 'sector', "sector"
  UNION ALL SELECT 'perpetratorType', "perpetratorType"
  UNION ALL SELECT 'stateCode', coalesce("stateCode", '')
  UNION ALL SELECT 'characteristic', c."code" FROM "IncidentCharacteristic" c WHERE c."incidentId" = "id"
$$;

-- Existing records.
INSERT INTO "IncidentTally" ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
SELECT d."dimension", d."value", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", count(*), sum(i."victimCount"), max(i."updatedAt")
  FROM "Incident" i CROSS JOIN LATERAL "incident_tally_rows"(i."id", i."sector", i."perpetratorType", i."stateCode") d
  WHERE i."deletedAt" IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- A new record enters its three groups (its characteristics are written after it, and
-- enter through the triggers on IncidentCharacteristic).
CREATE FUNCTION "incident_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "IncidentTally" AS t ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
  SELECT d."dimension", d."value", n."countryCode", n."year", n."origin", n."verificationStatus", n."outcome", count(*), sum(n."victimCount"), max(n."updatedAt")
    FROM new_rows n
    -- A new record has no characteristics yet: they are written after it, and enter through
    -- the triggers on IncidentCharacteristic. Looking them up here costs a query per row.
    CROSS JOIN LATERAL (VALUES ('sector', n."sector"), ('perpetratorType', n."perpetratorType"), ('stateCode', coalesce(n."stateCode", ''))) AS d("dimension", "value")
    WHERE n."deletedAt" IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome") DO UPDATE
    SET "records" = t."records" + excluded."records", "people" = t."people" + excluded."people",
        "lastChanged" = greatest(t."lastChanged", excluded."lastChanged");
  RETURN NULL;
END;
$$;

-- An edit, a verification, a soft deletion or its undoing: each record leaves its old
-- groups and enters its new ones, both marked changed at the edit's time, in one upsert
-- of signed changes.
CREATE FUNCTION "incident_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "IncidentTally" AS t ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
  SELECT c."dimension", c."value", c."countryCode", c."year", c."origin", c."verificationStatus", c."outcome", sum(c."records"), sum(c."people"), max(c."changed")
    FROM (
      SELECT d."dimension", d."value", o."countryCode", o."year", o."origin", o."verificationStatus", o."outcome", -1 AS "records", -o."victimCount" AS "people", n."updatedAt" AS "changed"
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
        CROSS JOIN LATERAL "incident_tally_rows"(o."id", o."sector", o."perpetratorType", o."stateCode") d
        WHERE o."deletedAt" IS NULL
      UNION ALL
      SELECT d."dimension", d."value", n."countryCode", n."year", n."origin", n."verificationStatus", n."outcome", 1, n."victimCount", n."updatedAt"
        FROM new_rows n CROSS JOIN LATERAL "incident_tally_rows"(n."id", n."sector", n."perpetratorType", n."stateCode") d
        WHERE n."deletedAt" IS NULL
    ) AS c
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome") DO UPDATE
    SET "records" = t."records" + excluded."records", "people" = t."people" + excluded."people",
        "lastChanged" = greatest(t."lastChanged", excluded."lastChanged");
  RETURN NULL;
END;
$$;

-- A record removed for good leaves its groups. BEFORE the deletion, row by row, while its
-- characteristics are still there (the foreign key's cascade removes them after it, when
-- the triggers on IncidentCharacteristic no longer find the record). Removal is rare: no
-- page of the app deletes a record for good.
CREATE FUNCTION "incident_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."deletedAt" IS NULL THEN
    UPDATE "IncidentTally" AS t SET "records" = t."records" - 1, "people" = t."people" - OLD."victimCount"
      FROM "incident_tally_rows"(OLD."id", OLD."sector", OLD."perpetratorType", OLD."stateCode") d
      WHERE t."dimension" = d."dimension" AND t."value" = d."value" AND t."countryCode" = OLD."countryCode" AND t."year" = OLD."year"
        AND t."origin" = OLD."origin" AND t."verificationStatus" = OLD."verificationStatus" AND t."outcome" = OLD."outcome";
  END IF;
  RETURN OLD;
END;
$$;

-- Characteristics given to, or taken from, live records.
CREATE FUNCTION "incident_characteristic_tally_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "IncidentTally" AS t ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
  SELECT 'characteristic', c."code", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", count(*), sum(i."victimCount"), max(i."updatedAt")
    FROM new_rows c JOIN "Incident" i ON i."id" = c."incidentId"
    WHERE i."deletedAt" IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome") DO UPDATE
    SET "records" = t."records" + excluded."records", "people" = t."people" + excluded."people",
        "lastChanged" = greatest(t."lastChanged", excluded."lastChanged");
  RETURN NULL;
END;
$$;

CREATE FUNCTION "incident_characteristic_tally_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "IncidentTally" AS t ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
  SELECT 'characteristic', c."code", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", -count(*), -sum(i."victimCount"), max(i."updatedAt")
    FROM old_rows c JOIN "Incident" i ON i."id" = c."incidentId"
    WHERE i."deletedAt" IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome") DO UPDATE
    SET "records" = t."records" + excluded."records", "people" = t."people" + excluded."people",
        "lastChanged" = greatest(t."lastChanged", excluded."lastChanged");
  RETURN NULL;
END;
$$;

CREATE FUNCTION "incident_characteristic_tally_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "IncidentTally" AS t ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
  SELECT c."dimension", c."value", c."countryCode", c."year", c."origin", c."verificationStatus", c."outcome", sum(c."records"), sum(c."people"), max(c."changed")
    FROM (
      SELECT 'characteristic' AS "dimension", o."code" AS "value", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", -1 AS "records", -i."victimCount" AS "people", i."updatedAt" AS "changed"
        FROM old_rows o JOIN "Incident" i ON i."id" = o."incidentId" WHERE i."deletedAt" IS NULL
      UNION ALL
      SELECT 'characteristic', n."code", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", 1, i."victimCount", i."updatedAt"
        FROM new_rows n JOIN "Incident" i ON i."id" = n."incidentId" WHERE i."deletedAt" IS NULL
    ) AS c
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome") DO UPDATE
    SET "records" = t."records" + excluded."records", "people" = t."people" + excluded."people",
        "lastChanged" = greatest(t."lastChanged", excluded."lastChanged");
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Incident_tally_insert" AFTER INSERT ON "Incident"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "incident_tally_insert"();

CREATE TRIGGER "Incident_tally_update" AFTER UPDATE ON "Incident"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "incident_tally_update"();

CREATE TRIGGER "Incident_tally_delete" BEFORE DELETE ON "Incident"
  FOR EACH ROW EXECUTE FUNCTION "incident_tally_delete"();

CREATE TRIGGER "IncidentCharacteristic_tally_insert" AFTER INSERT ON "IncidentCharacteristic"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "incident_characteristic_tally_insert"();

CREATE TRIGGER "IncidentCharacteristic_tally_delete" AFTER DELETE ON "IncidentCharacteristic"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "incident_characteristic_tally_delete"();

CREATE TRIGGER "IncidentCharacteristic_tally_update" AFTER UPDATE ON "IncidentCharacteristic"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "incident_characteristic_tally_update"();

ANALYZE "IncidentTally";
