// The benchmark's figures as Markdown, each beside its target from the issue, and
// the one place in docs/benchmarks.md where a run of that mode (quick or full) goes.
import type { BenchResults, DatabaseResult } from "../bench.ts";
import { aggregateTarget, type AggregateResult } from "./aggregates.ts";
import { JS_BUDGET_KB } from "./client-js.ts";
import { PNG_PATH } from "./http.ts";
import { IMPORT_ROWS, IMPORT_TARGET_SECONDS } from "./import.ts";
import { kb, mb, ms, num } from "./measure.ts";

/** Targets from the issue, in one place. */
export const TARGETS = {
  overviewRatio: 0.5,
  trendsRatio: 0.25,
  pngRatio: 0.5,
  /** SQLite loaders' p95 by number of cases */
  loaderP95: new Map([
    [100_000, 100],
    [1_000_000, 300],
  ]),
  /** Peak server memory at the largest size over the smallest: "flat" allows this much */
  memoryGrowth: 1.25,
};

const PASS = "pass";
const MISS = "**miss**";
const mark = (ok: boolean) => (ok ? PASS : MISS);
const dbName = (kind: string) => (kind === "sqlite" ? "SQLite" : "PostgreSQL");
const size = (cases: number) =>
  cases >= 1_000_000 && cases % 1_000_000 === 0 ? `${cases / 1_000_000}M` : cases >= 1000 && cases % 1000 === 0 ? `${cases / 1000}k` : num(cases);

function aggregateTable(rows: AggregateResult[]): string[] {
  return [
    "| aggregate | SQL statements | app (model function) | raw driver, same SQL | app / raw | target ≤ 2 × raw + 2 ms | |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...rows.map(
      (r) => `| ${r.name} | ${r.statements} | ${ms(r.appMs)} | ${ms(r.rawMs)} | ${r.ratio.toFixed(2)} | ${ms(aggregateTarget(r.rawMs))} | ${mark(r.pass)} |`,
    ),
  ];
}

function loaderTarget(db: DatabaseResult): number | undefined {
  return db.kind === "sqlite" ? TARGETS.loaderP95.get(db.cases) : undefined;
}

interface Verdict {
  target: string;
  figure: string;
  ok: boolean | null;
}

function verdicts(r: BenchResults): Verdict[] {
  const out: Verdict[] = [];
  const http100k = r.http.find((h) => h.cases === 100_000)?.result;
  if (http100k) {
    const base = http100k.loads[0];
    const ratioOf = (path: string) => {
      const l = http100k.loads.find((x) => x.path === path)!;
      return { l, ratio: l.requestsPerSecond / base.requestsPerSecond };
    };
    const o = ratioOf("/");
    const t = ratioOf("/trends");
    const p = ratioOf(PNG_PATH);
    const bad = (l: typeof o.l) => l.errors + l.non2xx;
    out.push({
      target: `\`/\` at 100k ≥ ${TARGETS.overviewRatio} of /healthz's requests/s, 0 errors`,
      figure: `${o.ratio.toFixed(3)} (${o.l.requestsPerSecond.toFixed(1)} of ${base.requestsPerSecond.toFixed(0)} req/s), ${bad(o.l)} errors`,
      ok: o.ratio >= TARGETS.overviewRatio && bad(o.l) === 0,
    });
    out.push({
      target: `\`/trends\` at 100k ≥ ${TARGETS.trendsRatio} of /healthz`,
      figure: `${t.ratio.toFixed(3)} (${t.l.requestsPerSecond.toFixed(1)} req/s), ${bad(t.l)} errors, ${t.l.timeouts} timeouts`,
      ok: t.ratio >= TARGETS.trendsRatio,
    });
    out.push({
      target: `repeated PNG at 100k ≥ ${TARGETS.pngRatio} of /healthz`,
      figure: `${p.ratio.toFixed(3)} (${p.l.requestsPerSecond.toFixed(1)} req/s)`,
      ok: p.ratio >= TARGETS.pngRatio,
    });
    out.push({
      target: "cold PNG latency reported",
      figure: `${ms(http100k.coldPngFirstMs)} first after start, ${ms(http100k.coldPngNewFiltersMs)} new filters`,
      ok: null,
    });
  }
  for (const db of r.databases) {
    const all = [...db.counts, ...db.charts];
    const misses = all.filter((a) => !a.pass);
    const worst = all.reduce((w, a) => (a.appMs - aggregateTarget(a.rawMs) > w.appMs - aggregateTarget(w.rawMs) ? a : w), all[0]);
    out.push({
      target: `aggregates within 2 × raw + 2 ms, ${dbName(db.kind)} ${size(db.cases)}`,
      figure: `${all.length - misses.length} of ${all.length} within${worst ? `; worst ${worst.name}: ${ms(worst.appMs)} vs ${ms(worst.rawMs)} raw (${worst.ratio.toFixed(2)}×)` : ""}`,
      ok: misses.length === 0,
    });
  }
  for (const db of r.databases) {
    const limit = loaderTarget(db);
    if (limit === undefined) continue;
    for (const l of db.loaders) {
      out.push({
        target: `loader \`${l.route}\` p95 ≤ ${limit} ms, SQLite ${size(db.cases)}`,
        figure: `p95 ${ms(l.p95)} (p50 ${ms(l.p50)}; cold ${ms(l.coldMs ?? NaN)})`,
        ok: l.p95 <= limit,
      });
    }
  }
  if (r.js.length) {
    for (const chart of [false, true]) {
      const group = r.js.filter((j) => j.chart === chart);
      if (!group.length) continue;
      const worst = group.reduce((w, j) => (j.gzipBytes > w.gzipBytes ? j : w));
      const over = group.filter((j) => !j.pass).length;
      const budget = chart ? JS_BUDGET_KB.chart : JS_BUDGET_KB.other;
      out.push({
        target: `client JS ≤ ${budget} KB gz on ${chart ? "chart pages" : "pages without charts"}`,
        figure: `${over} of ${group.length} pages over; worst ${worst.route} ${kb(worst.gzipBytes)}`,
        ok: over === 0,
      });
    }
  }
  if (r.http.length >= 2) {
    const small = r.http[0];
    const large = r.http[r.http.length - 1];
    const growth = large.result.servedOnceRssBytes / small.result.servedOnceRssBytes;
    out.push({
      target: `server memory flat in cases (after one of each page, peak at ${size(large.cases)} ≤ ${TARGETS.memoryGrowth} × at ${size(small.cases)})`,
      figure: `${mb(small.result.servedOnceRssBytes)} → ${mb(large.result.servedOnceRssBytes)} (${growth.toFixed(2)}×); under load ${mb(small.result.peakRssBytes)} at ${size(small.cases)}, ${mb(large.result.peakRssBytes)} at ${size(large.cases)}`,
      ok: growth <= TARGETS.memoryGrowth,
    });
  }
  out.push(...importVerdicts(r));
  return out;
}

/** The import target: preview and import together (what an administrator waits for) within 60 s. */
function importVerdicts(r: BenchResults): Verdict[] {
  return r.imports.map((i) => {
    const total = i.previewSeconds + i.importSeconds;
    return {
      target: `import of ${num(IMPORT_ROWS)} rows within ${IMPORT_TARGET_SECONDS} s, ${dbName(i.kind)} (preview + import)`,
      figure: `${total.toFixed(1)} s (preview ${i.previewSeconds} s, import ${i.importSeconds} s)`,
      ok: total <= IMPORT_TARGET_SECONDS,
    };
  });
}

/** The PNG sizes and the import's steps, each a section of its own. */
function renderPngAndImport(r: BenchResults): string[] {
  const lines: string[] = [];
  const sized = r.http.filter((h) => h.result.pngSizes?.length);
  if (sized.length) {
    lines.push("### PNG sizes (decision 112)", "");
    lines.push("| PNG | cases | width × height | bytes |", "|---|---:|---:|---:|");
    for (const { cases, result } of sized)
      for (const p of result.pngSizes) lines.push(`| \`${p.path}\` | ${num(cases)} | ${p.width} × ${p.height} | ${num(p.bytes)} |`);
    lines.push("");
  }
  if (r.imports.length) {
    lines.push(`### Import of ${num(IMPORT_ROWS)} synthetic rows (\`npm run bench:import\`, the path of /admin/import)`, "");
    lines.push(`| step | ${r.imports.map((i) => dbName(i.kind)).join(" | ")} |`, `|---|${r.imports.map(() => "---:").join("|")}|`);
    for (const [n, s] of r.imports[0].steps.entries()) lines.push(`| ${s.step} | ${r.imports.map((i) => i.steps[n]?.time ?? "—").join(" | ")} |`);
    lines.push("", "Wall time, with the import process's own CPU time beside it (the database server's CPU is not in it).", "");
  }
  return lines;
}

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const lines: string[] = [];
  const day = r.startedAt.toISOString().slice(0, 10);
  lines.push(`## ${r.options.quick ? "Quick run" : "Full run"}, ${day}`, "");
  lines.push(`Command: \`${r.command}\` (${r.minutes.toFixed(1)} minutes; written by the command itself).`, "");
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory, Node ${m.node}, ${m.os}; commit ${m.commit}. ` +
      `Load average (1, 5, 15 min) at the start ${m.loadAtStart.map((l) => l.toFixed(2)).join(", ")}, at the end ${r.loadAtEnd.map((l) => l.toFixed(2)).join(", ")}. ` +
      "The machine is shared with other engineers' builds and tests: read the ratios within this run, not milliseconds across runs.",
    "",
  );
  lines.push(
    `Medians of ${r.options.runs} runs after a warm-up, the app's call and the raw driver's alternating; loaders: ${r.options.loaderSamples.min}–${r.options.loaderSamples.max} calls each ` +
      `(p95 is the nearest rank, so with few calls it is the slowest one); HTTP: autocannon, ${r.options.httpConnections} connections, ${r.options.httpSeconds} s per route, 10 s request timeout.`,
    "",
  );

  lines.push("### Bench databases", "");
  lines.push("| database | synthetic cases | seed | characteristics | links to provisions | generated in | |", "|---|---:|---:|---:|---:|---:|---|");
  for (const db of r.databases) {
    lines.push(
      `| ${dbName(db.kind)} | ${num(db.cases)} | ${db.marker.seed} | ${num(db.marker.characteristics ?? NaN)} | ${num(db.marker.links ?? NaN)} | ${db.marker.seconds} s | ${db.generated ? "generated in this run" : `reused (generated ${db.marker.generatedAt?.slice(0, 10)})`} |`,
    );
  }
  lines.push("", "Each also holds the seed's reference data and its 154 Global Witness records.", "");

  lines.push("### Targets", "");
  lines.push("| target (issue 13) | this run | |", "|---|---|---|");
  for (const v of verdicts(r)) lines.push(`| ${v.target} | ${v.figure} | ${v.ok === null ? "reported" : mark(v.ok)} |`);
  lines.push("");

  lines.push("### Dashboard aggregates: the app's model functions against the same SQL on the raw driver", "");
  for (const db of r.databases) {
    lines.push(`#### ${dbName(db.kind)}, ${num(db.cases)} synthetic cases`, "");
    lines.push(...aggregateTable([...db.counts, ...db.charts]), "");
  }

  lines.push("### Loaders (called from the server build, one at a time)", "");
  lines.push(
    "Cold: the first call after a write (the data version bumped), every aggregate from the database; p50 and p95: the calls after it, from the data-versioned cache (decision 077).",
    "",
  );
  lines.push("| route | database | cases | cold | calls | p50 | p95 | target p95 | |", "|---|---|---:|---:|---:|---:|---:|---:|---|");
  for (const db of r.databases) {
    const limit = loaderTarget(db);
    for (const l of db.loaders) {
      lines.push(
        `| \`${l.route}\` | ${dbName(db.kind)} | ${num(db.cases)} | ${ms(l.coldMs ?? NaN)} | ${l.samples} | ${ms(l.p50)} | ${ms(l.p95)} | ${limit === undefined ? "—" : `${limit} ms`} | ${limit === undefined ? "" : mark(l.p95 <= limit)} |`,
      );
    }
  }
  lines.push("");

  if (r.http.length) {
    lines.push("### HTTP on loopback (the built app on SQLite, scripts/server.ts)", "");
    for (const { cases, result: h } of r.http) {
      const base = h.loads[0];
      const target = (path: string) =>
        cases !== 100_000
          ? undefined
          : path === "/"
            ? TARGETS.overviewRatio
            : path === "/trends"
              ? TARGETS.trendsRatio
              : path === PNG_PATH
                ? TARGETS.pngRatio
                : undefined;
      lines.push(`#### ${num(cases)} synthetic cases`, "");
      lines.push(
        "| route | requests/s | ratio to /healthz | target | latency p50 | p97.5 | p99 | requests | errors (timeouts) | non-2xx | bytes per response | server peak memory |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
      );
      for (const l of h.loads) {
        // autocannon reports 0 ms when no response came back within its timeout.
        const latency = (x: number) => (l.requests ? `${x} ms` : "none answered");
        const ratio = l.requestsPerSecond / base.requestsPerSecond;
        const t = target(l.path);
        lines.push(
          `| \`${l.path}\` | ${l.requestsPerSecond.toFixed(1)} | ${ratio.toFixed(3)} | ${t === undefined ? "—" : `≥ ${t} ${mark(ratio >= t && (l.path !== "/" || l.errors + l.non2xx === 0))}`} | ${latency(l.p50)} | ${latency(l.p97_5)} | ${latency(l.p99)} | ${num(l.requests)} | ${l.errors} (${l.timeouts}) | ${l.non2xx} | ${l.requests ? num(l.bytesPerResponse) : "—"} | ${mb(l.peakRssBytes)} |`,
        );
      }
      lines.push("");
      lines.push(
        `Cold PNG (\`${PNG_PATH}\`): ${ms(h.coldPngFirstMs)} as the first PNG after the server started; ${ms(h.coldPngNewFiltersMs)} with filters not asked for before, on the warm server.`,
        "",
      );
      lines.push(
        "| response (one GET, browser's Accept-Encoding) | status | time | bytes sent | Content-Encoding | ETag | Cache-Control |",
        "|---|---:|---:|---:|---|---|---|",
      );
      for (const x of h.responses)
        lines.push(
          `| \`${x.path}\` | ${x.status} | ${ms(x.ms)} | ${num(x.bytes)} | ${x.contentEncoding ?? "none"} | ${x.etag ? "yes" : "none"} | ${x.cacheControl ?? "none"} |`,
        );
      lines.push(
        "",
        `Server memory (resident): ${mb(h.idleRssBytes)} after start and one /healthz; ${mb(h.servedOnceRssBytes)} at its peak (VmHWM) after one of each page above, one at a time; ` +
          `${mb(h.peakRssBytes)} at the highest peak under load (each route is loaded on a server started for it; a peak under load depends on how many requests were in flight).`,
        "",
      );
    }
  }

  if (r.js.length) {
    lines.push("### Client JavaScript per page (gzipped, from the build)", "");
    lines.push(
      `Budgets: ${JS_BUDGET_KB.chart} KB on chart pages, ${JS_BUDGET_KB.other} KB elsewhere. A page whose modules include Chart.js is a chart page.`,
      "",
    );
    lines.push("| page route | chart page | gzipped | budget | |", "|---|---|---:|---:|---|");
    for (const j of r.js) lines.push(`| ${j.route} | ${j.chart ? "yes" : "no"} | ${kb(j.gzipBytes)} | ${j.budgetKb} KB | ${mark(j.pass)} |`);
    lines.push("");
  }

  if (r.databases.length) {
    lines.push("### Case list (keyset pagination, decision 022; page of 50, `listIncidents`)", "");
    lines.push(`| query | ${r.databases.map((d) => `${dbName(d.kind)} ${size(d.cases)}`).join(" | ")} |`, `|---|${r.databases.map(() => "---:").join("|")}|`);
    for (const [i, c] of r.databases[0].caseList.entries()) lines.push(`| ${c.label} | ${r.databases.map((d) => ms(d.caseList[i]?.ms ?? NaN)).join(" | ")} |`);
    lines.push("");
  }

  lines.push(...renderPngAndImport(r));

  if (r.notMeasured.length) {
    lines.push("### Not measured in this run", "");
    for (const n of r.notMeasured) lines.push(`- ${n}`);
  }
  return lines.join("\n");
}

const startMark = (mode: string) => `<!-- bench:${mode}:start -->`;
const endMark = (mode: string) => `<!-- bench:${mode}:end -->`;

/** `existing` with the section of `mode` replaced by `section` (added at the end when it has none yet). */
export function writeReportSection(existing: string, mode: "quick" | "full" | "case-search", section: string): string {
  const block = `${startMark(mode)}\n${section.trim()}\n${endMark(mode)}`;
  const a = existing.indexOf(startMark(mode));
  const b = existing.indexOf(endMark(mode));
  if (a !== -1 && b > a) return existing.slice(0, a) + block + existing.slice(b + endMark(mode).length);
  return `${existing.trimEnd()}\n\n${block}\n`;
}
