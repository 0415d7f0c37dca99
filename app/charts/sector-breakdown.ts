// Case records by sector (industry driver). Every sector with records is shown,
// and "Sector could not be confirmed" is always shown, even at zero, last.
import { SECTORS } from "~/domain/taxonomy.ts";
import type { AnyChartConfig, ChartContext, ChartTable } from "./types.ts";
import { PALETTE, UNKNOWN_COLOUR } from "./palette.ts";
import { addCounts, countCell, isShown, sortValue, type Count } from "./small-counts.ts";

export interface SectorCount {
  key: string | null;
  people: Count;
}

export interface SectorRow {
  sector: string;
  people: Count;
}

/** Sorted by count, unknown sector last and never dropped; unrecognised or null sectors count as unconfirmed. */
export function shapeSectorBreakdown(counts: SectorCount[]): SectorRow[] {
  const totals = new Map<string, Count>();
  for (const c of counts) {
    const key = c.key && (SECTORS as readonly string[]).includes(c.key) ? c.key : "unconfirmed";
    totals.set(key, addCounts(totals.get(key) ?? 0, c.people));
  }
  const unknown = totals.get("unconfirmed") ?? 0;
  totals.delete("unconfirmed");
  const rows = [...totals.entries()]
    .filter(([, n]) => isShown(n))
    .map(([sector, people]) => ({ sector, people }))
    .sort((a, b) => sortValue(b.people) - sortValue(a.people) || SECTORS.indexOf(a.sector as any) - SECTORS.indexOf(b.sector as any));
  rows.push({ sector: "unconfirmed", people: unknown });
  return rows;
}

export function buildSectorBreakdownChart(rows: SectorRow[], { t }: ChartContext): AnyChartConfig {
  const people = t("trends.series.people");
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => t(`taxonomy.sector.${r.sector}`)),
      datasets: [
        {
          label: people,
          data: rows.map((r) => r.people),
          backgroundColor: rows.map((r) =>
            r.sector === "unconfirmed" ? UNKNOWN_COLOUR : r.sector === "mining_extractives" ? PALETTE.vermillion : PALETTE.blue,
          ),
        },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: people } }, y: { grid: { display: false } } },
      plugins: { legend: { display: false } },
    },
  };
}

export function sectorBreakdownTable(rows: SectorRow[], ctx: ChartContext): ChartTable {
  const { t } = ctx;
  return {
    columns: [t("charts.sectorBreakdown.sector"), t("trends.series.people")],
    rows: rows.map((r) => [t(`taxonomy.sector.${r.sector}`), countCell(r.people, ctx)]),
  };
}
