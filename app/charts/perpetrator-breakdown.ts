// Case records by perpetrator type. "Unspecified" is the unknown: always shown,
// last, in grey, even at zero.
import { PERPETRATOR_TYPES } from "~/domain/taxonomy.ts";
import type { AnyChartConfig, CaseCount, ChartContext, ChartTable } from "./types.ts";
import { PALETTE, UNKNOWN_COLOUR } from "./palette.ts";
import { addCounts, countCell, isShown, sortValue, type Count } from "./small-counts.ts";

export interface PerpetratorRow {
  perpetrator: string;
  people: Count;
}

const UNKNOWN = "unspecified";
/** State actors, whom the partnership's security dialogue concerns, stand out in one colour. */
const STATE_ACTORS = new Set(["police", "armed_forces", "private_military", "government_officials"]);

/** Sorted by count; unrecognised or missing types count as unspecified, which is never dropped. */
export function shapePerpetratorBreakdown(counts: CaseCount[]): PerpetratorRow[] {
  const totals = new Map<string, Count>();
  for (const c of counts) {
    const key = c.key && (PERPETRATOR_TYPES as readonly string[]).includes(c.key) ? c.key : UNKNOWN;
    totals.set(key, addCounts(totals.get(key) ?? 0, c.people));
  }
  const unknown = totals.get(UNKNOWN) ?? 0;
  totals.delete(UNKNOWN);
  const rows = [...totals.entries()]
    .filter(([, n]) => isShown(n))
    .map(([perpetrator, people]) => ({ perpetrator, people }))
    .sort(
      (a, b) => sortValue(b.people) - sortValue(a.people) || PERPETRATOR_TYPES.indexOf(a.perpetrator as any) - PERPETRATOR_TYPES.indexOf(b.perpetrator as any),
    );
  rows.push({ perpetrator: UNKNOWN, people: unknown });
  return rows;
}

export function buildPerpetratorBreakdownChart(rows: PerpetratorRow[], { t }: ChartContext): AnyChartConfig {
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => t(`taxonomy.perpetrator.${r.perpetrator}`)),
      datasets: [
        {
          label: t("trends.series.people"),
          data: rows.map((r) => r.people),
          backgroundColor: rows.map((r) => (r.perpetrator === UNKNOWN ? UNKNOWN_COLOUR : STATE_ACTORS.has(r.perpetrator) ? PALETTE.vermillion : PALETTE.blue)),
        },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t("trends.series.people") } }, y: { grid: { display: false } } },
      plugins: { legend: { display: false } },
    },
  };
}

export function perpetratorBreakdownTable(rows: PerpetratorRow[], ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    columns: [t("trends.columns.perpetrator"), t("trends.series.people")],
    rows: rows.map((r) => [t(`taxonomy.perpetrator.${r.perpetrator}`), countCell(r.people, ctx)]),
  };
}
