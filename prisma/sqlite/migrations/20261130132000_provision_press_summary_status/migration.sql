-- Data fix (issue 10): AP-I-MIN was seeded as "confirmed" although it is known
-- only from a press summary of the Action Plan. Databases seeded before this
-- change get the press-summary status, unless someone has edited the status or
-- note since (then their decision stands). The version moves so that an edit
-- form opened before the fix sees it as a newer version.
UPDATE "Provision"
SET "status" = 'press_summary', "statusNote" = NULL, "version" = "version" + 1
WHERE "code" = 'AP-I-MIN' AND "status" = 'confirmed' AND "statusNote" = 'press summary of plan text';
