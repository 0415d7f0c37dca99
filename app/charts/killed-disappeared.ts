// Case records per year, killed and disappeared stacked, with milestones.
import type { MilestoneInput } from "./annual-trend.ts";
import type { AnyChartConfig, ChartContext, ChartTable, YearSpan } from "./types.ts";
import { PALETTE } from "./palette.ts";
import { addCounts, countCell, type Count } from "./small-counts.ts";
import { stackedYearOptions, yearsOf } from "./time-series.ts";

export interface OutcomeYearCount {
  year: number;
  outcome: string;
  people: Count;
}

export interface KilledDisappearedRow {
  year: number;
  killed: Count;
  disappeared: Count;
}

export function shapeKilledDisappeared(counts: OutcomeYearCount[], span: YearSpan): KilledDisappearedRow[] {
  return yearsOf(span).map((year) => {
    const of = (outcome: string) => counts.filter((c) => c.year === year && c.outcome === outcome).reduce<Count>((s, c) => addCounts(s, c.people), 0);
    return { year, killed: of("killed"), disappeared: of("disappeared") };
  });
}

export function buildKilledDisappearedChart(rows: KilledDisappearedRow[], span: YearSpan, milestones: MilestoneInput[], ctx: ChartContext): AnyChartConfig {
  const { t } = ctx;
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => String(r.year)),
      datasets: [
        { label: t("taxonomy.outcome.killed"), data: rows.map((r) => r.killed), backgroundColor: PALETTE.blue, stack: "cases" },
        { label: t("taxonomy.outcome.disappeared"), data: rows.map((r) => r.disappeared), backgroundColor: PALETTE.orange, stack: "cases" },
      ],
    },
    options: stackedYearOptions(span, milestones, ctx),
  };
}

export function killedDisappearedTable(rows: KilledDisappearedRow[], ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    columns: [t("common.year"), t("taxonomy.outcome.killed"), t("taxonomy.outcome.disappeared")],
    rows: rows.map((r) => [r.year, countCell(r.killed, ctx), countCell(r.disappeared, ctx)]),
  };
}
