// `npm run bench` (about 20–30 minutes) and `npm run bench -- --quick` (under 5):
// measures Vigía on bench databases of synthetic case records (scripts/bench-data.ts,
// reused when already generated) and writes the figures, with the command and the
// machine, into docs/benchmarks.md. In one run:
//   - each dashboard aggregate through the app's model functions against the same SQL
//     on the raw driver, at 100,000 and 1,000,000 cases, on SQLite and PostgreSQL;
//   - the / and /trends loaders' p50/p95, called from the server build;
//   - the case list's keyset pages;
//   - HTTP requests/s and latency with autocannon on loopback against the built app,
//     each route as a ratio to the trivial route /healthz, cold PNG latency, server memory;
//   - client JavaScript per page, gzipped, from the build;
//   - the case list's search (a name with and without accents, a place, with filters), in its own
//     section of the report (scripts/bench/case-search.ts).
// Each figure is printed beside its target from the issue; speed never fails the run.
// Options: --quick, --seed N, --sizes 100000,1000000, --no-http, --no-postgres, --out FILE,
// --only case-search (that part alone, on the bench databases; nothing is built).
// PostgreSQL is measured when TEST_POSTGRES_URL names a server (bench databases vigia_bench_* are made there).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { parseDatabaseUrl, redact, type DatabaseKind } from "../app/lib/database-url.ts";
import { buildIfNeeded } from "./build-if-needed.ts";
import { compareAggregates, rawDriver, type AggregateResult } from "./bench/aggregates.ts";
import { defaultBenchUrl, ensureBenchDatabase, ROOT, type BenchMarker } from "./bench/bench-database.ts";
import { clientJsPerRoute, pagesOf, type RouteJs } from "./bench/client-js.ts";
import { benchCaseSearch, renderCaseSearch, type CaseSearchRun } from "./bench/case-search.ts";
import { benchHttp, type HttpResult } from "./bench/http.ts";
import { benchImport, type ImportResult } from "./bench/import.ts";
import { describeMachine, median, percentile, sample, type Machine } from "./bench/measure.ts";
import { settled } from "../app/lib/settled.ts";
import { renderReport, writeReportSection } from "./bench/report.ts";

process.chdir(ROOT);

export interface BenchOptions {
  quick: boolean;
  seed: number;
  sizes: number[];
  http: boolean;
  postgresBase: string | null;
  out: string;
  runs: number;
  loaderSamples: { min: number; max: number; budgetMs: number };
  httpSeconds: number;
  httpConnections: number;
  /** --only case-search: measure the case search alone */
  only: "case-search" | null;
}

function parseOptions(argv: string[]): BenchOptions {
  const has = (flag: string) => argv.includes(flag);
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const quick = has("--quick");
  const only = value("--only") ?? null;
  if (only !== null && only !== "case-search") throw new Error(`--only ${only}: the only part that runs alone is case-search.`);
  const sizes = (value("--sizes") ?? (quick ? "100000" : "100000,1000000")).split(",").map((s) => Number(s.replaceAll("_", "")));
  return {
    quick,
    seed: Number(value("--seed") ?? 1),
    sizes,
    http: !has("--no-http"),
    postgresBase: has("--no-postgres") ? null : (process.env.TEST_POSTGRES_URL ?? null),
    out: value("--out") ?? "docs/benchmarks.md",
    runs: quick ? 5 : 9,
    loaderSamples: quick ? { min: 5, max: 15, budgetMs: 8_000 } : { min: 7, max: 40, budgetMs: 45_000 },
    httpSeconds: quick ? 10 : 15,
    httpConnections: 50,
    only,
  };
}

export interface DatabaseResult {
  kind: DatabaseKind;
  cases: number;
  url: string;
  marker: BenchMarker;
  generated: boolean;
  counts: AggregateResult[];
  charts: AggregateResult[];
  loaders: { route: string; samples: number; p50: number; p95: number; coldMs?: number }[];
  caseList: { label: string; ms: number }[];
}

export interface BenchResults {
  options: BenchOptions;
  command: string;
  machine: Machine;
  loadAtEnd: number[];
  startedAt: Date;
  minutes: number;
  databases: DatabaseResult[];
  http: { cases: number; result: HttpResult }[];
  js: RouteJs[];
  imports: ImportResult[];
  notMeasured: string[];
}

const t0 = performance.now();
const log = (line: string) => console.log(line.startsWith("\n[") ? `\n${line.slice(1)} (at ${((performance.now() - t0) / 1000).toFixed(0)} s)` : line);

async function useDatabase(url: string) {
  process.env.DATABASE_URL = url;
  const { disconnectDb } = await import("../app/lib/db.server.ts");
  await disconnectDb();
}

async function benchAggregates(db: DatabaseResult, runs: number) {
  const inc = await import("../app/models/incident.server.ts");
  const { ChartLoadContext, loadChart } = await import("../app/models/chart-data.server.ts");
  const { CHART_IDS } = await import("../app/charts/registry.ts");
  const { EMPTY_QUERY, indigenousShareScope, lethalScope, miningScope } = await import("../app/charts/query.ts");
  const lethal = lethalScope({})!;
  const counts: [string, () => Promise<unknown>][] = [
    ["countIncidentsBy sector, default scope", () => inc.countIncidentsBy("sector", {})],
    ["countIncidentsBy perpetratorType, default scope", () => inc.countIncidentsBy("perpetratorType", {})],
    ["countIncidentsBy stateCode, default scope", () => inc.countIncidentsBy("stateCode", {})],
    ["countIncidentsBy year, killed and disappeared", () => inc.countIncidentsBy("year", lethal)],
    ["countIncidentsBy year, mining", () => inc.countIncidentsBy("year", miningScope({}))],
    [
      "countIncidentsBy stateCode, mining 2018–2022",
      () => inc.countIncidentsBy("stateCode", { yearFrom: 2018, yearTo: 2022, sectors: ["mining_extractives"] }),
    ],
    ["countIncidentsBy sector, Global Witness records (overview)", () => inc.countIncidentsBy("sector", inc.GW_CASE_RECORDS)],
    ["countIncidentsByYearAndOutcome, killed and disappeared", () => inc.countIncidentsByYearAndOutcome(lethal)],
    ["countIncidentsWithCharacteristic indigenous", () => inc.countIncidentsWithCharacteristic(indigenousShareScope({})!, "indigenous")],
    ["getIncidentYearBounds", () => inc.getIncidentYearBounds()],
    ["getIncidentOrigins, default scope", () => inc.getIncidentOrigins({})],
  ];
  const overview = {
    annualTrend: { filter: { yearFrom: 2012, yearTo: 2025 }, figures: "revised" as const },
    sectorBreakdown: { filter: inc.GW_CASE_RECORDS, figures: "revised" as const },
  };
  const charts: [string, () => Promise<unknown>][] = [
    ...CHART_IDS.map(
      (id) => [`chart ${id} (trends, no filter)`, () => loadChart(id, new ChartLoadContext(EMPTY_QUERY, "en", "public"))] as [string, () => Promise<unknown>],
    ),
    ["chart annual-trend (overview)", () => loadChart("annual-trend", new ChartLoadContext(overview.annualTrend, "en", "public"))],
    ["chart sector-breakdown (overview)", () => loadChart("sector-breakdown", new ChartLoadContext(overview.sectorBreakdown, "en", "public"))],
  ];
  // The aggregate itself, not the data-versioned cache in front of it (decision 077): emptied before every call.
  const { clearVersionCache } = await import("../app/models/data-version.server.ts");
  const uncached = ([name, fn]: [string, () => Promise<unknown>]): [string, () => Promise<unknown>] => [
    name,
    () => {
      clearVersionCache();
      return fn();
    },
  ];
  const raw = rawDriver(parseDatabaseUrl(db.url));
  try {
    const results = await compareAggregates([...counts, ...charts].map(uncached), raw, runs, log);
    db.counts = results.slice(0, counts.length);
    db.charts = results.slice(counts.length);
  } finally {
    await raw.close();
  }
}

async function benchLoaders(db: DatabaseResult, build: ServerBuild, samples: BenchOptions["loaderSamples"]) {
  for (const [route, path] of [
    ["routes/_index", "/"],
    ["routes/trends", "/trends"],
  ] as const) {
    const loader = build.routes[route].module.loader!;
    // Until every streamed part of the answer arrived (decision 127), so that a streamed chart is still timed.
    const call = async () => settled(await loader({ request: new Request(`http://localhost${path}`), params: {}, context: {} }));
    const coldMs = await coldLoaderMs(call);
    const times = await sample(call, samples);
    db.loaders.push({ route: path, samples: times.length, p50: median(times), p95: percentile(times, 95), coldMs });
    log(
      `    loader ${path}: cold ${coldMs.toFixed(0)} ms; warm p50 ${median(times).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${times.length} calls)`,
    );
  }
}

/**
 * The first call after a write (the data version bumped in the bench database, as every write
 * does, decision 077): the aggregates cold, from the database, then kept for the warm calls.
 */
async function coldLoaderMs(call: () => Promise<unknown>): Promise<number> {
  const { prisma } = await import("../app/lib/db.server.ts");
  await prisma.dataVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } });
  const t0 = performance.now();
  await call();
  return performance.now() - t0;
}

/** The case list's keyset pagination (decision 022) on the synthetic data. */
async function benchCaseList(db: DatabaseResult, runs: number) {
  const { listIncidents, incidentWhere } = await import("../app/models/incident.server.ts");
  const { prisma } = await import("../app/lib/db.server.ts");
  const scope = incidentWhere({});
  const depth = Math.floor(db.cases / 3);
  const [middle] = await prisma.incident.findMany({ where: scope, orderBy: [{ occurredOn: "desc" }, { id: "desc" }], skip: depth, take: 1 });
  const [byUpdate] = await prisma.incident.findMany({ where: scope, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], skip: depth, take: 1 });
  const after = { at: middle.occurredOn, id: middle.id };
  const filtered = { states: ["OAX"], sectors: ["mining_extractives"] };
  const cases: [string, () => Promise<unknown>][] = [
    ["first page of 50, default scope, date order", () => listIncidents({ filter: {}, withTotal: false })],
    ["page one third down, keyset", () => listIncidents({ filter: {}, after, withTotal: false })],
    [
      "the same page with OFFSET (what keyset avoids)",
      () => prisma.incident.findMany({ where: scope, orderBy: [{ occurredOn: "desc" }, { id: "desc" }], skip: depth, take: 51 }),
    ],
    [
      "page one third down, last edited first",
      () => listIncidents({ filter: {}, sort: "updated_desc", after: { at: byUpdate.updatedAt, id: byUpdate.id }, withTotal: false }),
    ],
    ["first page, one state and one sector", () => listIncidents({ filter: filtered, withTotal: false })],
    ["total of the default scope (COUNT)", () => prisma.incident.count({ where: scope })],
    ["whole list request: page one third down + total", () => listIncidents({ filter: {}, after })],
  ];
  for (const [label, fn] of cases) {
    const times = await sample(fn, { min: runs, max: runs, budgetMs: 0, warmup: 1 });
    db.caseList.push({ label, ms: median(times) });
  }
  log(`    case list: ${db.caseList.map((c) => `${c.ms.toFixed(1)}`).join(" / ")} ms`);
}

async function loadBuild(): Promise<ServerBuild> {
  buildIfNeeded(log);
  return (await import(pathToFileURL(join(ROOT, "build/index.js")).href)) as ServerBuild;
}

// ---------- Case search (issue 12): its own section of the report, its own --only ----------

function writeCaseSearchSection(options: BenchOptions, command: string, machine: Machine, startedAt: Date, runs: CaseSearchRun[], notMeasured: string[]) {
  const load = `Load average (1, 5, 15 min) at the start ${machine.loadAtStart.map((l) => l.toFixed(2)).join(", ")}, at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(", ")}: the machine is shared, read the rows against each other, not milliseconds across runs.`;
  const section = renderCaseSearch(runs, {
    command,
    date: startedAt.toISOString().slice(0, 10),
    machine: `${machine.cpu}, ${machine.cores} cores, Node ${machine.node}`,
    load,
    notMeasured: notMeasured.filter((n) => n.startsWith("PostgreSQL")),
  });
  const file = resolve(ROOT, options.out);
  writeFileSync(file, writeReportSection(existsSync(file) ? readFileSync(file, "utf8") : "", "case-search", section));
}

/** The import of 100,000 rows (scripts/bench-import.ts), on SQLite, and on PostgreSQL in a full run with a server. */
async function benchImports(options: BenchOptions, notMeasured: string[]): Promise<ImportResult[]> {
  const postgres = !options.quick && !!options.postgresBase;
  log(`\n[Import of 100,000 rows, ${postgres ? "SQLite and PostgreSQL" : "SQLite"}]`);
  try {
    const results = await benchImport({ postgres, limitSeconds: options.quick ? 240 : 900, log });
    for (const r of results) log(`    ${r.kind}: preview ${r.previewSeconds} s, import ${r.importSeconds} s`);
    if (!postgres) notMeasured.push("Import on PostgreSQL: measured in the full run with TEST_POSTGRES_URL only.");
    return results;
  } catch (error) {
    notMeasured.push(
      `Import of 100,000 rows (target 60 s): ${String(error)
        .split("\n")[0]
        .replace(/^Error: /, "")}.`,
    );
    return [];
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const machine = describeMachine();
  const command = `${options.postgresBase ? `TEST_POSTGRES_URL=${redact(options.postgresBase)} ` : ""}npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  log(`Vigía bench (${options.quick ? "quick" : "full"}): ${command}`);
  log(`  ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAtStart.map((l) => l.toFixed(2)).join(" ")}`);
  const notMeasured: string[] = [];

  const build = options.only ? null : await loadBuild();

  const kinds: DatabaseKind[] = options.postgresBase ? ["sqlite", "postgresql"] : ["sqlite"];
  if (!options.postgresBase) notMeasured.push("PostgreSQL: TEST_POSTGRES_URL was not set (or --no-postgres was given).");
  const databases: DatabaseResult[] = [];
  const searches: CaseSearchRun[] = [];
  for (const kind of kinds) {
    for (const cases of options.sizes) {
      const url = defaultBenchUrl(kind, cases, options.seed, options.postgresBase ?? undefined);
      log(`\n[${kind}, ${cases.toLocaleString("en")} synthetic cases] ${redact(url)}`);
      const data = await ensureBenchDatabase({ target: parseDatabaseUrl(url), cases, seed: options.seed, log });
      log(
        data.generated
          ? `  generated in ${data.marker.seconds} s`
          : `  reusing the bench database generated ${data.marker.generatedAt} (in ${data.marker.seconds} s)`,
      );
      const db: DatabaseResult = { kind, cases, url, marker: data.marker, generated: data.generated, counts: [], charts: [], loaders: [], caseList: [] };
      databases.push(db);
      await useDatabase(url);
      if (build) {
        await benchAggregates(db, options.runs);
        await benchLoaders(db, build, options.loaderSamples);
        await benchCaseList(db, options.runs);
      }
      searches.push(await benchCaseSearch(kind, cases, options.loaderSamples, log));
    }
  }
  const { disconnectDb } = await import("../app/lib/db.server.ts");
  await disconnectDb();
  // A quick run measures the search at 100k only: its figures stay in the log, not over a full run's section with 1M.
  if (!options.quick || options.only === "case-search") writeCaseSearchSection(options, command, machine, startedAt, searches, notMeasured);
  else log(`\nCase search: figures above only (a quick run leaves the case-search section of ${options.out} as it is).`);
  if (!build) {
    log(`\nCase search written to ${options.out} (${((Date.now() - startedAt.getTime()) / 60_000).toFixed(1)} minutes).`);
    process.exit(0);
  }

  const http: BenchResults["http"] = [];
  if (options.http) {
    for (const cases of options.sizes) {
      const url = defaultBenchUrl("sqlite", cases, options.seed);
      log(`\n[HTTP, SQLite, ${cases.toLocaleString("en")} synthetic cases]`);
      http.push({ cases, result: await benchHttp({ databaseUrl: url, seconds: options.httpSeconds, connections: options.httpConnections, log }) });
    }
  } else notMeasured.push("HTTP: --no-http was given.");

  const imports = await benchImports(options, notMeasured);

  const js = clientJsPerRoute(pagesOf(build));

  const results: BenchResults = {
    options,
    command,
    machine,
    loadAtEnd: loadavg(),
    startedAt,
    minutes: (Date.now() - startedAt.getTime()) / 60_000,
    databases,
    http,
    js,
    imports,
    notMeasured,
  };
  const section = renderReport(results);
  const file = resolve(ROOT, options.out);
  writeFileSync(file, writeReportSection(existsSync(file) ? readFileSync(file, "utf8") : "", options.quick ? "quick" : "full", section));
  log(`\nWritten to ${options.out} (${results.minutes.toFixed(1)} minutes).`);
  process.exit(0);
}

await main();
