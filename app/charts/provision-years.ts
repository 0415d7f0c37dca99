// Case records linked to one provision (accepted links only), per year, with
// milestones marked; and the scorecard's table (years, before/after a milestone,
// since the commitment was made). Pure: data in, Chart.js config or table out.
import { formatDate } from "~/lib/format.ts";
import type { MilestoneInput } from "./annual-trend.ts";
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
  milestone: { key: string; date: string; label: string };
  months: number;
  before: ScorecardWindow;
  after: ScorecardWindow;
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
  const milestone = `${data.milestone.label} (${formatDate(data.milestone.date, lng)})`;
  rows.push([t("provisions.scorecard.beforeRow", { count: data.months, milestone }), data.before.from, lastDay(data.before.to), data.before.records]);
  rows.push([t("provisions.scorecard.afterRow", { count: data.months, milestone }), data.after.from, lastDay(data.after.to), data.after.records]);
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

/** The before/after comparison in one line, for the PNG (the page shows it as figures). */
export function scorecardComparisonLine(data: ScorecardData, { t, lng }: ChartContext): string {
  const milestone = `${data.milestone.label} (${formatDate(data.milestone.date, lng)})`;
  const parts = [
    `${t("provisions.scorecard.beforeShort", { count: data.months })}: ${data.before.records}`,
    `${t("provisions.scorecard.afterShort", { count: data.months })}: ${data.after.records}`,
    data.sinceMade
      ? `${t("provisions.scorecard.sinceMade", { date: formatDate(data.sinceMade.from, lng) })}: ${data.sinceMade.records}`
      : t("provisions.scorecard.sinceMadeUnknown"),
  ];
  return `${t("provisions.scorecard.comparisonTitle", { milestone })}: ${parts.join(" · ")}`;
}

/** The numbered milestones of a chart in words, so that an exported image explains its marks. */
export function milestoneLegend(data: ProvisionYearsData, ctx: ChartContext): string | null {
  return milestoneLines(data.milestones, spanOf(data), ctx)[0] ?? null;
}
