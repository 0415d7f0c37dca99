-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- The one row, and triggers that bump it in the same transaction as any change to
-- what the dashboards count (docs/decisions/077-data-versioned-cache.md).
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

CREATE FUNCTION "bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Incident_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Incident"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

CREATE TRIGGER "IncidentCharacteristic_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IncidentCharacteristic"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

CREATE TRIGGER "IncidentSource_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IncidentSource"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

CREATE TRIGGER "IncidentProvisionLink_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "IncidentProvisionLink"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

CREATE TRIGGER "PublishedFigure_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PublishedFigure"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

CREATE TRIGGER "Milestone_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Milestone"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

CREATE TRIGGER "Source_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Source"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

CREATE TRIGGER "Provision_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Provision"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();

CREATE TRIGGER "Instrument_bump_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Instrument"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_data_version"();
