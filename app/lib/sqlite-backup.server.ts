// Backups of the SQLite database through SQLite's online backup API (better-sqlite3's
// db.backup), never a plain file copy: a copy of the live file misses whatever is
// still in the WAL (decision 101). PostgreSQL is backed up with pg_dump (README).
import { existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { ConfigError } from "./database-url.ts";
import { FILE_MODE, secureSqliteFiles } from "./sqlite-files.server.ts";
import { chmodSync } from "node:fs";

/** "ok", or SQLite's first complaint about the file. */
export function checkSqliteFile(file: string): string {
  if (!existsSync(file)) return `${file} does not exist`;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma("integrity_check", { simple: true }) as string;
    if (result !== "ok") return result;
    const migrated = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get() as { n: number };
    return migrated.n === 1 ? "ok" : "it is not a Vigía database (no _prisma_migrations table)";
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    db?.close();
  }
}

/** The data version counter of a Vigía database (the DataVersion row), null where it has none. */
export function dataVersionOf(file: string): number | null {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'DataVersion'`).get();
    if (!table) return null;
    const row = db.prepare(`SELECT "version" FROM "DataVersion" WHERE "id" = 1`).get() as { version: number } | undefined;
    return row?.version ?? null;
  } finally {
    db.close();
  }
}

/** Copies every page from `from` to `to` (created or overwritten) with the backup API, all in one step. */
async function copyPages(from: string, to: string): Promise<void> {
  const source = new Database(from, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    // One step for the whole file: the copy is of one moment, taken under one read lock.
    await source.backup(to, { progress: () => 1_000_000_000 });
  } finally {
    source.close();
  }
}

/**
 * A consistent copy of a live database at `dest` (0600), made while the app
 * keeps running: written beside `dest`, checked, then renamed into place, so a
 * failed backup never leaves a half-written file under the name.
 */
export async function backupSqlite(source: string, dest: string): Promise<void> {
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  secureSqliteFiles(dest);
  await copyPages(source, partial);
  chmodSync(partial, FILE_MODE);
  // The copy is a file on its own: no -wal beside it.
  const copy = new Database(partial);
  copy.pragma("journal_mode = DELETE");
  copy.close();
  const check = checkSqliteFile(partial);
  if (check !== "ok") {
    rmSync(partial, { force: true });
    throw new ConfigError(`the backup failed its integrity check (${check}); nothing was written to ${dest}.`);
  }
  renameSync(partial, dest);
}

/**
 * Puts a backup back as the live database. The backup is checked first; the
 * current database is first copied aside (returned), then the backup's pages are
 * written into the live file through the backup API, under SQLite's own locks.
 */
export async function restoreSqlite(backup: string, live: string, now = new Date()): Promise<string | null> {
  const check = checkSqliteFile(backup);
  if (check !== "ok") throw new ConfigError(`${backup} cannot be restored: ${check}. The current database is unchanged.`);
  let aside: string | null = null;
  if (existsSync(live)) {
    aside = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    await backupSqlite(live, aside);
  }
  const liveVersion = existsSync(live) ? dataVersionOf(live) : null;
  secureSqliteFiles(live);
  await copyPages(backup, live);
  const db = new Database(live);
  try {
    db.pragma("journal_mode = WAL");
    // A running server keeps aggregates and pages by data version (decision 077): the restored
    // data get a version above both the backup's and the replaced database's, so that nothing
    // kept for either is served for them.
    const restored = dataVersionOf(live);
    if (restored !== null) db.prepare(`UPDATE "DataVersion" SET "version" = ? WHERE "id" = 1`).run(Math.max(restored, liveVersion ?? 0) + 1);
  } finally {
    db.close();
  }
  secureSqliteFiles(live);
  const after = checkSqliteFile(live);
  if (after !== "ok") throw new ConfigError(`the restored database failed its integrity check (${after}); the previous one is at ${aside}.`);
  return aside;
}
