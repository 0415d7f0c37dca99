// Builds the Remix app when there is no build or a source is newer than it, so
// that `npm start` works on a fresh clone and after a pull.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ConfigError } from "../app/lib/database-url.ts";

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds when there is no build or any source is newer than it. */
export function buildIfNeeded(log: (s: string) => void = console.log): void {
  const built = "build/index.js";
  const sources = ["app", "remix.config.js", "package.json"].filter(existsSync);
  const stale = !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
  if (!stale) return;
  if (!existsSync("app/generated/prisma-sqlite/client.ts")) {
    const gen = spawnSync(process.execPath, ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
    if (gen.status !== 0) throw new ConfigError("Generating the Prisma clients failed: run `npm install` again and read its output.");
  }
  log("Building the app (first start or sources changed)...");
  const r = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new ConfigError("The build failed: read the errors above, or run `npm install` again if packages are missing.");
}
