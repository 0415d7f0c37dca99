// Migrates the database named by DATABASE_URL and seeds what is missing.
// Used by `npm start` and `npm run db:setup`; safe to run any number of times.
import { pathToFileURL } from "node:url";
import { ConfigError, parseDatabaseUrl, type DatabaseTarget } from "../app/lib/database-url.ts";
import { createDb } from "../app/lib/db.server.ts";
import { analyzeDatabase, migrate, migrationsDir, readMigrations } from "../app/lib/migrate.server.ts";
import { activeDemoUsers, deactivateDemoUsers, seed, type SeedReport } from "../seeds/seed.ts";

export function demoUsersWanted(target: DatabaseTarget, env = process.env): boolean {
  if (env.SEED_DEMO_USERS === "1") {
    if (env.NODE_ENV === "production") {
      throw new ConfigError(
        "SEED_DEMO_USERS=1 adds accounts whose passwords are public, which a production deployment refuses: remove SEED_DEMO_USERS, or set it to 0.",
      );
    }
    return true;
  }
  if (env.SEED_DEMO_USERS === "0") return false;
  return target.kind === "sqlite" && env.NODE_ENV !== "production";
}

export async function setUpDatabase({ log = () => {}, demoUsers }: { log?: (line: string) => void; demoUsers?: boolean } = {}): Promise<{
  target: DatabaseTarget;
  applied: string[];
  seeded: SeedReport;
  demoUsers: boolean;
  /** Emails of the demo accounts active on the database after setup */
  activeDemoUsers: string[];
}> {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (readMigrations(migrationsDir(target.kind)).length === 0) {
    throw new ConfigError(`No migrations found in ${migrationsDir(target.kind)}: run Vigía from the project's folder.`);
  }
  const applied = await migrate(target);
  if (applied.length) log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  const wantDemo = demoUsers ?? demoUsersWanted(target);
  const db = createDb(target);
  try {
    const seeded = await seed(db, { demoUsers: wantDemo });
    const added = Object.entries(seeded).filter(([, n]) => n > 0);
    log(added.length ? `Seeded: ${added.map(([k, n]) => `${n} ${k}`).join(", ")}` : "Seed data already present.");
    // SEED_DEMO_USERS=0 says this deployment wants none: existing ones are deactivated (and audited).
    if (process.env.SEED_DEMO_USERS === "0") {
      const deactivated = await deactivateDemoUsers(db);
      if (deactivated) log(`Deactivated ${deactivated} demo account(s) (SEED_DEMO_USERS=0).`);
    }
    const demoActive = await activeDemoUsers(db);
    await analyzeDatabase(target);
    return { target, applied, seeded, demoUsers: wantDemo, activeDemoUsers: demoActive };
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await setUpDatabase({ log: console.log });
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
