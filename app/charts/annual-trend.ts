// Annual trend for Mexico: published figures per year as stacked bars (killed,
// and disappeared where published apart), the worldwide figure as a line on a
// second axis, milestones marked. Pure: data in, Chart.js config out.
import type { LegendItem } from "chart.js";
import type { ChartContext, ChartTable, AnyChartConfig } from "./types.ts";
import { PALETTE } from "./palette.ts";
import { milestonePosition, type MilestoneMark } from "./milestone-plugin.ts";
import { BASE_OPTIONS } from "./time-series.ts";

export interface AnnualFigureInput {
  year: number;
  scope: "country" | "worldwide";
  metric: string;
  value: number | null;
  revisedValue: number | null;
  reportName: string | null;
}

export interface AnnualTrendRow {
  year: number;
  mexicoFirst: number | null;
  mexicoRevised: number | null;
  /** The value drawn: the revision where there is one, else the first report. */
  mexicoPlotted: number | null;
  /** Disappearances published as their own figure (from the 2025 report on). */
  mexicoDisappeared: number | null;
  worldPlotted: number | null;
  report: string | null;
}

export interface MilestoneInput {
  key: string;
  date: string;
  label: string;
  /** The label is the English text standing in for a missing translation. */
  untranslated?: boolean;
}

export interface AnnualTrendData {
  rows: AnnualTrendRow[];
  milestones: MilestoneInput[];
}

/**
 * One row per year from yearFrom to yearTo; years without a figure stay, with nulls.
 * "revised" plots the revision where there is one, else the first report
 * (decision 005); "first" plots the value as first reported only.
 */
export function shapeAnnualTrend(figures: AnnualFigureInput[], yearFrom: number, yearTo: number, choice: "revised" | "first" = "revised"): AnnualTrendRow[] {
  const plotted = (f: AnnualFigureInput | undefined) => (f ? (choice === "first" ? f.value : (f.revisedValue ?? f.value)) : null);
  const rows: AnnualTrendRow[] = [];
  for (let year = yearFrom; year <= yearTo; year++) {
    const of = (scope: string, metrics: string[]) => figures.find((f) => f.year === year && f.scope === scope && metrics.includes(f.metric));
    const mx = of("country", ["killed", "killed_or_disappeared"]);
    const mxDisappeared = of("country", ["disappeared"]);
    const world = of("worldwide", ["killed", "killed_or_disappeared"]);
    rows.push({
      year,
      mexicoFirst: mx?.value ?? null,
      mexicoRevised: mx?.revisedValue ?? null,
      mexicoPlotted: plotted(mx),
      mexicoDisappeared: mxDisappeared?.value ?? null,
      worldPlotted: plotted(world),
      report: mx?.reportName ?? world?.reportName ?? null,
    });
  }
  return rows;
}

/** Milestones that fall inside the years shown, numbered in date order. */
export function milestonesInRange<M extends MilestoneInput>(milestones: M[], firstYear: number, lastYear: number) {
  const inside = milestones.filter((m) => {
    const y = Number(m.date.slice(0, 4));
    return y >= firstYear && y <= lastYear;
  });
  const outside = milestones.filter((m) => !inside.includes(m));
  const marks: MilestoneMark[] = inside.map((m, i) => ({ position: milestonePosition(m.date, firstYear), number: i + 1 }));
  return { inside, outside, marks };
}

export function buildAnnualTrendChart(data: AnnualTrendData, { t }: ChartContext): AnyChartConfig {
  const years = data.rows.map((r) => String(r.year));
  const first = data.rows[0]?.year ?? 0;
  const last = data.rows.at(-1)?.year ?? 0;
  const { marks } = milestonesInRange(data.milestones, first, last);
  return {
    type: "bar",
    data: {
      labels: years,
      datasets: [
        {
          type: "bar",
          label: t("charts.annualTrend.killed"),
          data: data.rows.map((r) => r.mexicoPlotted),
          backgroundColor: PALETTE.blue,
          stack: "mexico",
          yAxisID: "y",
          order: 2,
        },
        {
          type: "bar",
          label: t("charts.annualTrend.disappeared"),
          data: data.rows.map((r) => r.mexicoDisappeared),
          backgroundColor: PALETTE.vermillion,
          stack: "mexico",
          yAxisID: "y",
          order: 2,
        },
        {
          type: "line",
          label: t("charts.annualTrend.worldwide"),
          data: data.rows.map((r) => r.worldPlotted),
          borderColor: PALETTE.orange,
          // White fill: the legend draws a dashed outline instead of a solid block.
          backgroundColor: "#ffffff",
          pointBackgroundColor: PALETTE.orange,
          borderWidth: 2,
          borderDash: [6, 3],
          pointStyle: "rectRot",
          pointRadius: 4,
          spanGaps: false,
          yAxisID: "y1",
          order: 1,
        },
      ] as any,
    },
    options: {
      ...BASE_OPTIONS,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: {
          stacked: true,
          beginAtZero: true,
          position: "left",
          title: { display: true, text: t("charts.annualTrend.axisMexico") },
        },
        y1: {
          beginAtZero: true,
          position: "right",
          grid: { drawOnChartArea: false },
          title: { display: true, text: t("charts.annualTrend.axisWorld") },
        },
      },
      plugins: {
        legend: {
          position: "bottom",
          labels: { sort: (a: LegendItem, b: LegendItem) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
        },
        milestones: { marks },
      },
    },
  };
}

export function annualTrendTable(data: AnnualTrendData, { t }: ChartContext): ChartTable {
  return {
    columns: [
      t("common.year"),
      t("charts.annualTrend.tableMexicoFirst"),
      t("charts.annualTrend.tableMexicoRevised"),
      t("charts.annualTrend.tableMexicoPlotted"),
      t("charts.annualTrend.tableDisappeared"),
      t("charts.annualTrend.tableWorldPlotted"),
      t("charts.annualTrend.tableReport"),
    ],
    rows: data.rows.map((r) => [r.year, r.mexicoFirst, r.mexicoRevised, r.mexicoPlotted, r.mexicoDisappeared, r.worldPlotted, r.report]),
  };
}
