// Generates both Prisma clients without network access.
// Prisma's CLI tries to download its native schema engine before any command;
// `generate` never runs it, so pointing PRISMA_SCHEMA_ENGINE_BINARY at an
// existing executable lets it work offline (../shared/STACK-NOTES.md).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PROVIDERS, writeSchemas } from "./prisma-schemas.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
writeSchemas();
const prismaBin = join(root, "node_modules", ".bin", "prisma");
if (!existsSync(prismaBin)) {
  console.error("Prisma's CLI is not installed: run `npm install` first.");
  process.exit(1);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
for (const provider of PROVIDERS) {
  const r = spawnSync(prismaBin, ["generate", "--schema", `prisma/${provider}/schema.prisma`], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (r.status !== 0) {
    console.error(`Could not generate the Prisma client for ${provider}:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  console.log(`generated the Prisma client for ${provider}`);
}
