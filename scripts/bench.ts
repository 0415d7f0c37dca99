// `npm run bench`: measures the dashboards' hot paths on a throwaway database
// filled with SYNTHETIC case records (never a real database, deleted afterwards),
// against a baseline measured in the same run. Figures go to docs/benchmarks.md.
// Usage: npm run bench [-- --rows 100000 --runs 7]   (PostgreSQL too when TEST_POSTGRES_URL is set)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../app/lib/database-url.ts";
import { createDb, disconnectDb, type Db } from "../app/lib/db.server.ts";
import { analyzeDatabase, migrate } from "../app/lib/migrate.server.ts";
import { PERPETRATOR_TYPES, SECTORS, MX_STATE_CODES } from "../app/domain/taxonomy.ts";
import { seed } from "../seeds/seed.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 100_000);
const RUNS = arg("runs", 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => Promise<unknown>): Promise<{ ms: number; heapMb: number }> {
  const samples: number[] = [];
  let heap = 0;
  for (let i = 0; i < RUNS; i++) {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
    heap = Math.max(heap, (process.memoryUsage().heapUsed - before) / 1e6);
  }
  return { ms: median(samples), heapMb: heap };
}

/** Deterministic pseudo-random so that every run measures the same data. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

async function fillSynthetic(db: Db) {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const batch = 2000;
  for (let done = 0; done < ROWS; done += batch) {
    const data = Array.from({ length: Math.min(batch, ROWS - done) }, (_, i) => {
      const year = 2012 + Math.floor(rand() * 14);
      const occurredOn = new Date(Date.UTC(year, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
      return {
        externalId: `synthetic-${done + i}`,
        origin: "staff",
        occurredOn,
        year,
        victimName: `SYNTHETIC ${done + i}`,
        sector: pick(SECTORS),
        perpetratorType: pick(PERPETRATOR_TYPES),
        outcome: rand() < 0.9 ? "killed" : "disappeared",
        stateCode: rand() < 0.1 ? null : pick(MX_STATE_CODES),
        verificationStatus: "verified",
        description: "Synthetic benchmark record: not a real case.",
      };
    });
    await db.incident.createMany({ data });
  }
}

async function target(kind: "sqlite" | "postgresql"): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "vigia-bench-"));
    const file = join(dir, "bench.db");
    return { target: { kind, url: `file:${file}`, file }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TEST_POSTGRES_URL!;
  const name = `vigia_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    target: { kind, url: url.toString() },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function benchKind(kind: "sqlite" | "postgresql") {
  const { target: t, drop } = await target(kind);
  try {
    await migrate(t);
    const setupDb = createDb(t);
    await seed(setupDb);
    await fillSynthetic(setupDb);
    await setupDb.$disconnect();
    await analyzeDatabase(t); // as npm start does after seeding
    if (kind === "sqlite") {
      const raw = new Database(t.file!);
      const plan = raw
        .prepare(
          `EXPLAIN QUERY PLAN SELECT SUM(victimCount), COUNT(*), sector FROM Incident WHERE (deletedAt IS NULL AND (origin = ? OR verificationStatus = ?)) GROUP BY sector`,
        )
        .all("gw_dataset", "verified") as { detail: string }[];
      console.log(`  (SQLite plan for the count by sector: ${plan.map((r) => r.detail).join("; ")})`);
      raw.close();
    }
    process.env.DATABASE_URL = t.url;
    await disconnectDb();
    const { countIncidentsBy, GW_CASE_RECORDS } = await import("../app/models/incident.server.ts");
    const { prisma } = await import("../app/lib/db.server.ts");
    const { loader } = await import("../app/routes/_index.tsx");
    const filter = {};

    const sql = await time(() => countIncidentsBy("sector", filter));
    // Baseline: the naive way, every row into JavaScript, then counted there.
    const js = await time(async () => {
      const rows = await prisma.incident.findMany({ where: { deletedAt: null }, select: { sector: true, victimCount: true } });
      const totals = new Map<string, number>();
      for (const r of rows) totals.set(r.sector, (totals.get(r.sector) ?? 0) + r.victimCount);
      return totals;
    });
    const byYearState = await time(() => countIncidentsBy("stateCode", { yearFrom: 2018, yearTo: 2022, sectors: ["mining_extractives"] }));
    const byPerpetrator = await time(() => countIncidentsBy("perpetratorType", filter));
    const byState = await time(() => countIncidentsBy("stateCode", filter));
    const byYear = await time(() => countIncidentsBy("year", filter));
    const gw = await time(() => countIncidentsBy("sector", GW_CASE_RECORDS));
    const overview = await time(() => loader({ request: new Request("http://localhost/"), params: {}, context: {} } as any));
    await disconnectDb();
    return { kind, sql, js, byYearState, byPerpetrator, byState, byYear, gw, overview };
  } finally {
    await drop();
  }
}

const kinds: ("sqlite" | "postgresql")[] = process.env.TEST_POSTGRES_URL ? ["sqlite", "postgresql"] : ["sqlite"];
console.log(`Vigía bench: ${ROWS.toLocaleString("en")} synthetic case records + the 154 seeded ones; median of ${RUNS} runs; node ${process.version}`);
for (const kind of kinds) {
  const r = await benchKind(kind);
  const f = (x: { ms: number; heapMb: number }) => `${x.ms.toFixed(1)} ms (heap +${x.heapMb.toFixed(1)} MB)`;
  console.log(`\n[${kind}]`);
  console.log(`  count by sector, SQL GROUP BY (countIncidentsBy)   ${f(r.sql)}`);
  console.log(`  count by sector, baseline: all rows into JS       ${f(r.js)}`);
  console.log(`  ratio baseline / SQL                              ${(r.js.ms / r.sql.ms).toFixed(1)}x`);
  console.log(`  count by perpetrator, all records                 ${f(r.byPerpetrator)}`);
  console.log(`  count by state, all records                       ${f(r.byState)}`);
  console.log(`  count by year, all records                        ${f(r.byYear)}`);
  console.log(`  count by state, mining 2018-2022 (filtered)       ${f(r.byYearState)}`);
  console.log(`  count by sector, 154 GW records among all (overview) ${f(r.gw)}`);
  console.log(`  overview loader (all its queries)                 ${f(r.overview)}`);
}
