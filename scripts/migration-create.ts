// Writes a new migration for both databases, offline (see scripts/schema-diff.ts).
// Usage: npm run db:migration -- <name>
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { migrationsDir } from "../app/lib/migrate.server.ts";
import { diffFor, isEmptyDiff, loadEngine } from "./schema-diff.ts";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("Give the migration a name: npm run db:migration -- add_something");
  process.exit(1);
}
const bg = await loadEngine();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const kind of ["sqlite", "postgresql"] as const) {
  const sql = await diffFor(kind, bg);
  if (isEmptyDiff(sql)) {
    console.log(`${kind}: no changes`);
    continue;
  }
  const dir = join(migrationsDir(kind), `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  writeFileSync(join(migrationsDir(kind), "migration_lock.toml"), `# Written by scripts/migration-create.ts\nprovider = "${kind}"\n`);
  console.log(`${kind}: wrote ${dir}/migration.sql`);
}
