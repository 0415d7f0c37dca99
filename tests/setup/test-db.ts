// Test databases: one template per run, migrated and seeded once, then one copy
// per test file (Epic Stack's idea), for SQLite (a file copy) and PostgreSQL
// (CREATE DATABASE ... TEMPLATE).
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DatabaseTarget } from "~/lib/database-url.ts";

export const TEST_DIR = resolve(import.meta.dirname, "..", ".artifacts", "db");

export function postgresAdminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error("TEST_POSTGRES_URL is not set");
  return url;
}

export function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of the given kind (not migrated). */
export async function createEmptyDatabase(
  kind: DatabaseTarget["kind"],
  label = "empty",
  dir = TEST_DIR,
): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const id = `${label}_${process.pid}_${randomBytes(4).toString("hex")}`;
  if (kind === "sqlite") {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${id}.db`);
    return {
      target: { kind, url: `file:${file}`, file },
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
      },
    };
  }
  const name = `vigia_${id}`.toLowerCase();
  await adminQuery(`CREATE DATABASE ${name}`);
  return {
    target: { kind, url: withDatabase(postgresAdminUrl(), name) },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A copy of the template database for one test file. */
export async function copyTemplate(template: DatabaseTarget): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const id = `${process.pid}_${randomBytes(4).toString("hex")}`;
  if (template.kind === "sqlite") {
    // Next to the template: each run has its own folder, so two runs never meet.
    const file = join(dirname(template.file!), `file_${id}.db`);
    copyFileSync(template.file!, file);
    return {
      target: { kind: "sqlite", url: `file:${file}`, file },
      drop: async () => {
        for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
      },
    };
  }
  const templateName = new URL(template.url).pathname.slice(1);
  const name = `vigia_file_${id}`;
  // Two copies of one template cannot start at the same instant: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
      break;
    } catch (error) {
      if (attempt >= 30 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  return {
    target: { kind: "postgresql", url: withDatabase(postgresAdminUrl(), name) },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
