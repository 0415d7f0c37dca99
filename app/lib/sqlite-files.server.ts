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
