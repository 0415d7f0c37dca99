import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
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
