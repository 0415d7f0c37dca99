// The app server of `npm run dev`, started by `remix dev --manual` (package.json):
// remix dev rebuilds the app into build/dev on every change to app/, and this
// server, started once, migrates and seeds like `npm start`, then loads each new
// build without restarting (the database connection and a rules run in progress
// survive) and tells remix dev it is ready, which reloads the page in the browser.
import { watch } from "node:fs";
import { join } from "node:path";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import { checkConfiguration, enterProject, exitWith, prepareDatabase } from "./prepare.ts";
import { createApp, importBuild, startServer } from "./server.ts";

async function main() {
  const root = enterProject();
  const env = checkConfiguration();
  const { target } = await prepareDatabase(env);
  process.env.VIGIA_DEPLOYMENT = env.isProduction ? "production" : "development";
  // remix.config.js sends a development build here, apart from the production one.
  const dir = join(root, "build/dev");
  const path = join(dir, "index.js");
  const load = () => importBuild(path, { fresh: true });
  let build: ServerBuild = await load();
  const app = await createApp({ build: async () => build, mode: "development" });
  await startServer({ port: env.port, databaseKind: target.kind, app });
  await broadcastDevReady(build);

  let pending: NodeJS.Timeout | undefined;
  watch(dir, (_event, file) => {
    if (file !== "index.js") return;
    // A build is written in several steps: load it once the writing has stopped.
    clearTimeout(pending);
    pending = setTimeout(async () => {
      try {
        const next = await load();
        if (next.assets.version === build.assets.version) return;
        build = next;
        await broadcastDevReady(build);
      } catch (error) {
        // Half-written: the next change event loads the finished build.
        console.error("Could not load the new build yet:", error instanceof Error ? error.message : error);
      }
    }, 100);
  });
}

main().catch(exitWith);
