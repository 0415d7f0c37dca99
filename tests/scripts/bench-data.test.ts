// `npm run bench:data`: the synthetic case records are the same for the same seed,
// every one is marked synthetic, and they go only into a bench database (never the
// development database, this test's own database, or anything not marked as a bench
// database). Not timed: the benchmark itself never runs in the tests.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl, type DatabaseTarget } from "~/lib/database-url.ts";
import { createDb } from "~/lib/db.server.ts";
import { migrate } from "~/lib/migrate.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { LETHAL_OUTCOMES } from "~/domain/taxonomy.ts";
import { assertBenchTarget, BENCH_DIR, generateBenchDatabase, inspectDatabase, MARKER_TABLE } from "../../scripts/bench/bench-database.ts";
import { SYNTHETIC_DESCRIPTION_PREFIX, SYNTHETIC_ID_PREFIX, SYNTHETIC_NAME_PREFIX, SYNTHETIC_USERS, syntheticCases } from "../../scripts/bench/synthetic.ts";
import { readCaseRows, seed } from "../../seeds/seed.ts";
import { adminQuery, postgresAdminUrl, withDatabase } from "../setup/test-db.ts";

const root = resolve(import.meta.dirname, "..", "..");
const kind = (process.env.TEST_DB_KIND ?? "sqlite") as DatabaseTarget["kind"];
const made: DatabaseTarget[] = [];

/** A fresh bench database target of this run's kind, removed after the tests. */
function benchTarget(label: string): DatabaseTarget {
  const id = `${label}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const target =
    kind === "sqlite"
      ? parseDatabaseUrl(`file:${join(BENCH_DIR, `test-${id}.db`)}`)
      : parseDatabaseUrl(withDatabase(postgresAdminUrl(), `vigia_bench_test_${id}`));
  made.push(target);
  return target;
}

afterAll(async () => {
  for (const t of made) {
    if (t.kind === "sqlite") for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(t.file! + s, { force: true });
    else await adminQuery(`DROP DATABASE IF EXISTS "${new URL(t.url).pathname.slice(1)}" WITH (FORCE)`);
  }
});

async function rows(target: DatabaseTarget, sql: string): Promise<Record<string, unknown>[]> {
  if (target.kind === "sqlite") {
    const db = new Database(target.file!, { readonly: true });
    try {
      return db.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Every index of the database, as SQL, in name order. */
async function indexes(target: DatabaseTarget): Promise<string[]> {
  const list =
    target.kind === "sqlite"
      ? await rows(target, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      : await rows(
          target,
          `SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '${MARKER_TABLE}' ORDER BY indexname`,
        );
  expect(list.length).toBeGreaterThan(20);
  return list.map((r) => `${r.name}: ${r.sql}`);
}

/** Every trigger of the database, as SQL (SQLite) or by table and name (PostgreSQL), in name order. */
async function triggers(target: DatabaseTarget): Promise<string[]> {
  const list =
    target.kind === "sqlite"
      ? await rows(target, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)
      : await rows(target, `SELECT tgname AS name, tgrelid::regclass::text AS sql FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`);
  expect(list.length).toBeGreaterThan(10);
  return list.map((r) => `${r.name}: ${r.sql}`);
}

const SYNTHETIC_INCIDENTS = `SELECT * FROM "Incident" WHERE "id" LIKE '${SYNTHETIC_ID_PREFIX}%' ORDER BY "id"`;
const SYNTHETIC_CHARACTERISTICS = `SELECT * FROM "IncidentCharacteristic" WHERE "incidentId" LIKE '${SYNTHETIC_ID_PREFIX}%' ORDER BY "incidentId", "code"`;
// Provision ids are the seed's own cuids, new in every database: links are compared by provision code.
const SYNTHETIC_LINKS = `SELECT l."id", l."incidentId", p."code", l."method", l."rulesFired", l."matchedTerms", l."score", l."status", l."rationale", l."reviewedById", l."reviewedAt", l."createdAt", l."updatedAt"
  FROM "IncidentProvisionLink" l JOIN "Provision" p ON p."id" = l."provisionId" WHERE l."id" LIKE '${SYNTHETIC_ID_PREFIX}%' ORDER BY l."id"`;

describe("synthetic case records", () => {
  const provisionCodes = ["AP-I-MIN", "AP-I-RESPMIN", "AP-III-SECDIAL", "ESCAZU-ART9", "MX-LEY-2012", "CA-CORE", "AP-II-INCL"];

  it("are the same rows for the same seed, other rows for another seed, each marked synthetic and shaped like real data", () => {
    const first = [...syntheticCases({ cases: 2000, seed: 7, provisionCodes })];
    const again = [...syntheticCases({ cases: 2000, seed: 7, provisionCodes })];
    const other = [...syntheticCases({ cases: 2000, seed: 8, provisionCodes })];
    expect(again).toEqual(first);
    expect(other.map((r) => r.id)).not.toEqual(first.map((r) => r.id));
    expect(new Set(first.map((r) => r.id)).size).toBe(2000);

    for (const r of first) {
      expect(r.id.startsWith(SYNTHETIC_ID_PREFIX)).toBe(true);
      expect(r.victimName.startsWith(SYNTHETIC_NAME_PREFIX)).toBe(true);
      expect(r.description.startsWith(SYNTHETIC_DESCRIPTION_PREFIX)).toBe(true);
      expect(r.year).toBe(r.occurredOn.getUTCFullYear());
      for (const l of r.links) expect(l.id.startsWith(SYNTHETIC_ID_PREFIX)).toBe(true);
    }
    // Global Witness–like records are killings and disappearances, verified, 2012–2021; staff log every kind of attack.
    const gw = first.filter((r) => r.origin === "gw_dataset");
    expect(gw.length).toBeGreaterThan(0);
    for (const r of gw) {
      expect(LETHAL_OUTCOMES).toContain(r.outcome);
      expect(r.verificationStatus).toBe("verified");
      expect(r.year).toBeGreaterThanOrEqual(2012);
      expect(r.year).toBeLessThanOrEqual(2021);
    }
    const staff = first.filter((r) => r.origin === "staff");
    expect(new Set(staff.map((r) => r.verificationStatus))).toEqual(new Set(["reported", "verified", "disputed", "rejected"]));
    expect(new Set(staff.map((r) => r.outcome)).size).toBe(7);
    expect(staff.filter((r) => r.verificationStatus !== "reported").every((r) => SYNTHETIC_USERS.some((u) => u.id === r.verifiedById))).toBe(true);
    // Unknowns stay in the data, as in the real records.
    expect(first.some((r) => r.stateCode === null)).toBe(true);
    expect(first.some((r) => r.sector === "unconfirmed")).toBe(true);
    // Every record in Mexico fires the defender-in-Mexico rule; links name only provisions that exist.
    expect(first.every((r) => r.links.some((l) => l.provisionCode === "ESCAZU-ART9"))).toBe(true);
    expect(first.flatMap((r) => r.links.map((l) => l.provisionCode)).every((c) => provisionCodes.includes(c))).toBe(true);
    expect(new Set(first.flatMap((r) => r.links.map((l) => l.status)))).toEqual(new Set(["suggested", "accepted", "rejected"]));
  });

  it(`writes the same rows twice into ${kind} bench databases, every case record but the seed's 154 marked synthetic`, async () => {
    const a = benchTarget("a");
    const b = benchTarget("b");
    const made1 = await generateBenchDatabase({ target: a, cases: 300, seed: 7 });
    await generateBenchDatabase({ target: b, cases: 300, seed: 7 });
    expect(made1.marker).toMatchObject({ status: "complete", seed: 7, cases: 300, incidents: 300 });

    for (const sql of [SYNTHETIC_INCIDENTS, SYNTHETIC_CHARACTERISTICS, SYNTHETIC_LINKS]) {
      const fromA = await rows(a, sql);
      expect(fromA.length).toBeGreaterThan(0);
      expect(await rows(b, sql)).toEqual(fromA);
    }

    const incidents = await rows(a, `SELECT "id", "externalId", "origin", "victimName", "description" FROM "Incident"`);
    const synthetic = incidents.filter((r) => String(r.id).startsWith(SYNTHETIC_ID_PREFIX));
    expect(synthetic).toHaveLength(300);
    for (const r of synthetic) {
      expect(String(r.victimName).startsWith(SYNTHETIC_NAME_PREFIX)).toBe(true);
      expect(String(r.description).startsWith(SYNTHETIC_DESCRIPTION_PREFIX)).toBe(true);
    }
    // The rest are exactly the seed's Global Witness records, for the reference data the pages need.
    const real = incidents.filter((r) => !String(r.id).startsWith(SYNTHETIC_ID_PREFIX));
    expect(real.map((r) => r.externalId).sort()).toEqual(
      readCaseRows()
        .map((r) => r.id)
        .sort(),
    );
    expect(new Set(real.map((r) => r.origin))).toEqual(new Set(["gw_dataset"]));
    // Every synthetic record has the links the rules give a case in Mexico, and synthetic links belong to synthetic records only.
    const linked = await rows(a, `SELECT DISTINCT "incidentId" AS id FROM "IncidentProvisionLink" WHERE "id" LIKE '${SYNTHETIC_ID_PREFIX}%'`);
    expect(linked.map((r) => r.id).sort()).toEqual(synthetic.map((r) => r.id).sort());
    // The synthetic staff cannot sign in.
    const users = await rows(a, `SELECT "email", "active" FROM "User"`);
    expect(users.map((u) => u.email).sort()).toEqual(SYNTHETIC_USERS.map((u) => u.email).sort());
    expect(users.every((u) => !u.active)).toBe(true);

    // The load drops and rebuilds the indexes: afterwards the schema is the migrations' own, index for index.
    expect(await indexes(a)).toEqual(await indexes(parseDatabaseUrl(process.env.DATABASE_URL)));
    // The case search's index too (SQLite's is built after the load), and its triggers are back.
    expect(await triggers(a)).toEqual(await triggers(parseDatabaseUrl(process.env.DATABASE_URL)));
    const found =
      kind === "sqlite"
        ? await rows(a, `SELECT count(*) AS n FROM "IncidentSearch" WHERE "IncidentSearch" MATCH 'synthetic'`)
        : await rows(a, `SELECT count(*) AS n FROM "IncidentSearch" WHERE "text" LIKE '%synthetic%'`);
    expect(Number(found[0].n)).toBe(300);

    const marker = Object.fromEntries((await rows(a, `SELECT key, value FROM "${MARKER_TABLE}"`)).map((r) => [r.key, r.value]));
    expect(marker).toMatchObject({ status: "complete", seed: "7", cases: "300" });
  }, 120_000);

  it("refuses the development database, this test's own database and anything that is not a bench database", async () => {
    const own = parseDatabaseUrl(process.env.DATABASE_URL);
    const before = await prisma.incident.count();
    await expect(generateBenchDatabase({ target: own, cases: 10, seed: 1 })).rejects.toThrow(/app's own database|outside|not a bench database/);
    expect(await prisma.incident.count()).toBe(before);

    expect(() => assertBenchTarget(parseDatabaseUrl("file:./data/vigia.db"))).toThrow(/app's own database/);
    expect(() => assertBenchTarget(parseDatabaseUrl("file:./data/bench/x.db"), { DATABASE_URL: "file:./data/bench/x.db" })).toThrow(/app's own database/);
    expect(() => assertBenchTarget(parseDatabaseUrl("file:./data/other.db"))).toThrow(/outside data\/bench/);
    expect(() => assertBenchTarget(parseDatabaseUrl("file:./data/bench/../vigia2.db"))).toThrow(/outside data\/bench/);
    expect(() => assertBenchTarget(parseDatabaseUrl("postgresql://u@127.0.0.1:5432/vigia"))).toThrow(/not a bench database/);
    expect(() => assertBenchTarget(parseDatabaseUrl("postgresql://u@127.0.0.1:5432/test"))).toThrow(/not a bench database/);
    expect(() =>
      assertBenchTarget(parseDatabaseUrl("postgresql://u@127.0.0.1:5432/vigia_bench_1"), { DATABASE_URL: "postgresql://v@127.0.0.1/vigia_bench_1" }),
    ).toThrow(/app's own database/);
    expect(() => assertBenchTarget(parseDatabaseUrl("file:./data/bench/cases-10-seed-1.db"), {})).not.toThrow();

    // From the command line too, leaving the development database as it was (or absent).
    const devFile = join(root, "data", "vigia.db");
    const devBefore = existsSync(devFile) ? statSync(devFile).mtimeMs : null;
    const cli = spawnSync(join(root, "node_modules/.bin/tsx"), ["scripts/bench-data.ts", "--cases", "10", "--database", "file:./data/vigia.db"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(cli.status, cli.stdout + cli.stderr).toBe(1);
    expect(cli.stderr).toMatch(/bench:data: .*app's own database/);
    expect(existsSync(devFile) ? statSync(devFile).mtimeMs : null).toBe(devBefore);
  }, 60_000);

  it("leaves a database with case records alone when it is not marked as a bench database, even under a bench name", async () => {
    const target = benchTarget("unmarked");
    if (target.kind === "sqlite") {
      mkdirSync(BENCH_DIR, { recursive: true });
      copyFileSync(parseDatabaseUrl(process.env.DATABASE_URL).file!, target.file!);
    } else {
      await adminQuery(`CREATE DATABASE "${new URL(target.url).pathname.slice(1)}"`);
      await migrate(target);
      const db = createDb(target);
      await seed(db);
      await db.$disconnect();
    }
    const before = await inspectDatabase(target);
    expect(before.caseRecords).toBe(154);
    await expect(generateBenchDatabase({ target, cases: 10, seed: 1 })).rejects.toThrow(/not marked as a bench database/);
    expect(await inspectDatabase(target)).toEqual(before);
  }, 60_000);
});
