// Case records in mining and extractives conflicts, per year, with milestones.
import type { MilestoneInput } from "./annual-trend.ts";
import type { AnyChartConfig, ChartContext, ChartTable, YearCount, YearSpan } from "./types.ts";
import { PALETTE } from "./palette.ts";
import { countCell, type Count } from "./small-counts.ts";
import { milestoneMarks, perYear } from "./time-series.ts";

export interface MiningRow {
  year: number;
  people: Count;
}

export function shapeMiningByYear(counts: YearCount[], span: YearSpan): MiningRow[] {
  return perYear(counts, span);
}

export function buildMiningByYearChart(rows: MiningRow[], span: YearSpan, milestones: MilestoneInput[], { t }: ChartContext): AnyChartConfig {
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => String(r.year)),
      datasets: [{ label: t("trends.series.miningPeople"), data: rows.map((r) => r.people), backgroundColor: PALETTE.vermillion }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { grid: { display: false } },
        y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t("trends.series.people") } },
      },
      plugins: { legend: { position: "bottom" }, milestones: { marks: milestoneMarks(milestones, span) } },
    },
  };
}

export function miningByYearTable(rows: MiningRow[], ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    columns: [t("common.year"), t("trends.series.miningPeople")],
    rows: rows.map((r) => [r.year, countCell(r.people, ctx)]),
  };
}
