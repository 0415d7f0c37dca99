// Case records by Mexican state, as a bar chart. Records whose state could not
// be identified are always shown, last, in grey.
import { MX_STATE_CODES, isMxState } from "~/domain/taxonomy.ts";
import type { AnyChartConfig, CaseCount, ChartContext, ChartTable } from "./types.ts";
import { PALETTE, UNKNOWN_COLOUR } from "./palette.ts";
import { addCounts, countCell, isShown, sortValue, type Count } from "./small-counts.ts";
import { stateName } from "~/domain/incident-format.ts";

export interface StateRow {
  /** ISO 3166-2:MX code without the prefix, or null when the state is not identified. */
  state: string | null;
  people: Count;
}

/** Every state with records, by count; the unknown row last and never dropped. */
export function shapeStateBreakdown(counts: CaseCount[]): StateRow[] {
  const totals = new Map<string | null, Count>();
  for (const c of counts) {
    const key = c.key && isMxState(c.key) ? c.key : null;
    totals.set(key, addCounts(totals.get(key) ?? 0, c.people));
  }
  const unknown = totals.get(null) ?? 0;
  totals.delete(null);
  const rows: StateRow[] = [...totals.entries()]
    .filter(([, n]) => isShown(n))
    .map(([state, people]) => ({ state, people }))
    .sort((a, b) => sortValue(b.people) - sortValue(a.people) || MX_STATE_CODES.indexOf(a.state as any) - MX_STATE_CODES.indexOf(b.state as any));
  rows.push({ state: null, people: unknown });
  return rows;
}

export function buildStateBreakdownChart(rows: StateRow[], ctx: ChartContext): AnyChartConfig {
  const { t } = ctx;
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => stateName(r.state, ctx.t)),
      datasets: [
        {
          label: t("trends.series.people"),
          data: rows.map((r) => r.people),
          backgroundColor: rows.map((r) => (r.state === null ? UNKNOWN_COLOUR : PALETTE.blue)),
        },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t("trends.series.people") } },
        y: { grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: { legend: { display: false } },
    },
  };
}

export function stateBreakdownTable(rows: StateRow[], ctx: ChartContext): ChartTable {
  return {
    columns: [ctx.t("trends.columns.state"), ctx.t("trends.series.people")],
    rows: rows.map((r) => [stateName(r.state, ctx.t), countCell(r.people, ctx)]),
  };
}

/** Bar-chart height that keeps one readable bar per state. */
export function stateChartHeight(rows: StateRow[]): number {
  return Math.max(220, 60 + rows.length * 26);
}
