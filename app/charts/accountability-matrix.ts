// The accountability matrix: provisions down, years across, the number of case
// records linked to each provision in each year, shaded. Pure: counts in, a
// Chart.js heat map (scatter on two category axes, cells drawn by the
// heatCells plugin) and the table of exactly those numbers out.
import { describeMatrixFilter, type MatrixFilter } from "~/domain/matrix-filter.ts";
import { formatDate } from "~/lib/format.ts";
import type { ChartDocument } from "./document.ts";
import { countCell, suppressCount, type Count } from "./small-counts.ts";
import type { HeatCell } from "./heatmap-plugin.ts";
import type { ChartContext, ChartTable, HeatmapChartConfig } from "./types.ts";
import { BASE_OPTIONS } from "./time-series.ts";

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
  /**
   * Per year: case records with an accepted link; null where no case records cover the year (see covered),
   * where the layer is not shown, or where the count is withheld (small counts, decision 109)
   */
  accepted: Count[];
  /** Per year: case records suggested and not yet reviewed (a layer of its own, never added to accepted); null as above */
  suggested: Count[];
  /** null: withheld (small, or the sum of a withheld cell) */
  acceptedTotal: Count;
  suggestedTotal: Count;
}

export interface MatrixData {
  years: number[];
  /** Per year: whether any case records cover it (else "no case-level data", never 0) */
  covered: boolean[];
  rows: MatrixRow[];
  /** Largest accepted cell (or suggested, when only suggestions are shown), for the shading scale */
  max: number;
  /** Which layers are shown */
  layers: { accepted: boolean; suggested: boolean };
  /** The published figures for the years without case records, in words, for context */
  published: string[];
  /** What data covers the years, in words */
  coverage: string[];
  /** The source line, in words (names the last import of the Global Witness dataset) */
  source: string;
  /** Set when counts below it are withheld from this reader (decision 109) */
  smallCountThreshold?: number;
}

/**
 * Every provision gets a row and every year a column, zeros included: an empty
 * cell is a finding too. A year that no case records cover gets null (shown as
 * "no case-level data"). Accepted and suggested links stay in two layers, never
 * added together; rejected links never count.
 */
export function shapeMatrix(
  provisions: MatrixProvision[],
  counts: MatrixCountInput[],
  yearFrom: number,
  yearTo: number,
  statuses: string[],
  context: { hasCaseData?: (year: number) => boolean; published?: string[]; coverage?: string[]; source?: string } = {},
): MatrixData {
  const layers = { accepted: statuses.includes("accepted"), suggested: statuses.includes("suggested") };
  const years: number[] = [];
  for (let y = yearFrom; y <= yearTo; y++) years.push(y);
  const index = new Map(years.map((y, i) => [y, i]));
  const seen = new Set(counts.filter((c) => c.records > 0 && c.status !== "rejected").map((c) => c.year));
  // A count found in a year is its own evidence that records cover it.
  const covered = years.map((y) => (context.hasCaseData ? context.hasCaseData(y) : true) || seen.has(y));
  const blank = (on: boolean) => years.map((_, i) => (on && covered[i] ? 0 : null));
  const rows: MatrixRow[] = provisions.map((p) => ({
    code: p.code,
    title: p.title,
    isGap: p.isGap,
    accepted: blank(layers.accepted),
    suggested: blank(layers.suggested),
    acceptedTotal: 0,
    suggestedTotal: 0,
  }));
  const byId = new Map(provisions.map((p, i) => [p.id, rows[i]]));
  for (const c of counts) {
    const row = byId.get(c.provisionId);
    const i = index.get(c.year);
    if (!row || i === undefined) continue;
    if (c.status === "accepted" && layers.accepted) {
      row.accepted[i] = (row.accepted[i] ?? 0) + c.records;
      row.acceptedTotal = (row.acceptedTotal ?? 0) + c.records;
    } else if (c.status === "suggested" && layers.suggested) {
      row.suggested[i] = (row.suggested[i] ?? 0) + c.records;
      row.suggestedTotal = (row.suggestedTotal ?? 0) + c.records;
    }
  }
  return {
    years,
    covered,
    rows,
    max: shadingMax(rows, layers),
    layers,
    published: context.published ?? [],
    coverage: context.coverage ?? [],
    source: context.source ?? "",
  };
}

/** Largest count of the shaded layer: withheld cells take no part, so that the shading cannot tell their size. */
function shadingMax(rows: MatrixRow[], layers: MatrixData["layers"]): number {
  const shaded = layers.accepted ? "accepted" : "suggested";
  return Math.max(0, ...rows.flatMap((r) => r[shaded].map((v) => v ?? 0)));
}

/**
 * The matrix as an anonymous reader may have it (decisions 099, 109): every cell
 * from 1 to threshold - 1 withheld, in each layer apart; a row's total withheld
 * when it is small or when any of its cells is (else the total minus the shown
 * cells would give the withheld one away).
 */
export function withholdMatrix(data: MatrixData, threshold: number): MatrixData {
  const layer = (cells: Count[]) => cells.map((v, i) => (v === null || !data.covered[i] ? v : suppressCount(v, threshold)));
  const total = (shown: Count[], sum: Count): Count =>
    sum === null || shown.some((v, i) => v === null && data.covered[i]) ? null : suppressCount(sum, threshold);
  const rows = data.rows.map((r) => {
    const accepted = data.layers.accepted ? layer(r.accepted) : r.accepted;
    const suggested = data.layers.suggested ? layer(r.suggested) : r.suggested;
    return {
      ...r,
      accepted,
      suggested,
      acceptedTotal: data.layers.accepted ? total(accepted, r.acceptedTotal) : r.acceptedTotal,
      suggestedTotal: data.layers.suggested ? total(suggested, r.suggestedTotal) : r.suggestedTotal,
    };
  });
  return { ...data, rows, max: shadingMax(rows, data.layers), smallCountThreshold: threshold };
}

/** A chart context that writes "fewer than N" with this matrix's threshold. */
function withThreshold(data: Pick<MatrixData, "smallCountThreshold">, ctx: ChartContext): ChartContext {
  return data.smallCountThreshold ? { ...ctx, smallCountThreshold: data.smallCountThreshold } : ctx;
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

/** A withheld cell (decision 109) in the lightest non-zero shade, like the map's lowest class: a count of unknown size. */
export const WITHHELD_SHADE = { fill: SHADES[1], ink: DARK_INK, level: 1 };

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

export function matrixSeriesLabel(data: Pick<MatrixData, "layers">, t: ChartContext["t"]): string {
  return data.layers.accepted && data.layers.suggested
    ? t("provisions.matrix.seriesWithSuggested")
    : data.layers.suggested
      ? t("provisions.matrix.seriesSuggested")
      : t("provisions.matrix.series");
}

/** A count in a cell or a CSV field: the words saying no case records cover it, the number, or "fewer than N". */
function cellValue(value: Count, covered: boolean, ctx: ChartContext): number | string {
  return covered ? countCell(value, ctx) : ctx.t("provisions.coverage.noCaseData");
}

export function buildMatrixChart(data: MatrixData, { t }: ChartContext): HeatmapChartConfig {
  // Years without case records say so under the year: their cells hold a dash, never 0.
  const xLabels = data.years.map(String);
  const xTicks = data.years.map((y, i) => (data.covered[i] ? String(y) : [String(y), t("provisions.coverage.noCaseDataShort")]));
  const yLabels = data.rows.map((r) => matrixRowLabel(r));
  const points: { x: string; y: string; v: number; text?: string }[] = [];
  const both = data.layers.accepted && data.layers.suggested;
  const fewer = t("charts.fewerThanShort", { count: data.smallCountThreshold ?? 3 });
  const text = (n: Count) => (n === null ? fewer : String(n));
  const cells: HeatCell[] = data.rows.flatMap((row, yi) =>
    data.years.map((_, xi) => {
      const accepted = row.accepted[xi];
      const suggested = row.suggested[xi];
      if (!data.covered[xi]) return { x: xi, y: yi, fill: NO_DATA_FILL, ink: "#595959", text: "—" };
      if (!data.layers.accepted) {
        points.push({ x: xLabels[xi], y: yLabels[yi], v: suggested ?? 0, text: text(suggested) });
        return { x: xi, y: yi, fill: "#ffffff", ink: DARK_INK, text: text(suggested), hatched: true };
      }
      points.push({ x: xLabels[xi], y: yLabels[yi], v: accepted ?? 0, text: text(accepted) });
      const shade = accepted === null ? WITHHELD_SHADE : matrixShade(accepted, data.max);
      return {
        x: xi,
        y: yi,
        fill: shade.fill,
        ink: shade.ink,
        text: text(accepted),
        ...(both ? { suggested: text(suggested) } : {}),
      };
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
      ...BASE_OPTIONS,
      scales: {
        x: {
          type: "category",
          labels: xLabels,
          offset: true,
          position: "top",
          grid: { display: false },
          ticks: { callback: (_value, index) => xTicks[index] },
        },
        y: { type: "category", labels: yLabels, offset: true, grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { display: false },
        heatCells: { cells },
        tooltip: {
          callbacks: {
            label: (item) => {
              const raw = item.raw as { x: string; y: string; v: number; text?: string };
              return `${raw.y} · ${raw.x}: ${raw.text ?? raw.v}`;
            },
          },
        },
      },
    },
  };
}

/** Fill of a year without case records: a light grey, with a dash (never 0) in it. */
const NO_DATA_FILL = "#eeeeee";

/** Height that gives every provision a readable row (taller when a cell holds both layers). */
export function matrixChartHeight(data: MatrixData): number {
  const both = data.layers.accepted && data.layers.suggested;
  return 70 + data.rows.length * (both ? 36 : 24);
}

/** Width of the exported image: room for the provision labels and a readable column per year (up to 40). */
export function matrixImageWidth(data: MatrixData): number {
  return 420 + data.years.length * 56;
}

/** The layers shown, each with its label: the CSV has a column per year and layer, never a sum of the two. */
function shownLayers(data: MatrixData, t: ChartContext["t"]): { key: "accepted" | "suggested"; label: string }[] {
  return [
    ...(data.layers.accepted ? [{ key: "accepted" as const, label: t("provisions.layers.acceptedShort") }] : []),
    ...(data.layers.suggested ? [{ key: "suggested" as const, label: t("provisions.layers.suggestedShort") }] : []),
  ];
}

export function matrixTable(data: MatrixData, chartCtx: ChartContext): ChartTable {
  const ctx = withThreshold(data, chartCtx);
  const { t } = ctx;
  const layers = shownLayers(data, t);
  return {
    columns: [
      t("provisions.matrix.code"),
      t("provisions.matrix.provision"),
      ...data.years.flatMap((y) => layers.map((l) => t("provisions.layers.column", { year: y, layer: l.label }))),
      ...layers.map((l) => t("provisions.layers.total", { layer: l.label })),
    ],
    rows: data.rows.map((r) => [
      r.code,
      r.title,
      ...data.years.flatMap((_, i) => layers.map((l) => cellValue(r[l.key][i], data.covered[i], ctx))),
      ...layers.map((l) => countCell(l.key === "accepted" ? r.acceptedTotal : r.suggestedTotal, ctx)),
    ]),
  };
}

/** The matrix as an export document: what the page's figure, matrix.png and matrix.csv say and show. */
export function matrixDocument({ filter, data, today }: { filter: MatrixFilter; data: MatrixData; today: string }, ctx: ChartContext): ChartDocument {
  const { t, lng } = ctx;
  const source = data.source;
  return {
    texts: {
      title: t("provisions.matrix.chartTitle"),
      subtitle: describeMatrixFilter(filter, t),
      source,
      sourceLine: t("charts.sourceLine", { source }),
      asOf: t("charts.dataAsOf", { date: formatDate(today, lng) }),
      notes: [
        ...(data.layers.accepted ? [t("provisions.matrix.legendAccepted")] : []),
        ...(data.layers.suggested ? [t("provisions.matrix.legendSuggested"), t("provisions.matrix.suggestedWarning")] : []),
        t("provisions.matrix.note"),
        ...(data.smallCountThreshold ? [t("charts.smallLinkCountsNote", { count: data.smallCountThreshold })] : []),
        ...data.coverage,
        ...(data.covered.some((c) => !c) ? [t("provisions.coverage.columnNote"), ...data.published] : []),
      ],
    },
    body: { kind: "chartjs", config: buildMatrixChart(data, ctx) },
    bodyHeight: matrixChartHeight(data),
    width: matrixImageWidth(data),
    table: matrixTable(data, ctx),
  };
}
