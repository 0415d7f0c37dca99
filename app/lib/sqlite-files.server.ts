// The SQLite database on disk: only the account that runs Vigía may read it
// (decision 100). The folder is 0700 and the database with its -wal and -shm
// files 0600; SQLite gives the -wal and -shm files the mode of the database file.
import { chmodSync, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/**
 * Makes the database's folder (0700) if it is missing and narrows the modes of
 * what exists. A shared folder (sticky bit, such as /tmp) or one another account
 * owns is left as it is: the files inside are still 0600.
 */
export function secureSqliteFiles(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  const st = statSync(dir);
  const ownDir = process.getuid ? st.uid === process.getuid() : true;
  if (ownDir && !(st.mode & 0o1000) && (st.mode & 0o777) !== DIR_MODE) chmodSync(dir, DIR_MODE);
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(f) && (statSync(f).mode & 0o777) !== FILE_MODE) chmodSync(f, FILE_MODE);
  }
}

/**
 * The pragmas every connection to Vigía's SQLite database runs with: WAL, and
 * synchronous=FULL so that a commit is on disk (WAL fsynced) before it is
 * acknowledged, even across a power failure (decision 100).
 */
export const SQLITE_PRAGMAS = ["journal_mode = WAL", "synchronous = FULL", "busy_timeout = 5000"] as const;

/**
 * The dashboards' covering indexes (prisma/models.prisma), which the planner must not walk
 * by skip-scan. Their third column is deletedAt, and sqlite_stat1 averages over its values:
 * 5,000 deletion times and one NULL held by 99.5% of the records read as "199 records per
 * value", so `deletedAt IS NULL` looks selective. At 1,000,000 records the case list's first
 * page then skip-scanned one of them and sorted half the table (2.3–4.6 s) instead of walking
 * (occurredOn, id) for 51 rows (3 ms) (decision 131). Walked from their first column, as the
 * dashboards' GROUP BY does, they are unaffected.
 */
export const NO_SKIP_SCAN_INDEXES = [
  "Incident_sector_dashboard_idx",
  "Incident_perpetrator_dashboard_idx",
  "Incident_state_dashboard_idx",
  "Incident_outcome_dashboard_idx",
] as const;

/**
 * Marks those indexes "noskipscan" in sqlite_stat1 (SQLite's documented hint) and reloads the
 * statistics on this connection, one statement each. Run after every ANALYZE or PRAGMA
 * optimize, which write the rows afresh without it. The first ANALYZE sqlite_schema makes
 * sqlite_stat1 where it is missing. Constant text: no value comes from outside.
 */
export const SQLITE_PLANNER_HINTS = [
  "ANALYZE sqlite_schema",
  `UPDATE sqlite_stat1 SET stat = stat || ' noskipscan' WHERE idx IN (${NO_SKIP_SCAN_INDEXES.map((i) => `'${i}'`).join(", ")}) AND instr(stat, 'noskipscan') = 0`,
  "ANALYZE sqlite_schema",
] as const;
