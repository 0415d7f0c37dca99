// The Indigenous share of defenders killed or disappeared beside the Indigenous
// share of Mexico's population. The defenders' share is derived from two
// published figures (110 of 222) and says so; the case-record share is computed
// from the records matching the filters and is labelled as case records.
import type { AnyChartConfig, ChartContext, ChartTable } from "./types.ts";
import { PALETTE, UNKNOWN_COLOUR } from "./palette.ts";
import { formatNumber } from "~/lib/format.ts";
import { wrapLabel } from "./time-series.ts";
import type { Count } from "./small-counts.ts";

export interface PublishedValue {
  value: number | null;
  atLeast: boolean;
  periodStart: number;
  periodEnd: number;
}

export interface IndigenousShareData {
  publishedIndigenous: PublishedValue | null;
  publishedTotal: PublishedValue | null;
  /** As a fraction (0.19). */
  populationShare: PublishedValue | null;
  /** null: fewer than the small-count threshold (then no share is given either) */
  cases: { indigenous: Count; total: Count };
}

export type ShareKind = "derived" | "published" | "caseRecords";

export interface ShareRow {
  kind: ShareKind;
  /** Percent, one decimal; null when it cannot be given (no records, a figure not found). */
  percent: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The case records' counts were withheld (fewer than the small-count threshold). */
  withheld?: boolean;
}

const pct = (share: number) => Math.round(share * 1000) / 10;

export function shapeIndigenousShare(d: IndigenousShareData): ShareRow[] {
  const ind = d.publishedIndigenous?.value ?? null;
  const tot = d.publishedTotal?.value ?? null;
  return [
    { kind: "derived", percent: ind !== null && tot ? pct(ind / tot) : null, numerator: ind, denominator: tot },
    { kind: "published", percent: d.populationShare?.value != null ? pct(d.populationShare.value) : null, numerator: null, denominator: null },
    d.cases.indigenous === null || d.cases.total === null
      ? { kind: "caseRecords", percent: null, numerator: null, denominator: null, withheld: true }
      : {
          kind: "caseRecords",
          percent: d.cases.total > 0 ? pct(d.cases.indigenous / d.cases.total) : null,
          numerator: d.cases.indigenous,
          denominator: d.cases.total,
        },
  ];
}

export function shareLabel(row: ShareRow, { t }: ChartContext): string {
  if (row.kind === "derived") return t("trends.indigenous.defendersDerived");
  if (row.kind === "published") return t("trends.indigenous.population");
  return t("trends.indigenous.caseRecords");
}

export function shareBasis(row: ShareRow, ctx: ChartContext): string {
  const { t, lng } = ctx;
  if (row.kind === "derived")
    return row.percent === null
      ? t("common.notFound")
      : t("trends.indigenous.basisDerived", { value: formatNumber(row.numerator!, lng), total: formatNumber(row.denominator!, lng) });
  if (row.kind === "published") return t("trends.indigenous.basisPublished");
  if (row.withheld) return t("charts.fewerThan", { count: ctx.smallCountThreshold ?? 3 });
  return row.percent === null
    ? t("trends.indigenous.basisNoRecords")
    : t("trends.indigenous.basisCases", { value: formatNumber(row.numerator!, lng), total: formatNumber(row.denominator!, lng) });
}

export function buildIndigenousShareChart(rows: ShareRow[], ctx: ChartContext): AnyChartConfig {
  const colours: Record<ShareKind, string> = { derived: PALETTE.blue, published: UNKNOWN_COLOUR, caseRecords: PALETTE.orange };
  const labels = rows.map((r) => shareLabel(r, ctx));
  return {
    type: "bar",
    data: {
      labels,
      datasets: [{ label: ctx.t("trends.columns.percent"), data: rows.map((r) => r.percent), backgroundColor: rows.map((r) => colours[r.kind]) }],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { beginAtZero: true, max: 100, title: { display: true, text: ctx.t("trends.columns.percent") } },
        // Long labels wrap onto several lines instead of being cut off.
        // Narrow screens get shorter lines (about one character per 24 px of chart width).
        y: {
          grid: { display: false },
          ticks: {
            autoSkip: false,
            callback(this: { chart: { width: number } }, _value: unknown, index: number) {
              return wrapLabel(labels[index], Math.min(40, Math.max(12, Math.floor(this.chart.width / 24))));
            },
          },
        },
      },
      plugins: { legend: { display: false } },
    },
  };
}

export function indigenousShareTable(rows: ShareRow[], ctx: ChartContext): ChartTable {
  return {
    columns: [ctx.t("trends.columns.measure"), ctx.t("trends.columns.percent"), ctx.t("trends.columns.basis")],
    rows: rows.map((r) => [shareLabel(r, ctx), r.percent, shareBasis(r, ctx)]),
  };
}
