// Case records linked to one provision (accepted links only), per year, with
// milestones marked; and the scorecard's table (years, before/after a milestone,
// since the commitment was made). Pure: data in, Chart.js config or table out.
import { formatDate } from "~/lib/format.ts";
import type { MilestoneInput } from "./annual-trend.ts";
import type { ChartDocument } from "./document.ts";
import { PALETTE } from "./palette.ts";
import { milestoneLines, milestoneMarks } from "./time-series.ts";
import type { AnyChartConfig, ChartContext, ChartTable, YearSpan } from "./types.ts";

export interface ProvisionYearRow {
  year: number;
  /** Case records with an accepted link; null when no case records cover the year ("no case-level data", not 0) */
  records: number | null;
  /** Case records suggested, not yet reviewed (a layer of its own, never added to records); null as above */
  suggested: number | null;
}

export interface ProvisionYearsData {
  rows: ProvisionYearRow[];
  milestones: MilestoneInput[];
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
    rows.push({ year, records: covered ? (acceptedBy.get(year) ?? 0) : null, suggested: covered ? (suggestedBy.get(year) ?? 0) : null });
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
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { grid: { display: false } },
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t("provisions.charts.years.axis") } },
      },
      plugins: {
        legend: { display: true, position: "bottom" },
        hatchBars: { datasets: [1] },
        milestones: { marks: milestoneMarks(data.milestones, spanOf(data)) },
      },
    },
  };
}

/** A count, or the words saying no case records cover it. */
export function countOrNoData(value: number | null, t: ChartContext["t"]): number | string {
  return value === null ? t("provisions.coverage.noCaseData") : value;
}

export function provisionYearsTable(data: ProvisionYearsData, { t }: ChartContext): ChartTable {
  return {
    columns: [t("common.year"), t("provisions.layers.acceptedSeries"), t("provisions.layers.suggestedSeries")],
    rows: data.rows.map((r) => [r.year, countOrNoData(r.records, t), countOrNoData(r.suggested, t)]),
  };
}

export interface ScorecardWindow {
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, exclusive */
  to: string;
  /** Accepted links; null when no case records cover the window */
  records: number | null;
  /** Suggestions not yet reviewed (never added to records); null as above */
  suggested: number | null;
  /** For a window without case records: the published annual figures of its years, in words, for context */
  published: string[];
}

export interface ScorecardData extends ProvisionYearsData {
  /** The milestone the windows are drawn around; null (and no windows) when no milestone has been recorded */
  milestone: { key: string; date: string; label: string } | null;
  months: number;
  before: ScorecardWindow | null;
  after: ScorecardWindow | null;
  /** null when the date the commitment was made is not known */
  sinceMade: { from: string; records: number | null; suggested: number | null } | null;
  /** What data covers the years and windows, in words (Global Witness, published figures, staff records) */
  coverage: string[];
}

/** The day before an exclusive end date, for printing a window as from–to inclusive. */
export function lastDay(exclusiveEnd: string): string {
  const d = new Date(`${exclusiveEnd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Every number of the scorecard, each with its period and both layers: the CSV export and the printed table. */
export function scorecardTable(data: ScorecardData, { t, lng }: ChartContext): ChartTable {
  const n = (v: number | null) => countOrNoData(v, t);
  const rows: ChartTable["rows"] = data.rows.map((r) => [String(r.year), `${r.year}-01-01`, `${r.year}-12-31`, n(r.records), n(r.suggested), null]);
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
        n(w.records),
        n(w.suggested),
        w.published.join(" ") || null,
      ]);
    }
  }
  if (data.sinceMade)
    rows.push([t("provisions.scorecard.sinceMadeRow"), data.sinceMade.from, null, n(data.sinceMade.records), n(data.sinceMade.suggested), null]);
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
export function scorecardComparisonLine(data: ScorecardData, { t, lng }: ChartContext): string {
  const { milestone, before, after, sinceMade } = data;
  const layers = (w: { records: number | null; suggested: number | null }) =>
    w.records === null
      ? t("provisions.coverage.noCaseData")
      : `${w.records} ${t("provisions.layers.acceptedShort")}, ${w.suggested ?? 0} ${t("provisions.layers.suggestedShort")}`;
  const since = sinceMade
    ? `${t("provisions.scorecard.sinceMade", { date: formatDate(sinceMade.from, lng) })}: ${layers(sinceMade)}`
    : t("provisions.scorecard.sinceMadeUnknown");
  if (!milestone || !before || !after) return `${t("provisions.scorecard.noMilestone")} ${since}`;
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
  /** Suggestions not yet reviewed (not counted) */
  pending: number;
  afterIncomplete: boolean;
  today: string;
}

/** Height of the scorecard's chart in images. */
export const SCORECARD_IMAGE_HEIGHT = 380;

/** The scorecard as an export document: what scorecard.png and scorecard.csv say and show. */
export function scorecardDocument({ provision, data, pending, afterIncomplete, today }: ScorecardExportInput, ctx: ChartContext): ChartDocument {
  const { t, lng } = ctx;
  const { from, to } = spanOf(data);
  const source = t("provisions.charts.years.source");
  const total = data.rows.reduce((sum, r) => sum + (r.records ?? 0), 0);
  const windows = [data.before, data.after].filter((w): w is ScorecardWindow => !!w && w.records === null);
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
        ...(total === 0 ? [t("provisions.charts.years.noneLinked")] : []),
        status,
        t("provisions.scorecard.countNote"),
        ...(pending ? [t("provisions.scorecard.pending", { count: pending })] : []),
        ...data.coverage,
        ...(data.rows.some((r) => r.records === null) ? [t("provisions.coverage.columnNote")] : []),
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
