// How fast is the case list with hundreds of thousands of records? Fills a scratch
// database (SQLite, and PostgreSQL when TEST_POSTGRES_URL is set) with synthetic
// case records, then times the list's queries: first page, a page half-way down
// (keyset), the same page with OFFSET for comparison, with a filter, and the count.
// Usage: npx tsx scripts/bench-case-list.ts [rows=300000]
// The synthetic rows exist only in the scratch database, which is dropped at the end.
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type Db } from "../app/lib/db.server.ts";
import { analyzeDatabase, migrate } from "../app/lib/migrate.server.ts";
import { MX_STATE_CODES, OUTCOMES, SECTORS } from "../app/domain/taxonomy.ts";
import type { DatabaseTarget } from "../app/lib/database-url.ts";

const ROWS = Number(process.argv[2] ?? 300_000);
const BATCH = 2000;

async function fill(db: Db) {
  const start = Date.UTC(2000, 0, 1);
  for (let done = 0; done < ROWS; done += BATCH) {
    const n = Math.min(BATCH, ROWS - done);
    await db.incident.createMany({
      data: Array.from({ length: n }, (_, k) => {
        const i = done + k;
        // About 40 records a day, so most dates are shared by many records.
        const occurredOn = new Date(start + Math.floor(i / 40) * 86_400_000);
        return {
          origin: i % 3 ? "staff" : "gw_dataset",
          verificationStatus: i % 7 ? "verified" : "reported",
          occurredOn,
          year: occurredOn.getUTCFullYear(),
          sector: SECTORS[i % SECTORS.length],
          perpetratorType: "unspecified",
          outcome: OUTCOMES[i % OUTCOMES.length],
          stateCode: MX_STATE_CODES[i % MX_STATE_CODES.length],
          victimName: `Synthetic ${i}`,
        };
      }),
    });
  }
}

async function time<T>(label: string, fn: () => Promise<T>, runs = 5): Promise<{ label: string; ms: number; result: T }> {
  let result = await fn(); // warm-up
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    result = await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { label, ms: times[Math.floor(times.length / 2)], result };
}

async function bench(target: DatabaseTarget) {
  await migrate(target);
  const db = createDb(target);
  const t0 = performance.now();
  await fill(db);
  console.log(`${target.kind}: inserted ${ROWS} rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // Statistics gathered as npm start gathers them (analyzeDatabase after seeding).
  await analyzeDatabase(target);
  // The app's own query functions, on this database.
  process.env.DATABASE_URL = target.url;
  const { disconnectDb } = await import("../app/lib/db.server.ts");
  await disconnectDb();
  const { listIncidents, incidentWhere } = await import("../app/models/incident.server.ts");
  const { decodeCursor, encodeCursor } = await import("../app/lib/keyset.ts");
  const middle = await db.incident.findMany({
    where: incidentWhere({}),
    orderBy: [{ occurredOn: "desc" }, { id: "desc" }],
    skip: Math.floor(ROWS / 3),
    take: 1,
  });
  const cursor = decodeCursor(encodeCursor({ at: middle[0].occurredOn, id: middle[0].id }));
  const byUpdate = await db.incident.findMany({
    where: incidentWhere({}),
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    skip: Math.floor(ROWS / 3),
    take: 1,
  });
  const updatedCursor = { at: byUpdate[0].updatedAt, id: byUpdate[0].id };
  const page = (o: Partial<Parameters<typeof listIncidents>[0]>) => () => listIncidents({ filter: {}, size: 50, withTotal: false, ...o });
  const results = [
    await time("first page of 50, default scope, date order", page({})),
    await time("page one third down, keyset", page({ after: cursor })),
    await time("the same page with OFFSET (what keyset avoids)", () =>
      db.incident.findMany({ where: incidentWhere({}), orderBy: [{ occurredOn: "desc" }, { id: "desc" }], skip: Math.floor(ROWS / 3), take: 51 }),
    ),
    await time("page one third down, last edited first", page({ sort: "updated_desc", after: updatedCursor })),
    await time("first page, one state and one sector", page({ filter: { states: ["OAX"], sectors: ["mining_extractives"] } })),
    await time("total of the default scope (COUNT)", () => db.incident.count({ where: incidentWhere({}) })),
    await time("total, one state and one sector (COUNT)", () =>
      db.incident.count({ where: incidentWhere({ states: ["OAX"], sectors: ["mining_extractives"] }) }),
    ),
    await time("whole list request: page one third down + total", () => listIncidents({ filter: {}, size: 50, after: cursor })),
  ];
  await db.$disconnect();
  await disconnectDb();
  return results.map((r) => ({ label: r.label, ms: r.ms }));
}

const report: string[] = [];
// SQLite
{
  const file = join(tmpdir(), `vigia-bench-${process.pid}.db`);
  const results = await bench({ kind: "sqlite", url: `file:${file}`, file });
  report.push(`SQLite (${ROWS} rows)`, ...results.map((r) => `  ${r.label}: ${r.ms.toFixed(1)} ms`));
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
}
// PostgreSQL, when available
if (process.env.TEST_POSTGRES_URL) {
  const admin = process.env.TEST_POSTGRES_URL;
  const name = `vigia_bench_${process.pid}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await run(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const results = await bench({ kind: "postgresql", url: url.toString() });
    report.push(`PostgreSQL (${ROWS} rows)`, ...results.map((r) => `  ${r.label}: ${r.ms.toFixed(1)} ms`));
  } finally {
    await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
console.log(report.join("\n"));
