// Reconciliation: per year, Mexico's published figure beside the people in case
// records that could stand behind it (killed and disappeared), and the
// difference. The difference is Vigía's arithmetic and is labelled so; the
// published values themselves are shown as printed.
import type { LegendItem } from "chart.js";
import type { FigureChoice } from "./query.ts";
import { shapeAnnualTrend, type AnnualFigureInput, type MilestoneInput } from "./annual-trend.ts";
import { publishedSeriesLabel } from "./mexico-annual.ts";
import type { AnyChartConfig, ChartContext, ChartTable, YearCount, YearSpan } from "./types.ts";
import { PALETTE } from "./palette.ts";
import { milestoneMarks, perYear } from "./time-series.ts";

export interface ReconciliationRow {
  year: number;
  publishedFirst: number | null;
  publishedRevised: number | null;
  publishedPlotted: number | null;
  publishedDisappeared: number | null;
  caseRecords: number;
  /** Case records minus the published figure (killed, plus disappeared where published apart); null where nothing was published. */
  difference: number | null;
}

export function shapeReconciliation(published: AnnualFigureInput[], cases: YearCount[], span: YearSpan, choice: FigureChoice): ReconciliationRow[] {
  const trend = shapeAnnualTrend(published.filter((f) => f.scope === "country"), span.from, span.to, choice);
  const counted = perYear(cases, span);
  return trend.map((r, i) => {
    const caseRecords = counted[i].people;
    const difference = r.mexicoPlotted === null ? null : caseRecords - r.mexicoPlotted - (r.mexicoDisappeared ?? 0);
    return {
      year: r.year,
      publishedFirst: r.mexicoFirst,
      publishedRevised: r.mexicoRevised,
      publishedPlotted: r.mexicoPlotted,
      publishedDisappeared: r.mexicoDisappeared,
      caseRecords,
      difference,
    };
  });
}

export function buildReconciliationChart(
  rows: ReconciliationRow[],
  span: YearSpan,
  choice: FigureChoice,
  milestones: MilestoneInput[],
  ctx: ChartContext,
): AnyChartConfig {
  const { t } = ctx;
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => String(r.year)),
      datasets: [
        { type: "bar", label: publishedSeriesLabel(choice, ctx), data: rows.map((r) => r.publishedPlotted), backgroundColor: PALETTE.blue, stack: "published", order: 2 },
        { type: "bar", label: t("trends.series.publishedDisappeared"), data: rows.map((r) => r.publishedDisappeared), backgroundColor: PALETTE.sky, stack: "published", order: 2 },
        { type: "bar", label: t("trends.series.caseRecordsLethal"), data: rows.map((r) => r.caseRecords), backgroundColor: PALETTE.orange, stack: "cases", order: 2 },
        {
          type: "line",
          label: t("trends.series.difference"),
          data: rows.map((r) => r.difference),
          borderColor: PALETTE.black,
          // White fill: the legend draws a dashed outline instead of a solid block.
          backgroundColor: "#ffffff",
          pointBackgroundColor: PALETTE.black,
          borderWidth: 2,
          borderDash: [4, 3],
          pointStyle: "rectRot",
          pointRadius: 4,
          spanGaps: false,
          order: 1,
        },
      ] as any,
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: t("trends.series.people") } },
      },
      plugins: {
        legend: { position: "bottom", labels: { sort: (a: LegendItem, b: LegendItem) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) } },
        milestones: { marks: milestoneMarks(milestones, span) },
      },
    },
  };
}

export function reconciliationTable(rows: ReconciliationRow[], choice: FigureChoice, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    columns: [
      t("common.year"),
      t("trends.columns.publishedFirst"),
      t("trends.columns.publishedRevised"),
      publishedSeriesLabel(choice, ctx),
      t("trends.series.publishedDisappeared"),
      t("trends.series.caseRecordsLethal"),
      t("trends.series.difference"),
    ],
    rows: rows.map((r) => [r.year, r.publishedFirst, r.publishedRevised, r.publishedPlotted, r.publishedDisappeared, r.caseRecords, r.difference]),
  };
}
