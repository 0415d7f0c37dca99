// `npm run bench:import [-- --rows 100000]`: times an import of the Global Witness
// dataset's format with SYNTHETIC rows (deterministic, named "SYNTHETIC n", ids
// "synthetic-gw-n") into a throwaway database (seeded as npm start seeds it,
// deleted afterwards; never a real database), through the same path as
// /admin/import: preview, then the one-transaction import with its audit events,
// link suggestions and ANALYZE. Then the same file again (nothing to change).
// PostgreSQL too when TEST_POSTGRES_URL is set (--sqlite-only, --postgres-only). Figures go to docs/benchmarks.md.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import type { DatabaseTarget } from "../app/lib/database-url.ts";
import { createDb, disconnectDb } from "../app/lib/db.server.ts";
import { analyzeDatabase, migrate } from "../app/lib/migrate.server.ts";
import { GW_COLUMNS, parseGwCsv } from "../app/domain/gw-dataset.ts";
import { GW_CHARACTERISTIC, GW_PERPETRATOR, GW_SECTOR, MX_STATES } from "../app/domain/taxonomy.ts";
import { seed } from "../seeds/seed.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("rows", 100_000);

function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

const COUNTRIES = [
  ["Mexico", "484"],
  ["Colombia", "170"],
  ["Brazil", "076"],
  ["Philippines", "608"],
  ["Honduras", "340"],
  ["Guatemala", "320"],
] as const;

export function syntheticCsv(rows: number): string {
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const lines = [GW_COLUMNS.join(",")];
  for (let i = 0; i < rows; i++) {
    const [country, numeric] = pick(COUNTRIES);
    const year = 2012 + Math.floor(rand() * 12);
    const date = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
    lines.push(
      [
        `synthetic-gw-${i}`,
        date,
        `SYNTHETIC ${i}`,
        rand() < 0.9 ? "Male" : "Female",
        rand() < 0.5 ? String(18 + Math.floor(rand() * 60)) : "",
        rand() < 0.3 ? "Indigenous peoples" : pick(Object.keys(GW_CHARACTERISTIC)),
        pick(Object.keys(GW_SECTOR)),
        pick(Object.keys(GW_PERPETRATOR)),
        "Americas",
        country,
        numeric,
        country === "Mexico" ? pick(Object.values(MX_STATES)) : "",
        "1",
      ]
        .map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v))
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}

async function target(kind: "sqlite" | "postgresql"): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "vigia-bench-import-"));
    const file = join(dir, "bench.db");
    return { target: { kind, url: `file:${file}`, file }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TEST_POSTGRES_URL!;
  const name = `vigia_gwimport_bench_${process.pid}`;
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

/** Wall time, and this process's CPU time beside it: on a shared machine the second says more (the database server's CPU is not in it). */
async function seconds<T>(fn: () => Promise<T>): Promise<[T, string]> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await fn();
  const cpu = process.cpuUsage(c0);
  return [value, `${((performance.now() - t0) / 1000).toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`];
}

async function benchKind(kind: "sqlite" | "postgresql", csv: string) {
  const { target: t, drop } = await target(kind);
  try {
    await migrate(t);
    const db = createDb(t);
    await seed(db);
    await db.$disconnect();
    await analyzeDatabase(t);
    process.env.DATABASE_URL = t.url;
    await disconnectDb();
    const { previewGwImport, confirmGwImport, runGwImportJob } = await import("../app/models/gw-import.server.ts");
    const { prisma } = await import("../app/lib/db.server.ts");
    const [, parse] = await seconds(async () => parseGwCsv(csv));
    const once = async () => {
      const [preview, previewTime] = await seconds(() => previewGwImport({ csv, origin: "cli", sourceName: "synthetic.csv", actorId: null }));
      if (!preview.ok) throw new Error(preview.refusal.problem);
      await confirmGwImport(preview.job.id, {}, null);
      const [done, importTime] = await seconds(() => runGwImportJob(preview.job.id));
      if (done?.status !== "done") throw new Error(done?.error ?? "import failed");
      return { previewTime, importTime, result: done.result! };
    };
    const first = await once();
    const links = await prisma.incidentProvisionLink.count();
    const audit = await prisma.auditEvent.count();
    const again = await once();
    console.log(
      `\n${kind}, ${ROWS} synthetic rows (${(csv.length / 1e6).toFixed(1)} MB), load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}:`,
    );
    console.log(`| step | ${kind} |`);
    console.log(`| parse and check the file | ${parse} |`);
    console.log(`| preview (parse, compare with the records, store) | ${first.previewTime} |`);
    console.log(
      `| import: one transaction, ${first.result.created} created, ${links} link suggestions, ${audit} audit events, then ANALYZE | ${first.importTime} |`,
    );
    console.log(`| the same file again: preview | ${again.previewTime} |`);
    console.log(`| the same file again: import (${again.result.unchanged} unchanged, ${again.result.created} created) | ${again.importTime} |`);
    await disconnectDb();
  } finally {
    await drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const csv = syntheticCsv(ROWS);
  if (!process.argv.includes("--postgres-only")) await benchKind("sqlite", csv);
  if (process.env.TEST_POSTGRES_URL && !process.argv.includes("--sqlite-only")) await benchKind("postgresql", csv);
}
