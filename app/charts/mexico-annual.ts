// Mexico per year: the published figure (as first reported, or revised where
// Global Witness revised it) beside the people counted in case records that
// match the filters. Two stacks: published (killed, and disappeared where
// published apart) and case records. Nothing published is recomputed.
import type { FigureChoice } from "./query.ts";
import { shapeAnnualTrend, type AnnualFigureInput, type MilestoneInput } from "./annual-trend.ts";
import type { AnyChartConfig, ChartContext, ChartTable, YearCount, YearSpan } from "./types.ts";
import { PALETTE } from "./palette.ts";
import { countCell, type Count } from "./small-counts.ts";
import { perYear, stackedYearOptions } from "./time-series.ts";

export interface MexicoAnnualRow {
  year: number;
  publishedFirst: number | null;
  publishedRevised: number | null;
  /** The killed figure drawn, per the choice of first-reported or revised. */
  publishedPlotted: number | null;
  /** Disappearances published as their own figure (2024 on). */
  publishedDisappeared: number | null;
  caseRecords: Count;
}

export function shapeMexicoAnnual(published: AnnualFigureInput[], cases: YearCount[], span: YearSpan, choice: FigureChoice): MexicoAnnualRow[] {
  const trend = shapeAnnualTrend(
    published.filter((f) => f.scope === "country"),
    span.from,
    span.to,
    choice,
  );
  const counted = perYear(cases, span);
  return trend.map((r, i) => ({
    year: r.year,
    publishedFirst: r.mexicoFirst,
    publishedRevised: r.mexicoRevised,
    publishedPlotted: r.mexicoPlotted,
    publishedDisappeared: r.mexicoDisappeared,
    caseRecords: counted[i].people,
  }));
}

export function publishedSeriesLabel(choice: FigureChoice, { t }: ChartContext): string {
  return choice === "first" ? t("trends.series.publishedFirst") : t("trends.series.publishedRevised");
}

/** The two published stacks: killed (first reported or revised, as chosen) and disappeared where published apart. */
export function publishedDatasets(rows: MexicoAnnualRow[], choice: FigureChoice, ctx: ChartContext) {
  return [
    { label: publishedSeriesLabel(choice, ctx), data: rows.map((r) => r.publishedPlotted), backgroundColor: PALETTE.blue, stack: "published" },
    { label: ctx.t("trends.series.publishedDisappeared"), data: rows.map((r) => r.publishedDisappeared), backgroundColor: PALETTE.sky, stack: "published" },
  ];
}

/** The table columns of the published figures (after the year), and their cells. */
export function publishedColumns(choice: FigureChoice, ctx: ChartContext): string[] {
  const { t } = ctx;
  return [t("trends.columns.publishedFirst"), t("trends.columns.publishedRevised"), publishedSeriesLabel(choice, ctx), t("trends.series.publishedDisappeared")];
}

export function publishedCells(r: MexicoAnnualRow): (number | null)[] {
  return [r.publishedFirst, r.publishedRevised, r.publishedPlotted, r.publishedDisappeared];
}

export function buildMexicoAnnualChart(
  rows: MexicoAnnualRow[],
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
        ...publishedDatasets(rows, choice, ctx),
        { label: t("trends.series.caseRecords"), data: rows.map((r) => r.caseRecords), backgroundColor: PALETTE.orange, stack: "cases" },
      ],
    },
    options: stackedYearOptions(span, milestones, ctx),
  };
}

export function mexicoAnnualTable(rows: MexicoAnnualRow[], choice: FigureChoice, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    columns: [t("common.year"), ...publishedColumns(choice, ctx), t("trends.series.caseRecords")],
    rows: rows.map((r) => [r.year, ...publishedCells(r), countCell(r.caseRecords, ctx)]),
  };
}
