// Reconciliation: per year, Mexico's published figure beside the people in case
// records that could stand behind it (killed and disappeared), and the
// difference. The difference is Vigía's arithmetic and is labelled so; the
// published values themselves are shown as printed. A year that no counted case
// record covers gets no difference (a gap, and a note saying why): 0 records
// there means no case-level data, and "−19" would read as 19 missing cases.
import type { FigureChoice } from "./query.ts";
import type { AnnualFigureInput, MilestoneInput } from "./annual-trend.ts";
import { publishedCells, publishedColumns, publishedDatasets, shapeMexicoAnnual, type MexicoAnnualRow } from "./mexico-annual.ts";
import type { AnyChartConfig, CaseCoverage, ChartContext, ChartTable, YearCount, YearSpan } from "./types.ts";
import { isCovered, yearRunsInWords } from "./coverage.ts";
import { PALETTE } from "./palette.ts";
import { countCell } from "./small-counts.ts";
import { stackedYearOptions } from "./time-series.ts";

export interface ReconciliationRow extends MexicoAnnualRow {
  /**
   * Case records minus the published figure (killed, plus disappeared where
   * published apart); null where nothing was published or no case record covers the year.
   */
  difference: number | null;
  /** A figure was published but no counted case record covers the year: no difference, on purpose. */
  noCaseData: boolean;
}

export function shapeReconciliation(
  published: AnnualFigureInput[],
  cases: YearCount[],
  span: YearSpan,
  choice: FigureChoice,
  coverage: readonly CaseCoverage[],
): ReconciliationRow[] {
  return shapeMexicoAnnual(published, cases, span, choice).map((r) => {
    const noCaseData = r.publishedPlotted !== null && !isCovered(coverage, r.year);
    return {
      ...r,
      difference:
        r.publishedPlotted === null || r.caseRecords === null || noCaseData ? null : r.caseRecords - r.publishedPlotted - (r.publishedDisappeared ?? 0),
      noCaseData,
    };
  });
}

/** The note on the years drawn without a difference, or null when every published year has one. */
export function reconciliationGapNote(rows: ReconciliationRow[], ctx: ChartContext): string | null {
  const gaps = rows.filter((r) => r.noCaseData).map((r) => r.year);
  return gaps.length ? ctx.t("trends.reconciliation.gap", { years: yearRunsInWords(gaps, ctx) }) : null;
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
        ...publishedDatasets(rows, choice, ctx).map((d) => ({ type: "bar", ...d, order: 2 })),
        {
          type: "bar",
          label: t("trends.series.caseRecordsLethal"),
          data: rows.map((r) => r.caseRecords),
          backgroundColor: PALETTE.orange,
          stack: "cases",
          order: 2,
        },
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
    // The difference can be negative: the axis is not pinned at zero.
    options: stackedYearOptions(span, milestones, ctx, { beginAtZero: false, datasetOrderLegend: true }),
  };
}

export function reconciliationTable(rows: ReconciliationRow[], choice: FigureChoice, ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    columns: [
      t("common.year"),
      ...publishedColumns(choice, ctx),
      t("trends.series.caseRecordsLethal"),
      t("trends.series.difference"),
      t("trends.columns.note"),
    ],
    rows: rows.map((r) => [
      r.year,
      ...publishedCells(r),
      countCell(r.caseRecords, ctx),
      r.difference,
      r.noCaseData ? t("trends.reconciliation.noCaseData") : null,
    ]),
  };
}
