import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createDb } from "~/lib/db.server.ts";
import { migrate, migrationsDir, readMigrations } from "~/lib/migrate.server.ts";
import { diffFor, isEmptyDiff, loadEngine } from "../../scripts/schema-diff.ts";
import { renderSchema } from "../../scripts/prisma-schemas.mjs";
import { createEmptyDatabase } from "../setup/test-db.ts";

const kind = inject("templateDatabase").kind;

describe(`migrations (${kind})`, () => {
  it("the committed schema files are generated from prisma/models.prisma", () => {
    const models = readFileSync("prisma/models.prisma", "utf8");
    expect(readFileSync(`prisma/${kind}/schema.prisma`, "utf8")).toBe(renderSchema(kind, models));
  });

  it("take an empty database exactly to the schema (no drift)", async () => {
    const engine = await loadEngine();
    const sql = await diffFor(kind, engine);
    expect(isEmptyDiff(sql), sql).toBe(true);
  }, 60_000);

  it("record each migration in Prisma's own table and apply nothing twice", async () => {
    const { target, drop } = await createEmptyDatabase(kind, "migrate");
    try {
      const all = readMigrations(migrationsDir(kind)).map((m) => m.name);
      expect(await migrate(target)).toEqual(all);
      expect(await migrate(target)).toEqual([]);
      const db = createDb(target);
      const rows = await db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`;
      expect(rows.map((r) => r.migration_name)).toEqual(all);
      await db.$disconnect();
    } finally {
      await drop();
    }
  });

  // SQLite only: PostgreSQL changes a table in place and never re-creates it.
  if (kind === "sqlite")
    it("keep child rows when a migration re-creates their parent table (SQLite)", async () => {
      const { target, drop } = await createEmptyDatabase(kind, "redefine");
      const dir = mkdtempSync(join(tmpdir(), "vigia-migrations-"));
      try {
        cpSync(migrationsDir(kind), dir, { recursive: true });
        await migrate(target, dir);
        const db = createDb(target);
        await db.instrument.create({ data: { id: "i1", code: "X", name: "X", kind: "law" } });
        await db.milestone.create({ data: { key: "k", date: new Date(), label: "L", instrumentId: "i1" } });
        await db.$disconnect();
        // The way Prisma writes a change to a SQLite table: new table, copy, drop, rename.
        const columns = '"id", "code", "name", "nameEs", "nameFr", "kind", "sourceId", "position", "version", "createdAt", "updatedAt"';
        const sql = `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Instrument" (
  "id" TEXT NOT NULL PRIMARY KEY, "code" TEXT NOT NULL, "name" TEXT NOT NULL, "nameEs" TEXT, "nameFr" TEXT, "kind" TEXT NOT NULL,
  "sourceId" TEXT, "position" INTEGER NOT NULL DEFAULT 0, "version" INTEGER NOT NULL DEFAULT 1,
  "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "updatedAt" DATETIME NOT NULL,
  CONSTRAINT "Instrument_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Instrument" (${columns}) SELECT ${columns} FROM "Instrument";
DROP TABLE "Instrument";
ALTER TABLE "new_Instrument" RENAME TO "Instrument";
CREATE UNIQUE INDEX "Instrument_code_key" ON "Instrument"("code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;`;
        mkdirSync(join(dir, "99999999999999_redefine"));
        writeFileSync(join(dir, "99999999999999_redefine", "migration.sql"), sql);
        expect(await migrate(target, dir)).toEqual(["99999999999999_redefine"]);
        const after = createDb(target);
        expect((await after.milestone.findUniqueOrThrow({ where: { key: "k" } })).instrumentId).toBe("i1");
        await after.$disconnect();
      } finally {
        await drop();
      }
    });

  // PostgreSQL only: SQLite's FTS5 table was filled by its own migration (its 'rebuild').
  if (kind === "postgresql")
    it("fill the stored search text for records written before it (PostgreSQL, decision 128)", async () => {
      const { target, drop } = await createEmptyDatabase(kind, "searchfill");
      const dir = mkdtempSync(join(tmpdir(), "vigia-migrations-"));
      const stored = "20261201050000_case_search_stored_text";
      try {
        cpSync(migrationsDir(kind), dir, { recursive: true, filter: (source) => !source.includes(stored) });
        await migrate(target, dir);
        const db = createDb(target);
        const base = {
          origin: "gw_dataset",
          occurredOn: new Date("2019-06-01"),
          year: 2019,
          sector: "mining_extractives",
          perpetratorType: "hitmen",
          outcome: "killed",
        };
        const { id } = await db.incident.create({ data: { ...base, victimName: "Ángel Núñez", municipality: "Tlapa de Comonfort" }, select: { id: true } });
        await db.$disconnect();
        cpSync(join(migrationsDir(kind), stored), join(dir, stored), { recursive: true });
        expect(await migrate(target, dir)).toEqual([stored]);
        const after = createDb(target);
        const rows = await after.$queryRaw<{ id: string; text: string }[]>`SELECT "id", "text" FROM "IncidentSearch"`;
        expect(rows).toEqual([{ id, text: "angel nunez tlapa de comonfort" }]);
        // The view reads it, and a record written afterwards is stored by the trigger.
        expect(await after.incident.count({ where: { searchRows: { some: { text: { contains: "nunez" } } } } })).toBe(1);
        await after.incident.create({ data: { ...base, victimName: "Óscar Ruiz" } });
        expect(await after.incident.count({ where: { searchRows: { some: { text: { contains: "oscar" } } } } })).toBe(1);
        await after.$disconnect();
      } finally {
        await drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });

  it("refuse a migration that was edited after it was applied", async () => {
    const { target, drop } = await createEmptyDatabase(kind, "edited");
    const dir = mkdtempSync(join(tmpdir(), "vigia-migrations-"));
    try {
      cpSync(migrationsDir(kind), dir, { recursive: true });
      await migrate(target, dir);
      const first = readMigrations(dir)[0];
      writeFileSync(join(dir, first.name, "migration.sql"), first.sql + "\n-- edited\n");
      await expect(migrate(target, dir)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await drop();
    }
  });
});
