// Loads each registered chart's data on the server, from SQL aggregates only
// (GROUP BY, SUM, MIN/MAX): never all rows into JavaScript. Keyed by the ids of
// app/charts/registry.ts; the type below makes a missing loader a type error.
import type { ExportFormat } from "~/lib/http.server.ts";
import type { Language } from "~/lib/i18n.ts";
import {
  countIncidentsBy,
  countIncidentsByYearAndOutcome,
  countIncidentsWithCharacteristic,
  getIncidentOrigins,
  getIncidentYearBounds,
  hasStaffRecords,
} from "~/models/incident.server.ts";
import { env } from "~/lib/env.server.ts";
import { suppressCount, type Count } from "~/charts/small-counts.ts";
import type { IncidentFilter } from "~/domain/incident-filter.ts";
import { getLastGwImportDate } from "~/models/gw-import.server.ts";
import { listMilestones } from "~/models/milestone.server.ts";
import { getAnnualFigureYearBounds, getFiguresByKey, HEADLINE_KEYS, listAnnualFigures, type FigureView } from "~/models/published-figure.server.ts";
import { getSourcePublishedOn, SOURCE_KEYS } from "~/models/source.server.ts";
import type { AnnualFigureInput, MilestoneInput } from "~/charts/annual-trend.ts";
import type { PublishedValue } from "~/charts/indigenous-share.ts";
import {
  indigenousShareScope,
  lethalScope,
  mexicoScope,
  miningScope,
  readerChartQuery,
  reconciliationScope,
  type ChartQuery,
  type ChartReader,
} from "~/charts/query.ts";
import type { BreakdownChartData, ChartDataById, ChartId, LoadedChart, MexicoAnnualChartData } from "~/charts/registry.ts";
import type { PngSize } from "~/charts/export-image.ts";
import type { CaseCount, CaseCoverage, YearCount, YearSpan } from "~/charts/types.ts";
import { countryNames } from "~/domain/countries.server.ts";
import { ALL_COUNTRIES } from "~/domain/incident-filter.ts";
import { exportMemo, getDataVersion, memoByVersion } from "~/models/data-version.server.ts";

/** A date as sortable text: "2025" < "2025-09" < "2025-09-18" < "2026". */
function dateKey(date: string): string {
  const [y, m = "00", d = "00"] = date.split("-");
  return `${y.padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

/** The newest of some dates given as precisely as their sources give them. */
export function latestDate(dates: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (!best || dateKey(d) > dateKey(best))) best = d;
  return best;
}

/**
 * What several charts of one request share, loaded once: the default years,
 * milestones, the annual published figures and the Global Witness dataset's date.
 */
export class ChartLoadContext {
  private memo = new Map<string, Promise<unknown>>();
  /** The query as this reader may have it: every loader counts through this, never the asked-for one. */
  readonly query: ChartQuery;
  constructor(
    query: ChartQuery,
    readonly lng: Language,
    readonly reader: ChartReader,
    private readonly now: Date = new Date(),
  ) {
    this.query = readerChartQuery(query, reader);
  }

  /** The data version, read once for all the charts of a request. */
  dataVersion(): Promise<number> {
    return this.once("version", () => getDataVersion());
  }

  /** Today (UTC), on which the default time axis depends. */
  today(): string {
    return this.now.toISOString().slice(0, 10);
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as Promise<T>;
  }

  /**
   * The years a time axis shows: the filter's years where given; otherwise
   * from the first to the last year with a published figure or a case record,
   * stretched to the latest milestone that has already happened, so that the
   * partnership's launch stays on the axis.
   */
  span(): Promise<YearSpan> {
    return this.once("span", async () => {
      const [published, cases, milestones] = await Promise.all([getAnnualFigureYearBounds(), getIncidentYearBounds(), this.milestones()]);
      const today = this.now.toISOString().slice(0, 10);
      const pastMilestoneYears = milestones.filter((m) => m.date <= today).map((m) => Number(m.date.slice(0, 4)));
      const firsts = [published?.min, cases?.min].filter((y): y is number => y !== undefined);
      const lasts = [published?.max, cases?.max, ...pastMilestoneYears].filter((y): y is number => y !== undefined);
      const thisYear = this.now.getUTCFullYear();
      let from = this.query.filter.yearFrom ?? (firsts.length ? Math.min(...firsts) : thisYear);
      let to = this.query.filter.yearTo ?? (lasts.length ? Math.max(...lasts) : thisYear);
      if (from > to) {
        if (this.query.filter.yearFrom !== undefined) to = from;
        else from = to;
      }
      return { from, to };
    });
  }

  milestones(): Promise<MilestoneInput[]> {
    return this.once("milestones", async () =>
      (await listMilestones(this.lng)).map(({ key, date, label, untranslated }) => ({ key, date, label, untranslated })),
    );
  }

  /** Single-year published figures (Mexico and worldwide) over the span, with the newest date of their sources. */
  annualFigures(): Promise<{ figures: AnnualFigureInput[]; asOf: string | null }> {
    return this.once("annual", async () => {
      const span = await this.span();
      const rows = await listAnnualFigures(span.from, span.to);
      return {
        figures: rows.map((r) => ({ year: r.year, scope: r.scope, metric: r.metric, value: r.value, revisedValue: r.revisedValue, reportName: r.reportName })),
        asOf: latestDate(rows.flatMap((r) => [r.source.publishedOn, r.revisedSource?.publishedOn])),
      };
    });
  }

  /** The seeded dataset's publication date, or the day a later import last changed the records, whichever is newer. */
  private gwDatasetDate(): Promise<string | null> {
    return this.once("gwDate", async () => latestDate(await Promise.all([getSourcePublishedOn(SOURCE_KEYS.gwDataset), this.gwImportedOn()])));
  }

  /** The day an import last created or changed records, for the source lines (null: the seeded download alone). */
  private gwImportedOn(): Promise<string | null> {
    return this.once("gwImportedOn", getLastGwImportDate);
  }

  /** Per origin, the years and last change of the case records in scope: one query for a scope's coverage and date. */
  private origins(scope: IncidentFilter): ReturnType<typeof getIncidentOrigins> {
    return this.once(`origins:${JSON.stringify(scope)}`, () => getIncidentOrigins(scope));
  }

  /** Whether the scope counts any staff record: one of its origins (the query its coverage note made already). */
  async countsStaff(scope: IncidentFilter): Promise<boolean> {
    return (await this.origins(scope)).some((o) => o.origin === "staff");
  }

  /** The first and last year of the case records in scope, per origin (for coverage notes and the reconciliation's gaps). */
  coverage(scope: IncidentFilter | null): Promise<CaseCoverage[]> {
    if (!scope) return Promise.resolve([]);
    return this.once(`coverage:${JSON.stringify(scope)}`, async () => {
      const [rows, importedOn] = await Promise.all([this.origins(scope), this.gwImportedOn()]);
      return rows.map(({ origin, from, to }) => (origin === "gw_dataset" ? { origin, from, to, importedOn } : { origin, from, to }));
    });
  }

  /**
   * How recent the case records in scope are: for Global Witness records, the
   * date of the dataset they come from; for staff records, their last change.
   */
  async casesAsOf(scope: IncidentFilter | null): Promise<string | null> {
    if (!scope) return null;
    // The dataset's date is asked beside the origins, not after them: one round trip fewer on
    // PostgreSQL, for a date nearly every scope needs (it counts Global Witness records by default).
    const [changed, gwDate] = await Promise.all([this.origins(scope), this.gwDatasetDate()]);
    return latestDate(changed.map((c) => (c.origin === "gw_dataset" ? gwDate : c.lastChanged.toISOString().slice(0, 10))));
  }
}

async function countsBy(field: "sector" | "perpetratorType" | "stateCode", scope: IncidentFilter | null): Promise<CaseCount[]> {
  if (!scope) return [];
  return (await countIncidentsBy(field, scope)).map((r) => ({ key: r.key, people: r.people }));
}

async function countsByYear(scope: IncidentFilter | null): Promise<YearCount[]> {
  if (!scope) return [];
  return (await countIncidentsBy("year", scope)).map((r) => ({ year: Number(r.key), people: r.people }));
}

function publishedValue(f: FigureView | null | undefined): PublishedValue | null {
  return f ? { value: f.value, atLeast: f.atLeast, periodStart: f.periodStart, periodEnd: f.periodEnd } : null;
}

/** Mexico's published figure per year beside the people in the case records of `scope` (Mexico per year, reconciliation). */
async function publishedBesideCases(c: ChartLoadContext, scope: IncidentFilter | null): Promise<MexicoAnnualChartData> {
  const [span, annual, cases, milestones, casesAsOf, coverage] = await Promise.all([
    c.span(),
    c.annualFigures(),
    countsByYear(scope),
    c.milestones(),
    c.casesAsOf(scope),
    c.coverage(scope),
  ]);
  return {
    span,
    coverage,
    figures: c.query.figures,
    scope,
    published: annual.figures.filter((f) => f.scope === "country"),
    cases,
    milestones,
    asOf: latestDate([annual.asOf, casesAsOf]),
  };
}

/** People in the case records of the page's filters, by one column. */
async function breakdown(c: ChartLoadContext, field: "sector" | "perpetratorType" | "stateCode"): Promise<BreakdownChartData> {
  // Mexican states exist only in Mexico's records.
  const scope = field === "stateCode" ? mexicoScope(c.query.filter) : c.query.filter;
  const [counts, asOf, coverage] = await Promise.all([countsBy(field, scope), c.casesAsOf(scope), c.coverage(scope)]);
  return { scope, counts, asOf, coverage };
}

type Loaders = { [K in ChartId]: (c: ChartLoadContext) => Promise<ChartDataById[K]> };

const withheld = <T extends { people: Count }>(rows: T[], threshold: number): T[] =>
  rows.map((r) => (r.people === null ? r : { ...r, people: suppressCount(r.people, threshold) }));

/**
 * Each chart's counts of people with small ones withheld (decision 099). Keyed
 * by chart id like the loaders, so that a new chart cannot forget its counts.
 * Published figures are never touched: they are public as printed.
 */
const WITHHOLD: { [K in ChartId]: (d: ChartDataById[K], threshold: number) => ChartDataById[K] } = {
  "mexico-annual": (d, n) => ({ ...d, cases: withheld(d.cases, n) }),
  "killed-disappeared": (d, n) => ({ ...d, counts: withheld(d.counts, n) }),
  "sector-breakdown": (d, n) => ({ ...d, counts: withheld(d.counts, n) }),
  "indigenous-share": (d, n) => {
    const [indigenous, total] = [d.cases.indigenous, d.cases.total].map((c) => (c === null ? null : suppressCount(c, n)));
    // A share of a small number, or a small number of a total, singles people out: both go.
    return { ...d, cases: indigenous === null || total === null ? { indigenous: null, total: null } : { indigenous, total } };
  },
  "perpetrator-breakdown": (d, n) => ({ ...d, counts: withheld(d.counts, n) }),
  "state-breakdown": (d, n) => ({ ...d, counts: withheld(d.counts, n) }),
  "state-map": (d, n) => ({ ...d, counts: withheld(d.counts, n) }),
  "mining-by-year": (d, n) => ({ ...d, counts: withheld(d.counts, n) }),
  reconciliation: (d, n) => ({ ...d, cases: withheld(d.cases, n) }),
  // Published figures only.
  "annual-trend": (d) => d,
};

/**
 * Whether small counts are withheld from this reader, and below what: the
 * deployment's threshold for an anonymous reader when the scope counts at least
 * one staff record; null (exact counts) otherwise. The one rule of decision 099,
 * for the charts here and for the matrix, scorecards and provision pages (decision 109).
 */
export async function smallCountThreshold(
  reader: ChartReader,
  scope: IncidentFilter | null,
  countsStaff: (scope: IncidentFilter) => Promise<boolean> = hasStaffRecords,
): Promise<number | null> {
  const threshold = env().smallCountThreshold;
  if (reader !== "public" || threshold <= 1 || !scope) return null;
  return (await countsStaff(scope)) ? threshold : null;
}

/**
 * The one suppression step: for an anonymous reader, when the chart's scope
 * counts at least one staff record, every count of people from 1 to threshold - 1
 * is withheld (null), before the data reaches a page, an embed, a PNG or a CSV.
 */
async function withholdSmallCounts<K extends ChartId>(id: K, data: ChartDataById[K], context: ChartLoadContext): Promise<ChartDataById[K]> {
  const threshold = await smallCountThreshold(context.reader, (data as { scope?: IncidentFilter | null }).scope ?? null, (scope) => context.countsStaff(scope));
  if (threshold === null) return data;
  const suppress = WITHHOLD[id] as (d: ChartDataById[K], threshold: number) => ChartDataById[K];
  return { ...suppress(data, threshold), smallCountThreshold: threshold };
}

const LOADERS: Loaders = {
  "mexico-annual": (c) => publishedBesideCases(c, lethalScope(mexicoScope(c.query.filter))),
  "killed-disappeared": async (c) => {
    const scope = lethalScope(c.query.filter);
    const [span, counts, milestones, asOf, coverage] = await Promise.all([
      c.span(),
      scope ? countIncidentsByYearAndOutcome(scope) : Promise.resolve([]),
      c.milestones(),
      c.casesAsOf(scope),
      c.coverage(scope),
    ]);
    return { span, scope, counts, milestones, asOf, coverage };
  },
  "sector-breakdown": (c) => breakdown(c, "sector"),
  "indigenous-share": async (c) => {
    const scope = indigenousShareScope(mexicoScope(c.query.filter));
    const keys = [HEADLINE_KEYS.indigenous, HEADLINE_KEYS.total, HEADLINE_KEYS.indigenousPopulation];
    const [figures, cases, casesAsOf, coverage] = await Promise.all([
      getFiguresByKey(keys),
      scope ? countIncidentsWithCharacteristic(scope, "indigenous") : Promise.resolve({ withCharacteristic: 0, total: 0 }),
      c.casesAsOf(scope),
      c.coverage(scope),
    ]);
    return {
      scope,
      coverage,
      publishedIndigenous: publishedValue(figures.get(HEADLINE_KEYS.indigenous)),
      publishedTotal: publishedValue(figures.get(HEADLINE_KEYS.total)),
      populationShare: publishedValue(figures.get(HEADLINE_KEYS.indigenousPopulation)),
      cases: { indigenous: cases.withCharacteristic, total: cases.total },
      asOf: latestDate([...[...figures.values()].map((f) => f.source.publishedOn), casesAsOf]),
    };
  },
  "perpetrator-breakdown": (c) => breakdown(c, "perpetratorType"),
  "state-breakdown": (c) => breakdown(c, "stateCode"),
  "state-map": (c) => LOADERS["state-breakdown"](c),
  "mining-by-year": async (c) => {
    const scope = miningScope(mexicoScope(c.query.filter));
    const [span, counts, milestones, figures, asOf, coverage] = await Promise.all([
      c.span(),
      countsByYear(scope),
      c.milestones(),
      getFiguresByKey([HEADLINE_KEYS.mining]),
      c.casesAsOf(scope),
      c.coverage(scope),
    ]);
    return { span, scope, coverage, counts, milestones, publishedMining: publishedValue(figures.get(HEADLINE_KEYS.mining)), asOf };
  },
  reconciliation: (c) => publishedBesideCases(c, reconciliationScope(c.query.filter)),
  "annual-trend": async (c) => {
    const [span, annual, milestones] = await Promise.all([c.span(), c.annualFigures(), c.milestones()]);
    return { span, figures: c.query.figures, published: annual.figures, milestones, asOf: annual.asOf };
  },
};

/**
 * A chart's data, from the data-versioned cache (app/models/data-version.server.ts):
 * computed once per (chart, query, language, day, data version) in this process.
 */
export async function loadChart<K extends ChartId>(id: K, context: ChartLoadContext): Promise<LoadedChart<K>> {
  const version = await context.dataVersion();
  // The reader is part of the key: a public reader's counts are withheld where small, a signed-in reader's are not.
  const key = JSON.stringify(["chart", id, context.reader, context.query, context.lng, context.today()]);
  return memoByVersion(key, version, () => computeChart(id, context), jsonSize);
}

/**
 * Keeps an export's body (PNG bytes, CSV text) by format, PNG size, chart, query, language, day,
 * permalink and data version: a repeated PNG is drawn once until the data change.
 */
export async function chartExportMemo(id: ChartId, context: ChartLoadContext, format: ExportFormat, permalink: string, pngSize?: PngSize) {
  return exportMemo([format, pngSize ?? null, id, context.reader, context.query, context.lng, context.today(), permalink], await context.dataVersion());
}

/** An estimate of a value's bytes in memory, for the cache's bound. */
function jsonSize(value: unknown): number {
  return JSON.stringify(value).length * 2;
}

async function computeChart<K extends ChartId>(id: K, context: ChartLoadContext): Promise<LoadedChart<K>> {
  const data = await withholdSmallCounts(id, await (LOADERS[id] as (c: ChartLoadContext) => Promise<ChartDataById[K]>)(context), context);
  // The countries the filters name, in the reader's language, made here: browsers and Node name some differently.
  const scope = (data as { scope?: IncidentFilter | null }).scope;
  const named = [...new Set([...(context.query.filter.countries ?? []), ...(scope?.countries ?? [])])].filter((c) => c !== ALL_COUNTRIES);
  return { id, data: named.length ? { ...data, countryNames: countryNames(named, context.lng) } : data } as LoadedChart<K>;
}

/**
 * Each chart's data as its own promise, started together on one shared context: a page
 * can stream each chart as it is ready (the trends page, decision 127).
 */
export function startCharts<K extends ChartId>(ids: readonly K[], query: ChartQuery, lng: Language, reader: ChartReader): Promise<LoadedChart<K>>[] {
  const context = new ChartLoadContext(query, lng, reader);
  return ids.map((id) => loadChart(id, context));
}

export async function loadCharts<K extends ChartId>(ids: readonly K[], query: ChartQuery, lng: Language, reader: ChartReader): Promise<LoadedChart<K>[]> {
  return Promise.all(startCharts(ids, query, lng, reader));
}
