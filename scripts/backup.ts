// `npm run backup -- <file>`: a consistent copy of the SQLite database named by
// DATABASE_URL, taken with SQLite's online backup API while the app keeps
// running, checked, and written 0600. PostgreSQL: pg_dump (see README).
import { resolve } from "node:path";
import { ConfigError, parseDatabaseUrl } from "../app/lib/database-url.ts";
import { backupSqlite } from "../app/lib/sqlite-backup.server.ts";
import { enterProject } from "./prepare.ts";

const POSTGRES_HINT = "this database is PostgreSQL: back it up with pg_dump -Fc (see README, Backups).";

async function main() {
  const cwd = process.cwd();
  enterProject();
  const file = process.argv[2];
  if (!file) throw new ConfigError("say where to write the backup: npm run backup -- backups/vigia-2026-01-31.db");
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.kind !== "sqlite") throw new ConfigError(POSTGRES_HINT);
  const dest = resolve(cwd, file);
  await backupSqlite(target.file!, dest);
  console.log(`Backed up ${target.file} to ${dest} (integrity check ok).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Backup failed: ${error.message}` : error);
  process.exit(1);
});
