// The case list's search (decision 065) on a bench database: p50/p95 of the
// list request as the /incidents page makes it (first page of 50 and the exact
// total) for a name with and without accents, a place, each combined with a
// filter, beside the same list without a search. Reported in its own section of
// docs/benchmarks.md (`bench:case-search`), so that a run of only this part
// (`npm run bench -- --only case-search`) leaves the other sections as they are.
import type { DatabaseKind } from "../../app/lib/database-url.ts";
import { median, ms, num, percentile, sample } from "./measure.ts";

export interface CaseSearchResult {
  label: string;
  q: string | null;
  filter: string;
  /** Records the search and filter select (the list's total) */
  matches: number;
  samples: number;
  p50: number;
  p95: number;
}

export interface CaseSearchRun {
  kind: DatabaseKind;
  cases: number;
  results: CaseSearchResult[];
}

interface Probe {
  label: string;
  q: string | null;
  filter: Record<string, unknown>;
  filterText: string;
}

// Names: the Global Witness Mexico records in every bench database (the seed's) include several "José …";
// places: the synthetic records' regions are Mexican state names, written with their accents ("Michoacán").
const PROBES: Probe[] = [
  { label: "no search (the list as it opens)", q: null, filter: {}, filterText: "" },
  { label: "name with accents", q: "José", filter: {}, filterText: "" },
  { label: "name without accents", q: "jose", filter: {}, filterText: "" },
  { label: "first and last name, no accents", q: "jose luis", filter: {}, filterText: "" },
  { label: "place without accents", q: "michoacan", filter: {}, filterText: "" },
  {
    label: "name + filter (sector mining, from 2015)",
    q: "jose",
    filter: { sectors: ["mining_extractives"], yearFrom: 2015 },
    filterText: "sector=mining_extractives&from=2015",
  },
  {
    label: "place + filter (sector mining, from 2018)",
    q: "michoacan",
    filter: { sectors: ["mining_extractives"], yearFrom: 2018 },
    filterText: "sector=mining_extractives&from=2018",
  },
  {
    label: "place + filter (state, perpetrator)",
    q: "oaxaca",
    filter: { states: ["OAX"], perpetrators: ["hitmen"] },
    filterText: "state=OAX&perpetrator=hitmen",
  },
  { label: "a word of every synthetic record", q: "synthetic", filter: {}, filterText: "" },
];

/** Measures every probe on the database the app is connected to (DATABASE_URL set by the caller). */
export async function benchCaseSearch(
  kind: DatabaseKind,
  cases: number,
  samples: { min: number; max: number; budgetMs: number },
  log: (line: string) => void,
): Promise<CaseSearchRun> {
  const { listIncidents } = await import("../../app/models/incident.server.ts");
  const results: CaseSearchResult[] = [];
  for (const probe of PROBES) {
    const run = () => listIncidents({ filter: probe.filter, q: probe.q });
    const page = await run();
    const times = await sample(run, samples);
    const result: CaseSearchResult = {
      label: probe.label,
      q: probe.q,
      filter: probe.filterText,
      matches: page.total,
      samples: times.length,
      p50: median(times),
      p95: percentile(times, 95),
    };
    results.push(result);
    log(`    search ${probe.label}: p50 ${ms(result.p50)}, p95 ${ms(result.p95)} (${result.matches} matches)`);
  }
  return { kind, cases, results };
}

/** The Markdown of the case-search section. */
export function renderCaseSearch(runs: CaseSearchRun[], meta: { command: string; date: string; machine: string; load: string; notMeasured: string[] }): string {
  const lines = [
    `## Case search, ${meta.date}`,
    "",
    `Command: \`${meta.command}\` (written by the command itself).`,
    "",
    `Machine: ${meta.machine}. ${meta.load}`,
    "",
    "Each row is the case list's request as `/incidents?q=…` makes it (decisions 065, 117): the first page of 50 " +
      "(newest first, keyset) and the exact total of the default scope (Global Witness records and verified staff records), " +
      "through the app's model function `listIncidents`, the search a relation filter on a view (no cap). SQLite searches the FTS5 index (word prefixes); PostgreSQL the trigram index " +
      "on the unaccented text (parts of words). p95 is the nearest rank of the calls made.",
    "",
  ];
  for (const run of runs) {
    lines.push(`### ${run.kind === "sqlite" ? "SQLite" : "PostgreSQL"}, ${num(run.cases)} synthetic cases`, "");
    lines.push("| search | `q` | filter | records found | calls | p50 | p95 |", "|---|---|---|---:|---:|---:|---:|");
    for (const r of run.results) {
      lines.push(
        `| ${r.label} | ${r.q === null ? "—" : `\`${r.q}\``} | ${r.filter ? `\`${r.filter}\`` : "—"} | ${num(r.matches)} | ${r.samples} | ${ms(r.p50)} | ${ms(r.p95)} |`,
      );
    }
    lines.push("");
  }
  if (meta.notMeasured.length) lines.push(...meta.notMeasured.map((n) => `- Not measured: ${n}`), "");
  return lines.join("\n");
}
