// What `npm start` and `npm run dev` do before they serve: check the
// configuration, migrate and seed the database, and give a new database its
// link suggestions. Every failure a newcomer can meet ends in one sentence.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { ConfigError } from "../app/lib/database-url.ts";
import { readEnv, type Env } from "../app/lib/env.server.ts";
import { checkDataKeys } from "../app/lib/field-crypto.server.ts";
import { setUpDatabase } from "./db-setup.ts";

/** Runs from the project's folder, with .env read if there is one. */
export function enterProject(): string {
  const root = resolve(import.meta.dirname, "..");
  process.chdir(root);
  if (existsSync(".env")) process.loadEnvFile(".env");
  return root;
}

export function checkConfiguration(): Env {
  const env = readEnv();
  if (env.isProduction && env.usingDevSecret) {
    throw new ConfigError(
      "SESSION_SECRET is not set: a production deployment needs its own long random secret, for example SESSION_SECRET=$(openssl rand -hex 32).",
    );
  }
  // Production refuses to start without a DATA_KEY of its own (decision 102).
  checkDataKeys();
  return env;
}

/**
 * A new database gets its link suggestions once, so reviewers find work waiting;
 * later runs are an admin's choice (/provisions/rules or npm run links:suggest).
 * Suggestions are never counted until a person accepts them.
 */
async function suggestLinksOnFirstStart() {
  const { prisma } = await import("../app/lib/db.server.ts");
  if ((await prisma.linkSuggestionJob.count()) > 0) return;
  const { suggestAllLinks } = await import("./links-suggest.ts");
  let last = "";
  await suggestAllLinks((line) => (last = line));
  console.log(`Link suggestions for review: ${last}`);
}

/**
 * Migrates, seeds what is missing and, on a new database, suggests links.
 * A production deployment refuses to start while a demo account (public
 * password) is active; elsewhere every page says demo accounts are enabled.
 */
export async function prepareDatabase(env: Pick<Env, "isProduction"> = { isProduction: false }) {
  const prepared = await setUpDatabase({ log: (s) => console.log(s) });
  if (prepared.activeDemoUsers.length) {
    if (env.isProduction) {
      throw new ConfigError(
        `demo accounts with public passwords are active on this database (${prepared.activeDemoUsers.join(", ")}): start once with SEED_DEMO_USERS=0 to deactivate them, or point DATABASE_URL at a production database.`,
      );
    }
    console.log(`Demo accounts are active (development only): ${prepared.activeDemoUsers.join(", ")}`);
  }
  // Confidential fields still in plain text (or under DATA_KEY_PREVIOUS) are encrypted under DATA_KEY.
  const { reencryptConfidentialFields } = await import("../app/models/incident.server.ts");
  const { rewritten } = await reencryptConfidentialFields();
  if (rewritten) console.log(`Encrypted the confidential fields of ${rewritten} case records under DATA_KEY.`);
  await suggestLinksOnFirstStart();
  // The layout says so on every page exactly when demo accounts can sign in.
  if (prepared.activeDemoUsers.length) process.env.VIGIA_DEMO_USERS = "1";
  else delete process.env.VIGIA_DEMO_USERS;
  return prepared;
}

export function exitWith(error: unknown): never {
  if (error instanceof ConfigError) {
    console.error(`Vigía cannot start: ${error.message}`);
  } else {
    console.error("Vigía cannot start because of an unexpected error:", error);
  }
  process.exit(1);
}
