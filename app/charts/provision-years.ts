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
  records: number;
}

export interface ProvisionYearsData {
  rows: ProvisionYearRow[];
  milestones: MilestoneInput[];
}

/** One row per year from yearFrom to yearTo; years without a linked case record count 0 (a count, not a gap). */
export function shapeProvisionYears(counts: ProvisionYearRow[], yearFrom: number, yearTo: number): ProvisionYearRow[] {
  const byYear = new Map(counts.map((c) => [c.year, c.records]));
  const rows: ProvisionYearRow[] = [];
  for (let year = yearFrom; year <= yearTo; year++) rows.push({ year, records: byYear.get(year) ?? 0 });
  return rows;
}

/** Years shown: from 2012 (first case records) or the first linked year, to this year or the last linked year. */
export function provisionYearRange(counts: ProvisionYearRow[], thisYear: number, firstDataYear = 2012): { yearFrom: number; yearTo: number } {
  const years = counts.map((c) => c.year);
  return { yearFrom: Math.min(firstDataYear, ...years), yearTo: Math.max(thisYear, ...years) };
}

/** The years a provision's chart shows (0 to 0 when it has no rows). */
function spanOf(data: ProvisionYearsData): YearSpan {
  return { from: data.rows[0]?.year ?? 0, to: data.rows.at(-1)?.year ?? 0 };
}

export function buildProvisionYearsChart(data: ProvisionYearsData, { t }: ChartContext): AnyChartConfig {
  return {
    type: "bar",
    data: {
      labels: data.rows.map((r) => String(r.year)),
      datasets: [
        {
          type: "bar",
          label: t("provisions.charts.years.series"),
          data: data.rows.map((r) => r.records),
          backgroundColor: PALETTE.blue,
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
        legend: { display: false },
        milestones: { marks: milestoneMarks(data.milestones, spanOf(data)) },
      },
    },
  };
}

export function provisionYearsTable(data: ProvisionYearsData, { t }: ChartContext): ChartTable {
  return {
    columns: [t("common.year"), t("provisions.charts.years.series")],
    rows: data.rows.map((r) => [r.year, r.records]),
  };
}

export interface ScorecardWindow {
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, exclusive */
  to: string;
  records: number;
}

export interface ScorecardData extends ProvisionYearsData {
  /** The milestone the windows are drawn around; null (and no windows) when no milestone has been recorded */
  milestone: { key: string; date: string; label: string } | null;
  months: number;
  before: ScorecardWindow | null;
  after: ScorecardWindow | null;
  /** null when the date the commitment was made is not known */
  sinceMade: { from: string; records: number } | null;
}

/** The day before an exclusive end date, for printing a window as from–to inclusive. */
export function lastDay(exclusiveEnd: string): string {
  const d = new Date(`${exclusiveEnd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Every number of the scorecard, each with its period: the CSV export and the printed table. */
export function scorecardTable(data: ScorecardData, { t, lng }: ChartContext): ChartTable {
  const rows: ChartTable["rows"] = data.rows.map((r) => [String(r.year), `${r.year}-01-01`, `${r.year}-12-31`, r.records]);
  if (data.milestone && data.before && data.after) {
    const milestone = milestoneWords(data.milestone, lng);
    rows.push([t("provisions.scorecard.beforeRow", { count: data.months, milestone }), data.before.from, lastDay(data.before.to), data.before.records]);
    rows.push([t("provisions.scorecard.afterRow", { count: data.months, milestone }), data.after.from, lastDay(data.after.to), data.after.records]);
  }
  if (data.sinceMade) rows.push([t("provisions.scorecard.sinceMadeRow"), data.sinceMade.from, null, data.sinceMade.records]);
  return {
    columns: [t("provisions.scorecard.period"), t("provisions.scorecard.from"), t("provisions.scorecard.to"), t("provisions.charts.years.series")],
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

/** The before/after comparison in one line, for the PNG (the page shows it as figures). */
export function scorecardComparisonLine(data: ScorecardData, { t, lng }: ChartContext): string {
  const { milestone, before, after, sinceMade } = data;
  if (!milestone || !before || !after) {
    const since = sinceMade
      ? `${t("provisions.scorecard.sinceMadeRow")} (${formatDate(sinceMade.from, lng)}): ${sinceMade.records}`
      : t("provisions.scorecard.sinceMadeUnknown");
    return `${t("provisions.scorecard.noMilestone")} ${since}`;
  }
  const parts = [
    `${t("provisions.scorecard.beforeShort", { count: data.months })}: ${before.records}`,
    `${t("provisions.scorecard.afterShort", { count: data.months })}: ${after.records}`,
    sinceMade
      ? `${t("provisions.scorecard.sinceMade", { date: formatDate(sinceMade.from, lng) })}: ${sinceMade.records}`
      : t("provisions.scorecard.sinceMadeUnknown"),
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
  const total = data.rows.reduce((sum, r) => sum + r.records, 0);
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
        ...(afterIncomplete ? [t("provisions.scorecard.incomplete", { date: formatDate(today, lng) })] : []),
        ...[milestoneLegend(data, ctx)].filter((line): line is string => line !== null),
      ],
    },
    body: { kind: "chartjs", config: buildProvisionYearsChart(data, ctx) },
    bodyHeight: SCORECARD_IMAGE_HEIGHT,
    table: scorecardTable(data, ctx),
  };
}
