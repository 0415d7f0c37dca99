// `npm start`: checks the configuration, builds the app if its sources changed,
// migrates and seeds the database, then serves on PORT (default 3000).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildIfNeeded } from "./build-if-needed.ts";
import { checkConfiguration, enterProject, exitWith, prepareDatabase } from "./prepare.ts";

async function main() {
  const root = enterProject();
  const env = checkConfiguration();
  buildIfNeeded();
  const { target } = await prepareDatabase(env);
  // Serve the production build in production mode whatever the shell says, but
  // remember what the deployment is: a development database keeps its demo accounts.
  process.env.VIGIA_DEPLOYMENT = env.isProduction ? "production" : "development";
  process.env.NODE_ENV = "production";
  const { startServer } = await import(pathToFileURL(join(root, "scripts/server.ts")).href);
  await startServer({ port: env.port, databaseKind: target.kind });
}

main().catch(exitWith);
