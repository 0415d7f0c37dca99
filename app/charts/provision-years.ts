// Case records linked to one provision (accepted links only), per year, with
// milestones marked; and the scorecard's table (years, before/after a milestone,
// since the commitment was made). Pure: data in, Chart.js config or table out.
import { formatDate } from "~/lib/format.ts";
import type { MilestoneInput } from "./annual-trend.ts";
import type { ChartDocument } from "./document.ts";
import { addCounts, countCell, suppressCount, type Count } from "./small-counts.ts";
import { PALETTE } from "./palette.ts";
import { milestoneLines, yearBarOptions } from "./time-series.ts";
import type { AnyChartConfig, ChartContext, ChartTable, YearSpan } from "./types.ts";

export interface ProvisionYearRow {
  year: number;
  /** Whether any case records cover the year (else "no case-level data", never 0) */
  covered: boolean;
  /** Case records with an accepted link; null when the year is not covered, or withheld (small counts, decision 109) */
  records: Count;
  /** Case records suggested, not yet reviewed (a layer of its own, never added to records); null as above */
  suggested: Count;
}

export interface ProvisionYearsData {
  rows: ProvisionYearRow[];
  milestones: MilestoneInput[];
  /** Set when counts below it are withheld from this reader (decision 109) */
  smallCountThreshold?: number;
}

export interface YearCount {
  year: number;
  records: number;
}

/**
 * One row per year from yearFrom to yearTo. A year that case records cover and
 * where nothing is linked counts 0; a year no case records cover gets null.
 */
export function shapeProvisionYears(
  accepted: YearCount[],
  suggested: YearCount[],
  yearFrom: number,
  yearTo: number,
  hasCaseData: (year: number) => boolean = () => true,
): ProvisionYearRow[] {
  const acceptedBy = new Map(accepted.map((c) => [c.year, c.records]));
  const suggestedBy = new Map(suggested.map((c) => [c.year, c.records]));
  const rows: ProvisionYearRow[] = [];
  for (let year = yearFrom; year <= yearTo; year++) {
    // A count found in a year is shown even if coverage says otherwise: a record is its own evidence.
    const covered = hasCaseData(year) || acceptedBy.has(year) || suggestedBy.has(year);
    rows.push({ year, covered, records: covered ? (acceptedBy.get(year) ?? 0) : null, suggested: covered ? (suggestedBy.get(year) ?? 0) : null });
  }
  return rows;
}

/** Years shown: from 2012 (first case records) or the first linked year, to this year or the last linked year. */
export function provisionYearRange(counts: YearCount[], thisYear: number, firstDataYear = 2012): { yearFrom: number; yearTo: number } {
  const years = counts.map((c) => c.year);
  return { yearFrom: Math.min(firstDataYear, ...years), yearTo: Math.max(thisYear, ...years) };
}

/** The years a provision's chart shows (0 to 0 when it has no rows). */
function spanOf(data: ProvisionYearsData): YearSpan {
  return { from: data.rows[0]?.year ?? 0, to: data.rows.at(-1)?.year ?? 0 };
}

/**
 * Accepted links as solid bars and suggestions as hatched outline bars beside
 * them (grouped, never stacked: stacking would add them up). Years without case
 * records have no bar at all (null), not a bar of 0.
 */
export function buildProvisionYearsChart(data: ProvisionYearsData, { t }: ChartContext): AnyChartConfig {
  return {
    type: "bar",
    data: {
      labels: data.rows.map((r) => String(r.year)),
      datasets: [
        {
          type: "bar",
          label: t("provisions.layers.acceptedSeries"),
          data: data.rows.map((r) => r.records),
          backgroundColor: PALETTE.blue,
        },
        {
          type: "bar",
          label: t("provisions.layers.suggestedSeries"),
          data: data.rows.map((r) => r.suggested),
          backgroundColor: "rgba(255,255,255,0)",
          borderColor: "#1b1b1b",
          borderWidth: 1,
        },
      ],
    },
    options: yearBarOptions(spanOf(data), data.milestones, t("provisions.charts.years.axis"), { hatchBars: { datasets: [1] } }),
  };
}

/** A count, "fewer than N" where it is withheld, or the words saying no case records cover it. */
export function countOrNoData(value: Count, covered: boolean, ctx: ChartContext): number | string {
  return covered ? countCell(value, ctx) : ctx.t("provisions.coverage.noCaseData");
}

/** A chart context that writes "fewer than N" with the data's threshold. */
function withThreshold(data: Pick<ProvisionYearsData, "smallCountThreshold">, ctx: ChartContext): ChartContext {
  return data.smallCountThreshold ? { ...ctx, smallCountThreshold: data.smallCountThreshold } : ctx;
}

export function provisionYearsTable(data: ProvisionYearsData, chartCtx: ChartContext): ChartTable {
  const ctx = withThreshold(data, chartCtx);
  const { t } = ctx;
  return {
    columns: [t("common.year"), t("provisions.layers.acceptedSeries"), t("provisions.layers.suggestedSeries")],
    rows: data.rows.map((r) => [r.year, countOrNoData(r.records, r.covered, ctx), countOrNoData(r.suggested, r.covered, ctx)]),
  };
}

/** Whether no case record is linked in any covered year (withheld counts are not none). */
export function noneLinked(rows: ProvisionYearRow[]): boolean {
  return rows.every((r) => !r.covered || r.records === 0);
}

/**
 * A provision's yearly counts as an anonymous reader may have them (decisions 099, 109):
 * every covered count from 1 to threshold - 1 withheld, each layer apart.
 */
export function withholdProvisionYears(rows: ProvisionYearRow[], threshold: number): ProvisionYearRow[] {
  const cell = (n: Count, covered: boolean) => (n === null || !covered ? n : suppressCount(n, threshold));
  return rows.map((r) => ({ ...r, records: cell(r.records, r.covered), suggested: cell(r.suggested, r.covered) }));
}

/**
 * A count over a span of time as an anonymous reader may have it: withheld when it
 * is small, or when any year it overlaps is withheld in the same layer (the span's
 * count minus the shown years could otherwise give that year away).
 */
export function withholdSpan(
  n: Count,
  span: { from: string; to: string | null },
  rows: ProvisionYearRow[],
  layer: "records" | "suggested",
  threshold: number,
): Count {
  const first = Number(span.from.slice(0, 4));
  const last = span.to === null ? Infinity : Number(lastDay(span.to).slice(0, 4));
  const overlapsWithheld = rows.some((r) => r.year >= first && r.year <= last && r.covered && r[layer] === null);
  return n === null || overlapsWithheld ? null : suppressCount(n, threshold);
}

/** A total of the yearly counts of one layer: withheld when any year is or when it is small (addCounts). */
export function yearsTotal(rows: ProvisionYearRow[], layer: "records" | "suggested"): Count {
  return rows.filter((r) => r.covered).reduce<Count>((sum, r) => addCounts(sum, r[layer]), 0);
}

export interface ScorecardWindow {
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, exclusive */
  to: string;
  /** Whether case records cover the window (else "no case-level data") */
  covered: boolean;
  /** Accepted links; null when no case records cover the window, or withheld (decision 109) */
  records: Count;
  /** Suggestions not yet reviewed (never added to records); null as above */
  suggested: Count;
  /** For a window without case records: the published annual figures of its years, in words, for context */
  published: string[];
}

export interface ScorecardData extends ProvisionYearsData {
  /** The milestone the windows are drawn around; null (and no windows) when no milestone has been recorded */
  milestone: { key: string; date: string; label: string } | null;
  months: number;
  before: ScorecardWindow | null;
  after: ScorecardWindow | null;
  /** null when the date the commitment was made is not known; records and suggested null when not covered or withheld */
  sinceMade: { from: string; covered: boolean; records: Count; suggested: Count } | null;
  /** What data covers the years and windows, in words (Global Witness, published figures, staff records) */
  coverage: string[];
  /** The source line, in words (names the last import of the Global Witness dataset) */
  source: string;
}

/** The day before an exclusive end date, for printing a window as from–to inclusive. */
export function lastDay(exclusiveEnd: string): string {
  const d = new Date(`${exclusiveEnd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Every number of the scorecard, each with its period and both layers: the CSV export and the printed table. */
export function scorecardTable(data: ScorecardData, chartCtx: ChartContext): ChartTable {
  const ctx = withThreshold(data, chartCtx);
  const { t, lng } = ctx;
  const n = (v: Count, covered: boolean) => countOrNoData(v, covered, ctx);
  const rows: ChartTable["rows"] = data.rows.map((r) => [
    String(r.year),
    `${r.year}-01-01`,
    `${r.year}-12-31`,
    n(r.records, r.covered),
    n(r.suggested, r.covered),
    null,
  ]);
  if (data.milestone && data.before && data.after) {
    const milestone = milestoneWords(data.milestone, lng);
    for (const [key, w] of [
      ["beforeRow", data.before],
      ["afterRow", data.after],
    ] as const) {
      rows.push([
        t(`provisions.scorecard.${key}`, { count: data.months, milestone }),
        w.from,
        lastDay(w.to),
        n(w.records, w.covered),
        n(w.suggested, w.covered),
        w.published.join(" ") || null,
      ]);
    }
  }
  if (data.sinceMade)
    rows.push([
      t("provisions.scorecard.sinceMadeRow"),
      data.sinceMade.from,
      null,
      n(data.sinceMade.records, data.sinceMade.covered),
      n(data.sinceMade.suggested, data.sinceMade.covered),
      null,
    ]);
  return {
    columns: [
      t("provisions.scorecard.period"),
      t("provisions.scorecard.from"),
      t("provisions.scorecard.to"),
      t("provisions.layers.acceptedSeries"),
      t("provisions.layers.suggestedSeries"),
      t("provisions.scorecard.publishedColumn"),
    ],
    rows,
  };
}

/** A window of `months` months before or after a date (YYYY-MM-DD), as [from, to). */
export function monthWindow(date: string, months: number, side: "before" | "after"): { from: string; to: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const other = new Date(d);
  other.setUTCMonth(other.getUTCMonth() + (side === "after" ? months : -months));
  const iso = (x: Date) => x.toISOString().slice(0, 10);
  return side === "after" ? { from: iso(d), to: iso(other) } : { from: iso(other), to: iso(d) };
}

/** "Partnership launched (September 18, 2025)": a milestone named with its date. */
export function milestoneWords(milestone: { label: string; date: string }, lng: ChartContext["lng"]): string {
  return `${milestone.label} (${formatDate(milestone.date, lng)})`;
}

/** The before/after comparison in one line, for the PNG (the page shows it as figures): accepted, and suggestions apart. */
export function scorecardComparisonLine(data: ScorecardData, chartCtx: ChartContext): string {
  const ctx = withThreshold(data, chartCtx);
  const { t, lng } = ctx;
  const { milestone, before, after, sinceMade } = data;
  const layers = (w: { covered: boolean; records: Count; suggested: Count }) =>
    !w.covered
      ? t("provisions.coverage.noCaseData")
      : `${countCell(w.records, ctx)} ${t("provisions.layers.acceptedShort")}, ${countCell(w.suggested, ctx)} ${t("provisions.layers.suggestedShort")}`;
  const since = sinceMade
    ? `${t("provisions.scorecard.sinceMade", { date: formatDate(sinceMade.from, lng) })}: ${layers(sinceMade)}`
    : t("provisions.scorecard.sinceMadeUnknown");
  if (!milestone || !before || !after) {
    // Here the count since the commitment starts a sentence of its own.
    const sentence = sinceMade ? `${t("provisions.scorecard.sinceMadeRow")} (${formatDate(sinceMade.from, lng)}): ${layers(sinceMade)}` : since;
    return `${t("provisions.scorecard.noMilestone")} ${sentence}`;
  }
  const parts = [
    `${t("provisions.scorecard.beforeShort", { count: data.months })}: ${layers(before)}`,
    `${t("provisions.scorecard.afterShort", { count: data.months })}: ${layers(after)}`,
    since,
  ];
  return `${t("provisions.scorecard.comparisonTitle", { milestone: milestoneWords(milestone, lng) })}: ${parts.join(" · ")}`;
}

/** The numbered milestones of a chart in words, so that an exported image explains its marks. */
export function milestoneLegend(data: ProvisionYearsData, ctx: ChartContext): string | null {
  return milestoneLines(data.milestones, spanOf(data), ctx)[0] ?? null;
}

/** What a scorecard's export says about the provision itself. */
export interface ScorecardProvision {
  code: string;
  /** In the reader's language (or English, the page marks it) */
  title: { text: string };
  status: string;
  isGap: boolean;
  source: { title: string } | null;
}

export interface ScorecardExportInput {
  provision: ScorecardProvision;
  data: ScorecardData;
  /** Suggestions not yet reviewed (not counted); null when withheld (decision 109) */
  pending: Count;
  afterIncomplete: boolean;
  today: string;
}

/** Height of the scorecard's chart in images. */
export const SCORECARD_IMAGE_HEIGHT = 380;

/** The scorecard as an export document: what scorecard.png and scorecard.csv say and show. */
export function scorecardDocument({ provision, data, pending, afterIncomplete, today }: ScorecardExportInput, ctx: ChartContext): ChartDocument {
  const { t, lng } = ctx;
  const { from, to } = spanOf(data);
  const source = data.source;
  const windows = [data.before, data.after].filter((w): w is ScorecardWindow => !!w && !w.covered);
  const status = [
    `${t("provisions.status.label")}: ${t(`provisions.status.values.${provision.status}`, { defaultValue: provision.status })}`,
    ...(provision.isGap ? [t("provisions.gap")] : []),
    ...(provision.source ? [`${t("provisions.scorecard.provisionSource")}: ${provision.source.title}`] : []),
  ].join(" · ");
  return {
    texts: {
      title: `${t("provisions.scorecard.title")}: ${provision.code} · ${provision.title.text}`,
      subtitle: `${t("provisions.charts.years.subtitle", { from, to })}. ${scorecardComparisonLine(data, ctx)}`,
      source,
      sourceLine: t("charts.sourceLine", { source }),
      asOf: t("charts.dataAsOf", { date: formatDate(today, lng) }),
      notes: [
        ...(noneLinked(data.rows) ? [t("provisions.charts.years.noneLinked")] : []),
        status,
        t("provisions.scorecard.countNote"),
        ...(pending === null
          ? [t("provisions.scorecard.pendingWithheld", { count: data.smallCountThreshold ?? 3 })]
          : pending
            ? [t("provisions.scorecard.pending", { count: pending })]
            : []),
        ...(data.smallCountThreshold ? [t("charts.smallLinkCountsNote", { count: data.smallCountThreshold })] : []),
        ...data.coverage,
        ...(data.rows.some((r) => !r.covered) ? [t("provisions.coverage.columnNote")] : []),
        ...[...new Set(windows.flatMap((w) => w.published))],
        ...(afterIncomplete ? [t("provisions.scorecard.incomplete", { date: formatDate(today, lng) })] : []),
        ...[milestoneLegend(data, ctx)].filter((line): line is string => line !== null),
      ],
    },
    body: { kind: "chartjs", config: buildProvisionYearsChart(data, ctx) },
    bodyHeight: SCORECARD_IMAGE_HEIGHT,
    table: scorecardTable(data, ctx),
  };
}
