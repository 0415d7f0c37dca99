// Applies prisma/<kind>/migrations/*/migration.sql in order, without Prisma's
// native schema engine (which this project cannot download; see
// docs/decisions/003-offline-migrations.md). Applied migrations are recorded in
// Prisma's own _prisma_migrations table, so the real CLI accepts the database.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { ConfigError, redact, type DatabaseTarget } from "./database-url.ts";
import { secureSqliteFiles, SQLITE_PLANNER_HINTS, SQLITE_PRAGMAS } from "./sqlite-files.server.ts";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(kind: DatabaseTarget["kind"], root = process.cwd()): string {
  return resolve(root, "prisma", kind, "migrations");
}

export function readMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

function checkHistory(applied: Map<string, string>, migrations: Migration[]) {
  for (const m of migrations) {
    const sum = applied.get(m.name);
    if (sum && sum !== m.checksum) {
      throw new ConfigError(
        `Migration ${m.name} was changed after it was applied to this database: restore the file, or add a new migration instead of editing an old one.`,
      );
    }
  }
}

/** Applies every pending migration; returns the names applied. */
export async function migrate(target: DatabaseTarget, dir = migrationsDir(target.kind)): Promise<string[]> {
  const migrations = readMigrations(dir);
  return target.kind === "sqlite" ? migrateSqlite(target.file!, migrations) : migratePostgres(target.url, migrations);
}

function migrateSqlite(file: string, migrations: Migration[]): string[] {
  secureSqliteFiles(file);
  const db = new Database(file);
  try {
    for (const p of SQLITE_PRAGMAS) db.pragma(p);
    secureSqliteFiles(file);
    // Prisma writes SQLite table changes as "create new, copy, drop old, rename".
    // With foreign keys enforced, dropping the old table runs its ON DELETE actions
    // (SET NULL, CASCADE) on every child row, and the migration's own
    // PRAGMA foreign_keys=OFF is ignored inside a transaction: so enforcement is
    // switched off here, before any transaction, and checked after each migration.
    db.pragma("foreign_keys = OFF");
    db.exec(SQLITE_TABLE);
    const rows = db.prepare(`SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`).all() as {
      migration_name: string;
      checksum: string;
    }[];
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    checkHistory(applied, migrations);
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      db.transaction(() => {
        db.exec(m.sql);
        const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
        if (broken.length) {
          throw new ConfigError(
            `Migration ${m.name} leaves ${broken.length} row(s) of ${broken[0].table} pointing to no ${broken[0].parent}: nothing was applied.`,
          );
        }
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, current_timestamp, ?, current_timestamp, 1)`,
        ).run(randomUUID(), m.checksum, m.name);
      })();
      done.push(m.name);
    }
    return done;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new ConfigError(`Cannot reach PostgreSQL at ${redact(url)} (${(error as Error).message}): start the server or correct DATABASE_URL.`);
  }
  try {
    // Several app servers may start at once against one database: one migrates, the others wait.
    await client.query(`SELECT pg_advisory_lock(72921)`);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    checkHistory(applied, migrations);
    const done: string[] = [];
    for (const m of migrations) {
      if (applied.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(72921)`).catch(() => {});
    await client.end();
  }
}

/**
 * Gathers the planner's statistics. Run at every start after migrating and
 * seeding: with them (and the covering indexes) SQLite keeps both the case list's
 * keyset pages and the dashboards' GROUP BY on good plans (docs/benchmarks.md).
 * PostgreSQL's autovacuum does the same over time; this covers a fresh database.
 */
export async function analyzeDatabase(target: DatabaseTarget): Promise<void> {
  if (target.kind === "sqlite") {
    const db = new Database(target.file!);
    try {
      db.exec("ANALYZE");
      for (const sql of SQLITE_PLANNER_HINTS) db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}
