// `npm start`: checks the configuration, builds the app if its sources changed,
// migrates and seeds the database, then serves on PORT (default 3000).
// Every failure a newcomer can meet ends in one sentence saying what to fix.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ConfigError } from "../app/lib/database-url.ts";
import { readEnv } from "../app/lib/env.server.ts";
import { buildIfNeeded } from "./build-if-needed.ts";
import { setUpDatabase } from "./db-setup.ts";

const root = resolve(import.meta.dirname, "..");
process.chdir(root);
if (existsSync(".env")) process.loadEnvFile(".env");

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

async function main() {
  const env = readEnv();
  if (env.isProduction && env.usingDevSecret) {
    throw new ConfigError(
      "SESSION_SECRET is not set: a production deployment needs its own long random secret, for example SESSION_SECRET=$(openssl rand -hex 32).",
    );
  }
  buildIfNeeded();
  const { target, demoUsers } = await setUpDatabase({ log: (s) => console.log(s) });
  await suggestLinksOnFirstStart();
  // Serve the production build in production mode whatever the shell says.
  process.env.NODE_ENV = "production";
  if (demoUsers) process.env.VIGIA_DEMO_USERS = "1";
  const { startServer } = await import(pathToFileURL(join(root, "scripts/server.ts")).href);
  await startServer({ port: env.port, databaseKind: target.kind });
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`Vigía cannot start: ${error.message}`);
  } else {
    console.error("Vigía cannot start because of an unexpected error:", error);
  }
  process.exit(1);
});
