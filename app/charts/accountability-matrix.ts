// The accountability matrix: provisions down, years across, the number of case
// records linked to each provision in each year, shaded. Pure: counts in, a
// Chart.js heat map (scatter on two category axes, cells drawn by the
// heatCells plugin) and the table of exactly those numbers out.
import { describeMatrixFilter, type MatrixFilter } from "~/domain/matrix-filter.ts";
import { formatDate } from "~/lib/format.ts";
import type { ChartDocument } from "./document.ts";
import type { ChartContext, ChartTable, HeatmapChartConfig } from "./types.ts";

export interface MatrixProvision {
  id: string;
  code: string;
  title: string;
  isGap: boolean;
}

export interface MatrixCountInput {
  provisionId: string;
  year: number;
  status: string;
  records: number;
}

export interface MatrixRow {
  code: string;
  title: string;
  isGap: boolean;
  /** Per year: links with any of the statuses shown */
  counts: number[];
  /** Per year: how many of those are suggestions not yet reviewed (0 when suggestions are not shown) */
  suggested: number[];
  total: number;
}

export interface MatrixData {
  years: number[];
  rows: MatrixRow[];
  /** Largest cell, for the shading scale */
  max: number;
  includesSuggested: boolean;
  /** Only suggestions, no accepted links */
  onlySuggested: boolean;
}

/** Every provision gets a row and every year a column, zeros included: an empty cell is a finding too. */
export function shapeMatrix(provisions: MatrixProvision[], counts: MatrixCountInput[], yearFrom: number, yearTo: number, statuses: string[]): MatrixData {
  const includesSuggested = statuses.includes("suggested");
  const years: number[] = [];
  for (let y = yearFrom; y <= yearTo; y++) years.push(y);
  const index = new Map(years.map((y, i) => [y, i]));
  const rows = provisions.map((p) => ({ code: p.code, title: p.title, isGap: p.isGap, counts: years.map(() => 0), suggested: years.map(() => 0), total: 0 }));
  const byId = new Map(provisions.map((p, i) => [p.id, rows[i]]));
  for (const c of counts) {
    const row = byId.get(c.provisionId);
    const i = index.get(c.year);
    if (!row || i === undefined) continue;
    if (!statuses.includes(c.status) || c.status === "rejected") continue;
    row.counts[i] += c.records;
    if (c.status === "suggested") row.suggested[i] += c.records;
    row.total += c.records;
  }
  const max = Math.max(0, ...rows.flatMap((r) => r.counts));
  return { years, rows, max, includesSuggested, onlySuggested: includesSuggested && !statuses.includes("accepted") };
}

// A single-hue sequential scale (light to dark blue): reads in greyscale and with
// colour-vision deficiencies; zero stays white so that empty cells stand apart.
const SHADES = ["#ffffff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#2171b5", "#08306b"];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const DARK_INK = "#1b1b1b";
const LIGHT_INK = "#ffffff";

/** The fill of a cell, and whichever text colour contrasts more with it. */
export function matrixShade(count: number, max: number): { fill: string; ink: string; level: number } {
  if (count <= 0 || max <= 0) return { fill: SHADES[0], ink: "#595959", level: 0 };
  const level = Math.min(SHADES.length - 1, Math.max(1, Math.ceil((count / max) * (SHADES.length - 1))));
  const fill = SHADES[level];
  return { fill, ink: contrastRatio(fill, DARK_INK) >= contrastRatio(fill, LIGHT_INK) ? DARK_INK : LIGHT_INK, level };
}

export function matrixRowLabel(row: Pick<MatrixRow, "code" | "title">, max = 42): string {
  const title = row.title.length > max ? `${row.title.slice(0, max - 1).trimEnd()}…` : row.title;
  return `${row.code} · ${title}`;
}

export function matrixSeriesLabel(data: Pick<MatrixData, "includesSuggested" | "onlySuggested">, t: ChartContext["t"]): string {
  return data.onlySuggested
    ? t("provisions.matrix.seriesSuggested")
    : data.includesSuggested
      ? t("provisions.matrix.seriesWithSuggested")
      : t("provisions.matrix.series");
}

export function buildMatrixChart(data: MatrixData, { t }: ChartContext): HeatmapChartConfig {
  const xLabels = data.years.map(String);
  const yLabels = data.rows.map((r) => matrixRowLabel(r));
  const points: { x: string; y: string; v: number }[] = [];
  const cells = data.rows.flatMap((row, yi) =>
    row.counts.map((count, xi) => {
      points.push({ x: xLabels[xi], y: yLabels[yi], v: count });
      const shade = matrixShade(count, data.max);
      return { x: xi, y: yi, fill: shade.fill, ink: shade.ink, text: String(count) };
    }),
  );
  return {
    type: "scatter",
    data: {
      datasets: [
        {
          label: matrixSeriesLabel(data, t),
          data: points,
          pointRadius: 0,
          pointHoverRadius: 0,
          pointHitRadius: 10,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { type: "category", labels: xLabels, offset: true, position: "top", grid: { display: false } },
        y: { type: "category", labels: yLabels, offset: true, grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { display: false },
        heatCells: { cells },
        tooltip: {
          callbacks: {
            label: (item) => {
              const raw = item.raw as { x: string; y: string; v: number };
              return `${raw.y} · ${raw.x}: ${raw.v}`;
            },
          },
        },
      },
    },
  };
}

/** Height that gives every provision a readable row. */
export function matrixChartHeight(data: MatrixData): number {
  return 60 + data.rows.length * 24;
}

/** Width of the exported image: room for the provision labels and a readable column per year (up to 40). */
export function matrixImageWidth(data: MatrixData): number {
  return 420 + data.years.length * 48;
}

export function matrixTable(data: MatrixData, { t }: ChartContext): ChartTable {
  return {
    columns: [t("provisions.matrix.code"), t("provisions.matrix.provision"), ...data.years.map(String), t("common.total")],
    rows: data.rows.map((r) => [r.code, r.title, ...r.counts, r.total]),
  };
}

/** The matrix as an export document: what the page's figure, matrix.png and matrix.csv say and show. */
export function matrixDocument({ filter, data, today }: { filter: MatrixFilter; data: MatrixData; today: string }, ctx: ChartContext): ChartDocument {
  const { t, lng } = ctx;
  const source = t("provisions.matrix.source");
  return {
    texts: {
      title: t("provisions.matrix.chartTitle"),
      subtitle: describeMatrixFilter(filter, t),
      source,
      sourceLine: t("charts.sourceLine", { source }),
      asOf: t("charts.dataAsOf", { date: formatDate(today, lng) }),
      notes: [...(data.includesSuggested ? [t("provisions.matrix.suggestedWarning")] : []), t("provisions.matrix.note")],
    },
    body: { kind: "chartjs", config: buildMatrixChart(data, ctx) },
    bodyHeight: matrixChartHeight(data),
    width: matrixImageWidth(data),
    table: matrixTable(data, ctx),
  };
}
