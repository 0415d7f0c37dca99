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
    "lastChanged" DATETIME NOT NULL,

    PRIMARY KEY ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome")
);

-- The dashboards' counts kept on write (decision 130). Each live record (deletedAt IS
-- NULL) counts once under each of three dimensions, sector, perpetratorType and
-- stateCode ("" for an unknown state), and under "characteristic" once per person
-- characteristic. Triggers keep the table in step in the same transaction as the write,
-- so every reader of the database sees counts that match the records. A group emptied
-- by a deletion keeps its row with records = 0; readers count only records > 0.

-- Existing records.
INSERT INTO "IncidentTally" ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
SELECT "dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", count(*), sum("victimCount"), max("updatedAt") FROM (
  SELECT 'sector' AS "dimension", "sector" AS "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "victimCount", "updatedAt" FROM "Incident" WHERE "deletedAt" IS NULL
  UNION ALL
  SELECT 'perpetratorType', "perpetratorType", "countryCode", "year", "origin", "verificationStatus", "outcome", "victimCount", "updatedAt" FROM "Incident" WHERE "deletedAt" IS NULL
  UNION ALL
  SELECT 'stateCode', coalesce("stateCode", ''), "countryCode", "year", "origin", "verificationStatus", "outcome", "victimCount", "updatedAt" FROM "Incident" WHERE "deletedAt" IS NULL
  UNION ALL
  SELECT 'characteristic', c."code", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", i."victimCount", i."updatedAt"
    FROM "IncidentCharacteristic" c JOIN "Incident" i ON i."id" = c."incidentId" WHERE i."deletedAt" IS NULL
)
GROUP BY "dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome";

-- A new record enters its three groups (its characteristics are written after it, and
-- enter through the triggers on IncidentCharacteristic).
CREATE TRIGGER "Incident_tally_insert" AFTER INSERT ON "Incident" WHEN NEW."deletedAt" IS NULL
BEGIN
  INSERT INTO "IncidentTally" ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged") VALUES
    ('sector', NEW."sector", NEW."countryCode", NEW."year", NEW."origin", NEW."verificationStatus", NEW."outcome", 1, NEW."victimCount", NEW."updatedAt"),
    ('perpetratorType', NEW."perpetratorType", NEW."countryCode", NEW."year", NEW."origin", NEW."verificationStatus", NEW."outcome", 1, NEW."victimCount", NEW."updatedAt"),
    ('stateCode', coalesce(NEW."stateCode", ''), NEW."countryCode", NEW."year", NEW."origin", NEW."verificationStatus", NEW."outcome", 1, NEW."victimCount", NEW."updatedAt")
  ON CONFLICT DO UPDATE SET "records" = "records" + excluded."records", "people" = "people" + excluded."people", "lastChanged" = max("lastChanged", excluded."lastChanged");
END;

-- An edit, a verification, a soft deletion or its undoing: the record leaves its old
-- groups and enters its new ones (both marked changed at the edit's time).
CREATE TRIGGER "Incident_tally_update" AFTER UPDATE ON "Incident"
BEGIN
  UPDATE "IncidentTally" SET "records" = "records" - 1, "people" = "people" - OLD."victimCount", "lastChanged" = max("lastChanged", NEW."updatedAt")
    WHERE OLD."deletedAt" IS NULL AND "countryCode" = OLD."countryCode" AND "year" = OLD."year" AND "origin" = OLD."origin"
      AND "verificationStatus" = OLD."verificationStatus" AND "outcome" = OLD."outcome"
      AND "dimension" = 'sector' AND "value" = OLD."sector";
  UPDATE "IncidentTally" SET "records" = "records" - 1, "people" = "people" - OLD."victimCount", "lastChanged" = max("lastChanged", NEW."updatedAt")
    WHERE OLD."deletedAt" IS NULL AND "countryCode" = OLD."countryCode" AND "year" = OLD."year" AND "origin" = OLD."origin"
      AND "verificationStatus" = OLD."verificationStatus" AND "outcome" = OLD."outcome"
      AND "dimension" = 'perpetratorType' AND "value" = OLD."perpetratorType";
  UPDATE "IncidentTally" SET "records" = "records" - 1, "people" = "people" - OLD."victimCount", "lastChanged" = max("lastChanged", NEW."updatedAt")
    WHERE OLD."deletedAt" IS NULL AND "countryCode" = OLD."countryCode" AND "year" = OLD."year" AND "origin" = OLD."origin"
      AND "verificationStatus" = OLD."verificationStatus" AND "outcome" = OLD."outcome"
      AND "dimension" = 'stateCode' AND "value" = coalesce(OLD."stateCode", '');
  UPDATE "IncidentTally" SET "records" = "records" - 1, "people" = "people" - OLD."victimCount", "lastChanged" = max("lastChanged", NEW."updatedAt")
    WHERE OLD."deletedAt" IS NULL AND "countryCode" = OLD."countryCode" AND "year" = OLD."year" AND "origin" = OLD."origin"
      AND "verificationStatus" = OLD."verificationStatus" AND "outcome" = OLD."outcome"
      AND "dimension" = 'characteristic' AND "value" IN (SELECT "code" FROM "IncidentCharacteristic" WHERE "incidentId" = OLD."id");
  INSERT INTO "IncidentTally" ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
    SELECT d."dimension", d."value", NEW."countryCode", NEW."year", NEW."origin", NEW."verificationStatus", NEW."outcome", 1, NEW."victimCount", NEW."updatedAt"
    FROM (
      SELECT 'sector' AS "dimension", NEW."sector" AS "value"
      UNION ALL SELECT 'perpetratorType', NEW."perpetratorType"
      UNION ALL SELECT 'stateCode', coalesce(NEW."stateCode", '')
      UNION ALL SELECT 'characteristic', "code" FROM "IncidentCharacteristic" WHERE "incidentId" = NEW."id"
    ) AS d
    WHERE NEW."deletedAt" IS NULL
  ON CONFLICT DO UPDATE SET "records" = "records" + excluded."records", "people" = "people" + excluded."people", "lastChanged" = max("lastChanged", excluded."lastChanged");
END;

-- A record removed for good leaves its groups. BEFORE the deletion, while its
-- characteristics are still there (the foreign key's cascade removes them after it,
-- when the triggers on IncidentCharacteristic no longer find the record).
CREATE TRIGGER "Incident_tally_delete" BEFORE DELETE ON "Incident" WHEN OLD."deletedAt" IS NULL
BEGIN
  UPDATE "IncidentTally" SET "records" = "records" - 1, "people" = "people" - OLD."victimCount"
    WHERE "countryCode" = OLD."countryCode" AND "year" = OLD."year" AND "origin" = OLD."origin"
      AND "verificationStatus" = OLD."verificationStatus" AND "outcome" = OLD."outcome"
      AND (("dimension" = 'sector' AND "value" = OLD."sector")
        OR ("dimension" = 'perpetratorType' AND "value" = OLD."perpetratorType")
        OR ("dimension" = 'stateCode' AND "value" = coalesce(OLD."stateCode", ''))
        OR ("dimension" = 'characteristic' AND "value" IN (SELECT "code" FROM "IncidentCharacteristic" WHERE "incidentId" = OLD."id")));
END;

-- A characteristic given to, or taken from, a live record.
CREATE TRIGGER "IncidentCharacteristic_tally_insert" AFTER INSERT ON "IncidentCharacteristic"
BEGIN
  INSERT INTO "IncidentTally" ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
    SELECT 'characteristic', NEW."code", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", 1, i."victimCount", i."updatedAt"
    FROM "Incident" i WHERE i."id" = NEW."incidentId" AND i."deletedAt" IS NULL
  ON CONFLICT DO UPDATE SET "records" = "records" + excluded."records", "people" = "people" + excluded."people", "lastChanged" = max("lastChanged", excluded."lastChanged");
END;

CREATE TRIGGER "IncidentCharacteristic_tally_delete" AFTER DELETE ON "IncidentCharacteristic"
BEGIN
  UPDATE "IncidentTally" SET "records" = "records" - 1,
      "people" = "people" - (SELECT i."victimCount" FROM "Incident" i WHERE i."id" = OLD."incidentId"),
      "lastChanged" = max("lastChanged", (SELECT i."updatedAt" FROM "Incident" i WHERE i."id" = OLD."incidentId"))
    WHERE "dimension" = 'characteristic' AND "value" = OLD."code"
      AND ("countryCode", "year", "origin", "verificationStatus", "outcome") =
        (SELECT i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome" FROM "Incident" i WHERE i."id" = OLD."incidentId" AND i."deletedAt" IS NULL);
END;

CREATE TRIGGER "IncidentCharacteristic_tally_update" AFTER UPDATE ON "IncidentCharacteristic"
BEGIN
  UPDATE "IncidentTally" SET "records" = "records" - 1,
      "people" = "people" - (SELECT i."victimCount" FROM "Incident" i WHERE i."id" = OLD."incidentId"),
      "lastChanged" = max("lastChanged", (SELECT i."updatedAt" FROM "Incident" i WHERE i."id" = OLD."incidentId"))
    WHERE "dimension" = 'characteristic' AND "value" = OLD."code"
      AND ("countryCode", "year", "origin", "verificationStatus", "outcome") =
        (SELECT i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome" FROM "Incident" i WHERE i."id" = OLD."incidentId" AND i."deletedAt" IS NULL);
  INSERT INTO "IncidentTally" ("dimension", "value", "countryCode", "year", "origin", "verificationStatus", "outcome", "records", "people", "lastChanged")
    SELECT 'characteristic', NEW."code", i."countryCode", i."year", i."origin", i."verificationStatus", i."outcome", 1, i."victimCount", i."updatedAt"
    FROM "Incident" i WHERE i."id" = NEW."incidentId" AND i."deletedAt" IS NULL
  ON CONFLICT DO UPDATE SET "records" = "records" + excluded."records", "people" = "people" + excluded."people", "lastChanged" = max("lastChanged", excluded."lastChanged");
END;
