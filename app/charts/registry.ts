// The one chart registry. Each chart id maps to pure functions of its loaded
// data: title, subtitle (the filters in words), source, notes, the Chart.js
// config (or the map model) and the data table. The page, the embed page, the
// browser's PNG export, the server's PNG and the CSV all go through these same
// functions (the exports through chartDocument), so their numbers cannot differ.
// The data itself is loaded on the server by app/models/chart-data.server.ts,
// keyed by the same ids.
import { gwDatasetSource } from "~/domain/gw-source.ts";
import type { IncidentFilter } from "~/domain/incident-filter.ts";
import { formatDate } from "~/lib/format.ts";
import { annualTrendTable, buildAnnualTrendChart, shapeAnnualTrend, type AnnualFigureInput, type MilestoneInput } from "./annual-trend.ts";
import type { ChartDocument, ChartTexts } from "./document.ts";
import { describeFilter, yearsInWords } from "./filter-words.ts";
import { buildIndigenousShareChart, indigenousShareTable, shapeIndigenousShare, type IndigenousShareData, type PublishedValue } from "./indigenous-share.ts";
import { buildKilledDisappearedChart, killedDisappearedTable, shapeKilledDisappeared, type OutcomeYearCount } from "./killed-disappeared.ts";
import { buildMexicoAnnualChart, mexicoAnnualTable, shapeMexicoAnnual } from "./mexico-annual.ts";
import { buildMiningByYearChart, miningByYearTable, shapeMiningByYear } from "./mining-by-year.ts";
import { buildPerpetratorBreakdownChart, perpetratorBreakdownTable, shapePerpetratorBreakdown } from "./perpetrator-breakdown.ts";
import type { FigureChoice } from "./query.ts";
import { buildReconciliationChart, reconciliationGapNote, reconciliationTable, shapeReconciliation } from "./reconciliation.ts";
import { coverageNote } from "./coverage.ts";
import { buildSectorBreakdownChart, sectorBreakdownTable, shapeSectorBreakdown } from "./sector-breakdown.ts";
import { buildStateBreakdownChart, shapeStateBreakdown, stateBreakdownTable, stateChartHeight } from "./state-breakdown.ts";
import { buildStateMap, MAP_ATTRIBUTION_URL, stateMapTable, type StateMapModel } from "./state-map.ts";
import { milestoneLines } from "./time-series.ts";
import type { AnyChartConfig, CaseCount, CaseCoverage, ChartContext, ChartTable, YearCount, YearSpan } from "./types.ts";

// ---------- The data each chart is drawn from (loaded on the server, serialisable) ----------

interface Base {
  /** The newest date among the sources and case records behind the chart (YYYY, YYYY-MM or YYYY-MM-DD). */
  asOf: string | null;
  /** Names of the countries the filters name, in the reader's language (set by the loader). */
  countryNames?: Record<string, string>;
  /** Set by the loader when counts below it were withheld from an anonymous reader (null counts). */
  smallCountThreshold?: number;
}

/** The context with the chart's own country names, so that its words never name a country on the client. */
const withNames = (chart: LoadedChart, ctx: ChartContext): ChartContext => {
  const { countryNames, smallCountThreshold } = chart.data;
  if (!countryNames && !smallCountThreshold) return ctx;
  return {
    ...ctx,
    ...(countryNames ? { countryNames: { ...ctx.countryNames, ...countryNames } } : {}),
    ...(smallCountThreshold ? { smallCountThreshold } : {}),
  };
};
/** The case records a chart counts; null when the filters leave nothing it can count. */
type Scope = IncidentFilter | null;

/** A chart that counts case records: the years they cover, per origin, for its coverage note. */
interface Covered {
  coverage: CaseCoverage[];
}

export interface AnnualTrendChartData extends Base {
  span: YearSpan;
  figures: FigureChoice;
  published: AnnualFigureInput[];
  milestones: MilestoneInput[];
}
export interface MexicoAnnualChartData extends Base, Covered {
  span: YearSpan;
  figures: FigureChoice;
  scope: Scope;
  published: AnnualFigureInput[];
  cases: YearCount[];
  milestones: MilestoneInput[];
}
export interface KilledDisappearedChartData extends Base, Covered {
  span: YearSpan;
  scope: Scope;
  counts: OutcomeYearCount[];
  milestones: MilestoneInput[];
}
export interface BreakdownChartData extends Base, Covered {
  scope: Scope;
  counts: CaseCount[];
}
export interface IndigenousShareChartData extends Base, Covered, IndigenousShareData {
  scope: Scope;
}
export interface MiningChartData extends Base, Covered {
  span: YearSpan;
  scope: Scope;
  counts: YearCount[];
  milestones: MilestoneInput[];
  publishedMining: PublishedValue | null;
}
/** The same data as Mexico per year, with the reconciliation's own scope. */
export type ReconciliationChartData = MexicoAnnualChartData;

// ---------- Definitions ----------

export interface ChartDefinition<D extends Base> {
  /** chartjs: drawn by Chart.js; map: the SVG map of Mexico's states. */
  kind: "chartjs" | "map";
  /** Height of the drawing in CSS pixels, on the page and in images. */
  height(data: D): number;
  title(ctx: ChartContext): string;
  subtitle(data: D, ctx: ChartContext): string;
  source(data: D, ctx: ChartContext): string;
  /** Paragraphs printed under the chart, drawn into images and written into CSV headers (milestones apart). */
  notes(data: D, ctx: ChartContext): string[];
  /** Time axes only: the milestones inside the span, numbered as on the chart. */
  milestoneSpan?(data: D): { milestones: MilestoneInput[]; span: YearSpan };
  build?(data: D, ctx: ChartContext): AnyChartConfig;
  map?(data: D): StateMapModel;
  table(data: D, ctx: ChartContext): ChartTable;
}

const defineChart = <D extends Base>(def: ChartDefinition<D>) => def;

const reconciliationRows = (d: ReconciliationChartData) => shapeReconciliation(d.published, d.cases, d.span, d.figures, d.coverage);

/** The sources of the case records a chart counts; the dataset's line names the last import that changed records. */
function caseSource({ scope, coverage }: { scope: Scope } & Covered, { t, lng }: ChartContext): string {
  const origins = scope?.origins?.length ? scope.origins : ["gw_dataset", "staff"];
  const parts: string[] = [];
  const importedOn = coverage.find((c) => c.origin === "gw_dataset")?.importedOn;
  if (origins.includes("gw_dataset")) parts.push(gwDatasetSource(importedOn, t, (d) => formatDate(d, lng)));
  if (origins.includes("staff")) parts.push(t("trends.sources.staff"));
  return parts.join("; ");
}

function scopeWords(scope: Scope, ctx: ChartContext, span?: YearSpan): string {
  return scope ? ctx.t("trends.words.caseRecords", { filters: describeFilter(scope, ctx, span) }) : ctx.t("trends.words.nothingToCount");
}

function choiceWords(choice: FigureChoice, { t }: ChartContext): string {
  return choice === "first" ? t("trends.words.choiceFirst") : t("trends.words.choiceRevised");
}

const published = (ctx: ChartContext) => ctx.t("charts.annualTrend.source");

/** The coverage note of a chart that counts case records, computed from the records counted. */
const covered = (d: Covered, ctx: ChartContext) => coverageNote(d.coverage, ctx);

/** The milestones and years of a chart on a time axis. */
const yearAxis = (d: { milestones: MilestoneInput[]; span: YearSpan }) => ({ milestones: d.milestones, span: d.span });

export const CHARTS = {
  "mexico-annual": defineChart<MexicoAnnualChartData>({
    kind: "chartjs",
    height: () => 400,
    title: ({ t }) => t("trends.titles.mexicoAnnual"),
    subtitle: (d, ctx) => ctx.t("trends.subtitles.publishedBeside", { choice: choiceWords(d.figures, ctx), cases: scopeWords(d.scope, ctx, d.span) }),
    source: (d, ctx) => `${published(ctx)}; ${caseSource(d, ctx)}`,
    notes: (d, ctx) => [ctx.t("trends.notes.mexicoAnnual"), covered(d, ctx), ctx.t("trends.notes.lethalOnly")],
    milestoneSpan: yearAxis,
    build: (d, ctx) => buildMexicoAnnualChart(shapeMexicoAnnual(d.published, d.cases, d.span, d.figures), d.span, d.figures, d.milestones, ctx),
    table: (d, ctx) => mexicoAnnualTable(shapeMexicoAnnual(d.published, d.cases, d.span, d.figures), d.figures, ctx),
  }),
  "killed-disappeared": defineChart<KilledDisappearedChartData>({
    kind: "chartjs",
    height: () => 360,
    title: ({ t }) => t("trends.titles.killedDisappeared"),
    subtitle: (d, ctx) => scopeWords(d.scope, ctx, d.span),
    source: (d, ctx) => caseSource(d, ctx),
    notes: (d, ctx) => [ctx.t("trends.notes.killedDisappeared"), covered(d, ctx)],
    milestoneSpan: yearAxis,
    build: (d, ctx) => buildKilledDisappearedChart(shapeKilledDisappeared(d.counts, d.span), d.span, d.milestones, ctx),
    table: (d, ctx) => killedDisappearedTable(shapeKilledDisappeared(d.counts, d.span), ctx),
  }),
  "sector-breakdown": defineChart<BreakdownChartData>({
    kind: "chartjs",
    height: (d) => Math.max(260, 80 + shapeSectorBreakdown(d.counts).length * 34),
    title: ({ t }) => t("trends.titles.sector"),
    subtitle: (d, ctx) => scopeWords(d.scope, ctx),
    source: (d, ctx) => caseSource(d, ctx),
    notes: (d, ctx) => [ctx.t("trends.notes.sector"), covered(d, ctx)],
    build: (d, ctx) => buildSectorBreakdownChart(shapeSectorBreakdown(d.counts), ctx),
    table: (d, ctx) => sectorBreakdownTable(shapeSectorBreakdown(d.counts), ctx),
  }),
  "indigenous-share": defineChart<IndigenousShareChartData>({
    kind: "chartjs",
    height: () => 300,
    title: ({ t }) => t("trends.titles.indigenousShare"),
    subtitle: (d, ctx) =>
      ctx.t("trends.subtitles.indigenousShare", {
        years: d.publishedTotal ? yearsInWords(d.publishedTotal.periodStart, d.publishedTotal.periodEnd, ctx) : ctx.t("common.notFound"),
        cases: scopeWords(d.scope, ctx),
      }),
    source: (d, ctx) => `${ctx.t("trends.sources.headline")}; ${caseSource(d, ctx)}`,
    notes: (d, ctx) => [ctx.t("trends.notes.indigenousDerived"), ctx.t("trends.notes.indigenousCases"), covered(d, ctx)],
    build: (d, ctx) => buildIndigenousShareChart(shapeIndigenousShare(d), ctx),
    table: (d, ctx) => indigenousShareTable(shapeIndigenousShare(d), ctx),
  }),
  "perpetrator-breakdown": defineChart<BreakdownChartData>({
    kind: "chartjs",
    height: (d) => Math.max(240, 80 + shapePerpetratorBreakdown(d.counts).length * 34),
    title: ({ t }) => t("trends.titles.perpetrator"),
    subtitle: (d, ctx) => scopeWords(d.scope, ctx),
    source: (d, ctx) => caseSource(d, ctx),
    notes: (d, ctx) => [ctx.t("trends.notes.perpetrator"), covered(d, ctx)],
    build: (d, ctx) => buildPerpetratorBreakdownChart(shapePerpetratorBreakdown(d.counts), ctx),
    table: (d, ctx) => perpetratorBreakdownTable(shapePerpetratorBreakdown(d.counts), ctx),
  }),
  "state-breakdown": defineChart<BreakdownChartData>({
    kind: "chartjs",
    height: (d) => stateChartHeight(shapeStateBreakdown(d.counts)),
    title: ({ t }) => t("trends.titles.stateBars"),
    subtitle: (d, ctx) => scopeWords(d.scope, ctx),
    source: (d, ctx) => caseSource(d, ctx),
    notes: (d, ctx) => [ctx.t("trends.notes.stateUnknown"), covered(d, ctx)],
    build: (d, ctx) => buildStateBreakdownChart(shapeStateBreakdown(d.counts), ctx),
    table: (d, ctx) => stateBreakdownTable(shapeStateBreakdown(d.counts), ctx),
  }),
  "state-map": defineChart<BreakdownChartData>({
    kind: "map",
    height: () => 460,
    title: ({ t }) => t("trends.titles.stateMap"),
    subtitle: (d, ctx) => scopeWords(d.scope, ctx),
    source: (d, ctx) => caseSource(d, ctx),
    notes: (d, ctx) => [ctx.t("trends.notes.stateUnknown"), covered(d, ctx), ctx.t("trends.map.attribution", { url: MAP_ATTRIBUTION_URL })],
    map: (d) => buildStateMap(d.counts, d.smallCountThreshold),
    table: (d, ctx) => stateMapTable(buildStateMap(d.counts, d.smallCountThreshold), ctx),
  }),
  "mining-by-year": defineChart<MiningChartData>({
    kind: "chartjs",
    height: () => 340,
    title: ({ t }) => t("trends.titles.mining"),
    subtitle: (d, ctx) => scopeWords(d.scope, ctx, d.span),
    source: (d, ctx) => caseSource(d, ctx),
    notes: (d, ctx) =>
      [
        ctx.t("trends.notes.miningSector"),
        covered(d, ctx),
        d.publishedMining?.value != null
          ? ctx.t("trends.notes.miningPublished", {
              value: d.publishedMining.atLeast ? ctx.t("common.atLeastValue", { value: d.publishedMining.value }) : d.publishedMining.value,
              years: yearsInWords(d.publishedMining.periodStart, d.publishedMining.periodEnd, ctx),
            })
          : null,
      ].filter((n): n is string => n !== null),
    milestoneSpan: yearAxis,
    build: (d, ctx) => buildMiningByYearChart(shapeMiningByYear(d.counts, d.span), d.span, d.milestones, ctx),
    table: (d, ctx) => miningByYearTable(shapeMiningByYear(d.counts, d.span), ctx),
  }),
  reconciliation: defineChart<ReconciliationChartData>({
    kind: "chartjs",
    height: () => 380,
    title: ({ t }) => t("trends.titles.reconciliation"),
    subtitle: (d, ctx) => ctx.t("trends.subtitles.publishedBeside", { choice: choiceWords(d.figures, ctx), cases: scopeWords(d.scope, ctx, d.span) }),
    source: (d, ctx) => `${published(ctx)}; ${caseSource(d, ctx)}`,
    notes: (d, ctx) =>
      [
        ctx.t("trends.reconciliation.difference"),
        reconciliationGapNote(reconciliationRows(d), ctx),
        covered(d, ctx),
        ctx.t("trends.reconciliation.revisions"),
        ctx.t("trends.reconciliation.killedDisappeared"),
        ctx.t("trends.reconciliation.inclusion"),
        ctx.t("trends.reconciliation.scope"),
      ].filter((n): n is string => n !== null),
    milestoneSpan: yearAxis,
    build: (d, ctx) => buildReconciliationChart(reconciliationRows(d), d.span, d.figures, d.milestones, ctx),
    table: (d, ctx) => reconciliationTable(reconciliationRows(d), d.figures, ctx),
  }),
  "annual-trend": defineChart<AnnualTrendChartData>({
    kind: "chartjs",
    height: () => 400,
    title: ({ t }) => t("trends.titles.annualTrend"),
    subtitle: (d, ctx) => ctx.t("trends.subtitles.annualTrend", { years: yearsInWords(d.span.from, d.span.to, ctx), choice: choiceWords(d.figures, ctx) }),
    source: (_d, ctx) => published(ctx),
    notes: (d, ctx) => [ctx.t("charts.annualTrend.note")],
    milestoneSpan: yearAxis,
    build: (d, ctx) => buildAnnualTrendChart({ rows: shapeAnnualTrend(d.published, d.span.from, d.span.to, d.figures), milestones: d.milestones }, ctx),
    table: (d, ctx) => annualTrendTable({ rows: shapeAnnualTrend(d.published, d.span.from, d.span.to, d.figures), milestones: d.milestones }, ctx),
  }),
} as const;

export type ChartId = keyof typeof CHARTS;
export const CHART_IDS = Object.keys(CHARTS) as ChartId[];
export type ChartDataById = { [K in ChartId]: (typeof CHARTS)[K] extends ChartDefinition<infer D> ? D : never };

/** A chart's data as the loaders return it, tagged with its id. */
export type LoadedChart<K extends ChartId = ChartId> = { [I in K]: { id: I; data: ChartDataById[I] } }[K];

export function isChartId(id: unknown): id is ChartId {
  return typeof id === "string" && Object.hasOwn(CHARTS, id);
}

export function chartDefinition<K extends ChartId>(id: K): ChartDefinition<ChartDataById[K]> {
  return CHARTS[id] as unknown as ChartDefinition<ChartDataById[K]>;
}

/** A chart's title, which needs no data: what the page shows while the chart's data are on their way. */
export function chartTitle(id: ChartId, ctx: ChartContext): string {
  return (chartDefinition(id) as ChartDefinition<Base>).title(ctx);
}

export function chartTexts(chart: LoadedChart, context: ChartContext): ChartTexts {
  const def = chartDefinition(chart.id) as ChartDefinition<Base>;
  const ctx = withNames(chart, context);
  const { t, lng } = ctx;
  return {
    title: def.title(ctx),
    subtitle: def.subtitle(chart.data, ctx),
    source: def.source(chart.data, ctx),
    sourceLine: t("charts.sourceLine", { source: def.source(chart.data, ctx) }),
    asOf: chart.data.asOf
      ? t(chart.data.asOf.length >= 10 ? "trends.asOf" : "trends.asOfPeriod", { date: formatDate(chart.data.asOf, lng) })
      : t("trends.asOfUnknown"),
    notes: [
      ...def.notes(chart.data, ctx),
      ...(chart.data.smallCountThreshold ? [t("charts.smallCountsNote", { count: chart.data.smallCountThreshold })] : []),
      ...(def.milestoneSpan ? milestoneLines(def.milestoneSpan(chart.data).milestones, def.milestoneSpan(chart.data).span, ctx) : []),
    ],
  };
}

export function chartTable(chart: LoadedChart, ctx: ChartContext): ChartTable {
  return (chartDefinition(chart.id) as ChartDefinition<Base>).table(chart.data, withNames(chart, ctx));
}

export function chartConfig(chart: LoadedChart, ctx: ChartContext): AnyChartConfig | null {
  const def = chartDefinition(chart.id) as ChartDefinition<Base>;
  return def.build ? def.build(chart.data, withNames(chart, ctx)) : null;
}

export function chartMap(chart: LoadedChart): StateMapModel | null {
  const def = chartDefinition(chart.id) as ChartDefinition<Base>;
  return def.map ? def.map(chart.data) : null;
}

export function chartHeight(chart: LoadedChart): number {
  return (chartDefinition(chart.id) as ChartDefinition<Base>).height(chart.data);
}

/** The chart as an export document: what its PNG and CSV say and show. */
export function chartDocument(chart: LoadedChart, ctx: ChartContext): ChartDocument {
  const config = chartConfig(chart, ctx);
  return {
    texts: chartTexts(chart, ctx),
    body: config ? { kind: "chartjs", config } : { kind: "map", model: chartMap(chart)! },
    bodyHeight: chartHeight(chart),
    table: chartTable(chart, ctx),
  };
}
