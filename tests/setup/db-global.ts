// Once per run and database kind: a template database, migrated and seeded
// (demo users included), that every test file copies.
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createDb } from "~/lib/db.server.ts";
import { migrate } from "~/lib/migrate.server.ts";
import { seed } from "../../seeds/seed.ts";
import { createEmptyDatabase, TEST_DIR } from "./test-db.ts";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: { kind: "sqlite" | "postgresql"; url: string; file?: string };
  }
}

export default async function setup(project: TestProject) {
  const kind = (project.config.env?.TEST_DB_KIND ?? "sqlite") as "sqlite" | "postgresql";
  if (kind === "sqlite") rmSync(TEST_DIR, { recursive: true, force: true });
  const { target, drop } = await createEmptyDatabase(kind, "template");
  await migrate(target);
  const db = createDb(target);
  await seed(db, { demoUsers: true });
  await db.$disconnect();
  project.provide("templateDatabase", target);
  return async () => {
    await drop();
  };
}
