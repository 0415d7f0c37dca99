// `npm run restore -- <file>`: puts a backup made by `npm run backup` back as the
// SQLite database named by DATABASE_URL. The backup's integrity is checked
// first and the current database is copied aside before anything changes.
import { resolve } from "node:path";
import { ConfigError, parseDatabaseUrl } from "../app/lib/database-url.ts";
import { restoreSqlite } from "../app/lib/sqlite-backup.server.ts";
import { enterProject } from "./prepare.ts";

async function main() {
  const cwd = process.cwd();
  enterProject();
  const file = process.argv[2];
  if (!file) throw new ConfigError("say which backup to restore: npm run restore -- backups/vigia-2026-01-31.db");
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.kind !== "sqlite") throw new ConfigError("this database is PostgreSQL: restore it with pg_restore (see README, Backups).");
  const aside = await restoreSqlite(resolve(cwd, file), target.file!);
  console.log(`Restored ${resolve(cwd, file)} into ${target.file} (integrity check ok).`);
  if (aside) console.log(`The database as it was before is kept at ${aside}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Restore failed: ${error.message}` : error);
  process.exit(1);
});
