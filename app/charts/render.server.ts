// The one server-side PNG renderer: an export document (a registered chart, the
// accountability matrix, a scorecard) laid out by export-image.ts exactly as the
// page's export button does it, drawn by Chart.js on @napi-rs/canvas (Skia; no
// browser, no native build step).
import { createCanvas, Path2D, type Canvas } from "@napi-rs/canvas";
import { recompressPng } from "~/lib/png.server.ts";
import type { ChartDocument } from "./document.ts";
import { composeChartImage, PNG_SCALES, type CanvasPlatform, type PngSize } from "./export-image.ts";
import { registerCharts } from "./register.ts";
import type { ChartContext } from "./types.ts";

const platform: CanvasPlatform = {
  createCanvas: (width, height) => createCanvas(width, height) as unknown as HTMLCanvasElement,
  makePath: (d) => new Path2D(d) as unknown as globalThis.Path2D,
  Chart: registerCharts(),
};

/** The document as a PNG with its title, filters, notes, source, date and credit drawn in, 2000 px wide or the preview's 1000 (decision 112). */
export async function renderDocumentPng(doc: ChartDocument, ctx: ChartContext, credit?: string, size: PngSize = "download"): Promise<Uint8Array> {
  const canvas = composeChartImage(platform, { doc, ctx, credit, scale: PNG_SCALES[size] });
  // Skia deflates fast; deflated again, the same image is about a fifth smaller (decision 120).
  return recompressPng(await (canvas as unknown as Canvas).encode("png"));
}
