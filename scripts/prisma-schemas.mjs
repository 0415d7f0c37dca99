// Writes one Prisma schema per database from prisma/models.prisma.
// Prisma rejects `provider = env(...)` and a generated client only works with its
// own provider's adapter, so each database gets its own schema and client
// (see docs/decisions/002-two-databases-one-model.md).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const PROVIDERS = ["sqlite", "postgresql"];

export function renderSchema(provider, models) {
  return `// GENERATED from prisma/models.prisma by scripts/prisma-schemas.mjs: do not edit.
generator client {
  provider     = "prisma-client"
  output       = "../../app/generated/prisma-${provider}"
  moduleFormat = "esm"
  runtime      = "nodejs"
  // Case search as a relation over a database view (decision 117)
  previewFeatures = ["views"]
}

datasource db {
  provider = "${provider}"
}

${models}`;
}

export function writeSchemas() {
  const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
  const written = [];
  for (const provider of PROVIDERS) {
    const file = join(root, "prisma", provider, "schema.prisma");
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, renderSchema(provider, models));
    written.push(file);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const f of writeSchemas()) console.log(`wrote ${f}`);
}
