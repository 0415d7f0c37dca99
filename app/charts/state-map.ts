// Mexico's states shaded by the number of people in case records. The shapes
// come from @svg-maps/mexico (Victor Cazanave, CC BY 4.0: the attribution is
// shown with every map and drawn into every exported image). One pure model
// feeds the page's SVG, the browser's PNG export and the server's PNG.
import mexico from "@svg-maps/mexico";
import { formatNumber } from "~/lib/format.ts";
import { MX_STATE_CODES, MX_STATES, isMxState } from "~/domain/taxonomy.ts";
import type { CaseCount, ChartContext, ChartTable } from "./types.ts";
import { stateName } from "~/domain/incident-format.ts";
import { addCounts, countCell, type Count } from "./small-counts.ts";

export const MAP_ATTRIBUTION_URL = "https://github.com/VictorCazanave/svg-maps/tree/master/packages/mexico";
export const MAP_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";

/** Sequential single-hue blues (ColorBrewer): ordered in lightness, so readable with any colour vision and in greyscale. */
const SEQUENTIAL = ["#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C"] as const;
export const ZERO_FILL = "#F4F4F4";
export const MAP_STROKE = "#6B6B6B";

export interface MapBin {
  min: number;
  max: number;
  fill: string;
}

export interface MapState {
  code: string;
  name: string;
  /** null: fewer than the small-count threshold, drawn in the lowest class above zero */
  people: Count;
  fill: string;
  path: string;
}

export interface StateMapModel {
  viewBox: [number, number, number, number];
  states: MapState[];
  bins: MapBin[];
  unknown: Count;
  /** Set when counts below it are withheld (null). */
  smallCountThreshold?: number;
}

/** Classes: zero on its own, then up to five equal-width integer classes up to the maximum. */
export function mapBins(max: number): MapBin[] {
  const bins: MapBin[] = [{ min: 0, max: 0, fill: ZERO_FILL }];
  if (max <= 0) return bins;
  const k = Math.min(SEQUENTIAL.length, max);
  const edges = Array.from({ length: k + 1 }, (_, i) => Math.round((i * max) / k));
  for (let i = 0; i < k; i++) {
    const colour = k === 1 ? SEQUENTIAL[2] : SEQUENTIAL[Math.round((i * (SEQUENTIAL.length - 1)) / (k - 1))];
    bins.push({ min: edges[i] + 1, max: edges[i + 1], fill: colour });
  }
  return bins;
}

export function binFor(bins: MapBin[], people: Count): MapBin {
  if (people === null) return bins[Math.min(1, bins.length - 1)];
  return bins.find((b) => people >= b.min && people <= b.max) ?? bins[bins.length - 1];
}

/** People per state (all 32, zeros included) and the records whose state is not identified. */
export function shapeStateMap(counts: CaseCount[]): { states: { code: string; people: Count }[]; unknown: Count } {
  const totals = new Map<string, Count>(MX_STATE_CODES.map((c) => [c, 0]));
  let unknown: Count = 0;
  for (const c of counts) {
    if (c.key && isMxState(c.key)) totals.set(c.key, addCounts(totals.get(c.key)!, c.people));
    else unknown = addCounts(unknown, c.people);
  }
  return { states: MX_STATE_CODES.map((code) => ({ code, people: totals.get(code)! })), unknown };
}

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}
const MEXICO = mexico as unknown as SvgMap;
const PATHS = new Map(MEXICO.locations.map((l) => [l.id.toUpperCase(), l.path]));

export function buildStateMap(counts: CaseCount[], smallCountThreshold?: number): StateMapModel {
  const shaped = shapeStateMap(counts);
  // A withheld count is at least 1: the map then has a class above zero to draw it in.
  const bins = mapBins(Math.max(0, ...shaped.states.map((s) => s.people ?? 1)));
  const [x, y, w, h] = MEXICO.viewBox.split(/\s+/).map(Number);
  return {
    viewBox: [x, y, w, h],
    states: shaped.states.map((s) => ({
      code: s.code,
      name: MX_STATES[s.code as keyof typeof MX_STATES],
      people: s.people,
      fill: binFor(bins, s.people).fill,
      path: PATHS.get(s.code) ?? "",
    })),
    bins,
    unknown: shaped.unknown,
    ...(smallCountThreshold ? { smallCountThreshold } : {}),
  };
}

export function binLabel(bin: MapBin, lng: ChartContext["lng"]): string {
  return bin.min === bin.max ? formatNumber(bin.min, lng) : `${formatNumber(bin.min, lng)}–${formatNumber(bin.max, lng)}`;
}

/** All 32 states (zeros included), then the unknown: the numbers the map shows. */
export function stateMapTable(model: StateMapModel, ctx: ChartContext): ChartTable {
  return {
    columns: [ctx.t("trends.columns.state"), ctx.t("trends.series.people")],
    rows: [...model.states.map((s) => [s.name, countCell(s.people, ctx)]), [stateName(null, ctx.t), countCell(model.unknown, ctx)]],
  };
}

export interface MapDrawTexts {
  legendTitle: string;
  unknownLabel: string;
  /** "fewer than N", for a withheld count */
  fewerThan: string;
  lng: ChartContext["lng"];
}

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

const LEGEND_ROW = 24;

/**
 * Where the map and its legend go inside the drawing's box: the map scaled to fit
 * its part of the box whole (never past its bottom, where the notes and source
 * line begin), the legend beside it. Pure, so that a test can hold the numbers.
 */
export function stateMapLayout(model: StateMapModel, box: Rect): { map: Rect; scale: number; legend: Rect } {
  const legendWidth = Math.min(220, box.w * 0.3);
  const mapBox = { x: box.x, y: box.y, w: box.w - legendWidth - 16, h: box.h };
  const [, , vw, vh] = model.viewBox;
  const scale = Math.min(mapBox.w / vw, mapBox.h / vh);
  const map = { x: mapBox.x + (mapBox.w - vw * scale) / 2, y: mapBox.y + (mapBox.h - vh * scale) / 2, w: vw * scale, h: vh * scale };
  // Title, one row per class, a gap, the unknown count (17 px of text).
  const legendHeight = 8 + LEGEND_ROW + model.bins.length * LEGEND_ROW + 10 + 17;
  return { map, scale, legend: { x: box.x + box.w - legendWidth, y: box.y, w: legendWidth, h: Math.min(legendHeight, box.h) } };
}

/**
 * Draws the map with its legend into a box of a 2D context (browser canvas or
 * @napi-rs/canvas alike). `makePath` turns SVG path data into a Path2D.
 */
export function drawStateMap(
  ctx: CanvasRenderingContext2D,
  model: StateMapModel,
  box: Rect,
  makePath: (d: string) => Path2D,
  texts: MapDrawTexts,
  font: string,
): void {
  const layout = stateMapLayout(model, box);
  const legendWidth = layout.legend.w;
  const [vx, vy] = model.viewBox;
  const scale = layout.scale;
  ctx.save();
  // Nothing of the map is drawn outside its box, whatever the path data holds.
  ctx.beginPath();
  ctx.rect(box.x, box.y, box.w, box.h);
  ctx.clip();
  ctx.translate(layout.map.x - vx * scale, layout.map.y - vy * scale);
  ctx.scale(scale, scale);
  ctx.lineWidth = 0.8;
  ctx.lineJoin = "round";
  ctx.strokeStyle = MAP_STROKE;
  for (const s of model.states) {
    if (!s.path) continue;
    const path = makePath(s.path);
    ctx.fillStyle = s.fill;
    ctx.fill(path);
    ctx.stroke(path);
  }
  ctx.restore();

  // Legend: one swatch per class, then the records the map cannot place.
  ctx.save();
  let y = box.y + 8;
  const lx = layout.legend.x;
  ctx.fillStyle = "#1b1b1b";
  ctx.textBaseline = "top";
  ctx.font = `bold 13px ${font}`;
  ctx.fillText(texts.legendTitle, lx, y, legendWidth);
  y += 24;
  ctx.font = `13px ${font}`;
  for (const bin of model.bins) {
    ctx.fillStyle = bin.fill;
    ctx.fillRect(lx, y, 22, 16);
    ctx.strokeStyle = MAP_STROKE;
    ctx.lineWidth = 1;
    ctx.strokeRect(lx + 0.5, y + 0.5, 21, 15);
    ctx.fillStyle = "#1b1b1b";
    ctx.fillText(binLabel(bin, texts.lng), lx + 30, y + 1, legendWidth - 30);
    y += LEGEND_ROW;
  }
  y += 10;
  ctx.font = `bold 13px ${font}`;
  ctx.fillText(`${texts.unknownLabel}: ${model.unknown === null ? texts.fewerThan : formatNumber(model.unknown, texts.lng)}`, lx, y, legendWidth);
  ctx.restore();
}
