// Once per run and database kind: a template database, migrated and seeded
// (demo users included), that every test file copies.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createDb } from "~/lib/db.server.ts";
import { analyzeDatabase, migrate } from "~/lib/migrate.server.ts";
import { seed } from "../../seeds/seed.ts";
import { createEmptyDatabase, TEST_DIR } from "./test-db.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: { kind: "sqlite" | "postgresql"; url: string; file?: string };
  }
}

export default async function setup(project: TestProject) {
  const kind = (project.config.env?.TEST_DB_KIND ?? "sqlite") as "sqlite" | "postgresql";
  // One folder per run: another run in the same checkout (a second terminal) keeps its own files.
  const runDir = join(TEST_DIR, `run-${process.pid}-${randomBytes(3).toString("hex")}`);
  const { target, drop } = await createEmptyDatabase(kind, "template", runDir);
  await migrate(target);
  const db = createDb(target);
  await seed(db, { demoUsers: true });
  await db.$disconnect();
  await analyzeDatabase(target); // as npm start does
  project.provide("templateDatabase", target);
  return async () => {
    await drop();
    if (kind === "sqlite") rmSync(runDir, { recursive: true, force: true });
  };
}
