-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- The one row, and triggers that bump it in the same transaction as any change to
-- what the dashboards count (docs/decisions/077-data-versioned-cache.md).
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);

CREATE TRIGGER "Incident_insert_bump_data_version" AFTER INSERT ON "Incident"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Incident_update_bump_data_version" AFTER UPDATE ON "Incident"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Incident_delete_bump_data_version" AFTER DELETE ON "Incident"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "IncidentCharacteristic_insert_bump_data_version" AFTER INSERT ON "IncidentCharacteristic"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "IncidentCharacteristic_update_bump_data_version" AFTER UPDATE ON "IncidentCharacteristic"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "IncidentCharacteristic_delete_bump_data_version" AFTER DELETE ON "IncidentCharacteristic"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "IncidentSource_insert_bump_data_version" AFTER INSERT ON "IncidentSource"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "IncidentSource_update_bump_data_version" AFTER UPDATE ON "IncidentSource"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "IncidentSource_delete_bump_data_version" AFTER DELETE ON "IncidentSource"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "IncidentProvisionLink_insert_bump_data_version" AFTER INSERT ON "IncidentProvisionLink"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "IncidentProvisionLink_update_bump_data_version" AFTER UPDATE ON "IncidentProvisionLink"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "IncidentProvisionLink_delete_bump_data_version" AFTER DELETE ON "IncidentProvisionLink"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "PublishedFigure_insert_bump_data_version" AFTER INSERT ON "PublishedFigure"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "PublishedFigure_update_bump_data_version" AFTER UPDATE ON "PublishedFigure"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "PublishedFigure_delete_bump_data_version" AFTER DELETE ON "PublishedFigure"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Milestone_insert_bump_data_version" AFTER INSERT ON "Milestone"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Milestone_update_bump_data_version" AFTER UPDATE ON "Milestone"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Milestone_delete_bump_data_version" AFTER DELETE ON "Milestone"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_insert_bump_data_version" AFTER INSERT ON "Source"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_update_bump_data_version" AFTER UPDATE ON "Source"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Source_delete_bump_data_version" AFTER DELETE ON "Source"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Provision_insert_bump_data_version" AFTER INSERT ON "Provision"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Provision_update_bump_data_version" AFTER UPDATE ON "Provision"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Provision_delete_bump_data_version" AFTER DELETE ON "Provision"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Instrument_insert_bump_data_version" AFTER INSERT ON "Instrument"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Instrument_update_bump_data_version" AFTER UPDATE ON "Instrument"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;

CREATE TRIGGER "Instrument_delete_bump_data_version" AFTER DELETE ON "Instrument"
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
END;
