// Lays out a chart as a self-contained image for briefings: white background,
// title, subtitle (the filters), the drawing, notes, source line and "data as
// of" date, at twice the screen resolution. The same code runs in the browser
// (the page's PNG button) and on the server (@napi-rs/canvas), so both images
// say the same things in the same places.
import type { Chart, ChartConfiguration } from "chart.js";
import { wrapWords, type ChartDocument, type ImageBody } from "./document.ts";
import { CHART_FONT } from "./register.ts";
import { mexicoPath } from "./mexico-shapes.ts";
import { drawStateMap } from "./state-map.ts";
import type { ChartContext } from "./types.ts";

export const IMAGE_WIDTH = 1000;
export const IMAGE_SCALE = 2;
/**
 * The server's PNG sizes, as scales of the IMAGE_WIDTH layout (decision 112): 2000 px wide for
 * download and print, 1000 px for previews and social cards (a whole scale keeps text and lines
 * on the pixel grid: 1200 px made 1.5 times the bytes of 1000 for no sharper image).
 */
export const PNG_SCALES = { download: IMAGE_SCALE, preview: 1 } as const;
export type PngSize = keyof typeof PNG_SCALES;
export const IMAGE_FONT = CHART_FONT;
const PAD = 28;

/** What both platforms provide: a canvas to draw on, and Path2D from SVG path data. */
export interface CanvasPlatform {
  createCanvas(width: number, height: number): HTMLCanvasElement;
  makePath(d: string): Path2D;
  /** Chart.js's constructor, with Vigía's parts registered. */
  Chart: typeof Chart;
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  return text.split("\n").flatMap((paragraph) => wrapWords(paragraph, (line) => ctx.measureText(line).width <= width));
}

interface Block {
  font: string;
  colour: string;
  lines: string[];
  lineHeight: number;
  gapAfter: number;
}

/** Draws a Chart.js chart on its own canvas at the image's resolution, for copying into the image. */
function renderChart(
  platform: CanvasPlatform,
  config: Extract<ImageBody, { kind: "chartjs" }>["config"],
  width: number,
  height: number,
  barValues: boolean,
  scale: number,
): { canvas: HTMLCanvasElement; chart: Chart } {
  const canvas = platform.createCanvas(width, height);
  const options = config.options ?? {};
  const chart = new platform.Chart(canvas, {
    ...config,
    options: {
      ...options,
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      devicePixelRatio: scale,
      // Values on the bars by default, so that a reader of the image need not find the table.
      plugins: { ...options.plugins, tooltip: { enabled: false }, barValues: { display: barValues } },
    },
  } as ChartConfiguration);
  chart.draw();
  return { canvas, chart };
}

/** Space between the drawing and its small print; the rule sits in it. */
const BODY_GAP = 14;

/**
 * Where each part of an image goes, from the heights of its text blocks: the
 * drawing's box ends above the rule, and the notes and source line start below
 * it. Pure, so that a test can hold the numbers (the map must never reach the text).
 */
export function imageLayout(width: number, headHeight: number, bodyHeight: number, footHeight: number) {
  const inner = width - 2 * PAD;
  const body = { x: PAD, y: PAD + headHeight, w: inner, h: bodyHeight };
  const ruleY = body.y + bodyHeight + BODY_GAP - 8;
  const footTop = body.y + bodyHeight + BODY_GAP;
  return { body, ruleY, footTop, total: Math.ceil(footTop + footHeight + PAD) };
}

export interface ComposeOptions {
  doc: ChartDocument;
  ctx: ChartContext;
  /** Small print at the very bottom (Vigía and, where known, the permalink). */
  credit?: string;
  /** Device pixels per CSS pixel of the layout (IMAGE_SCALE unless a smaller image is asked for). */
  scale?: number;
}

/** The finished image on a canvas of IMAGE_WIDTH (or the document's width) × height CSS pixels at `scale` (IMAGE_SCALE unless told). */
export function composeChartImage(platform: CanvasPlatform, { doc, ctx: chartCtx, credit, scale = IMAGE_SCALE }: ComposeOptions): HTMLCanvasElement {
  const { texts, body, bodyHeight } = doc;
  const width = Math.max(IMAGE_WIDTH, doc.width ?? IMAGE_WIDTH);
  const inner = width - 2 * PAD;
  const measure = platform.createCanvas(10, 10).getContext("2d")!;
  const block = (font: string, colour: string, text: string, lineHeight: number, gapAfter: number): Block => {
    measure.font = font;
    return { font, colour, lines: wrap(measure, text, inner), lineHeight, gapAfter };
  };
  const head: Block[] = [block(`bold 24px ${IMAGE_FONT}`, "#1b1b1b", texts.title, 30, 6), block(`15px ${IMAGE_FONT}`, "#444444", texts.subtitle, 20, 14)];
  const foot: Block[] = [
    ...texts.notes.map((n) => block(`13px ${IMAGE_FONT}`, "#333333", n, 17, 5)),
    block(`13px ${IMAGE_FONT}`, "#1b1b1b", texts.sourceLine, 17, 3),
    block(`bold 13px ${IMAGE_FONT}`, "#1b1b1b", texts.asOf, 17, 3),
    ...(credit ? [block(`12px ${IMAGE_FONT}`, "#595959", credit, 16, 0)] : []),
  ];
  const height = (blocks: Block[]) => blocks.reduce((h, b) => h + b.lines.length * b.lineHeight + b.gapAfter, 0);
  const layout = imageLayout(width, height(head), bodyHeight, height(foot));
  const total = layout.total;

  const canvas = platform.createCanvas(Math.round(width * scale), Math.round(total * scale));
  const g = canvas.getContext("2d")!;
  g.scale(scale, scale);
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, width, total);
  g.textBaseline = "top";
  let y = PAD;
  const drawBlocks = (blocks: Block[]) => {
    for (const b of blocks) {
      g.font = b.font;
      g.fillStyle = b.colour;
      for (const line of b.lines) {
        g.fillText(line, PAD, y);
        y += b.lineHeight;
      }
      y += b.gapAfter;
    }
  };
  drawBlocks(head);
  const box = layout.body;
  if (body.kind === "chartjs") {
    const { canvas: chartCanvas, chart } = renderChart(platform, body.config, box.w, box.h, doc.barValues ?? true, scale);
    g.drawImage(chartCanvas, box.x, box.y, box.w, box.h);
    // Chart.js clears its canvas on destroy: only after the pixels were copied.
    chart.destroy();
  } else {
    drawStateMap(
      g,
      body.model,
      box,
      platform.makePath,
      mexicoPath,
      {
        legendTitle: chartCtx.t("trends.series.people"),
        unknownLabel: chartCtx.t("taxonomy.state.unknown"),
        fewerThan: chartCtx.t("charts.fewerThan", { count: body.model.smallCountThreshold ?? 3 }),
        lng: chartCtx.lng,
      },
      IMAGE_FONT,
    );
  }
  // A thin rule between the drawing and its small print.
  g.fillStyle = "#d0d0d0";
  g.fillRect(PAD, layout.ruleY, inner, 1);
  y = layout.footTop;
  drawBlocks(foot);
  return canvas;
}
