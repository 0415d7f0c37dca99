// Server-side PNG of a registered chart: the same registry functions and the
// same image layout as the page's export button, drawn by Chart.js on
// @napi-rs/canvas (Skia; no browser, no native build step).
import { createCanvas, Path2D, type Canvas } from "@napi-rs/canvas";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { composeChartImage, type CanvasPlatform, type ImageBody } from "./export-image.ts";
import { registerCharts } from "./register.ts";
import { chartConfig, chartHeight, chartMap, chartTexts, type LoadedChart } from "./registry.ts";

const platform: CanvasPlatform = {
  createCanvas: (width, height) => createCanvas(width, height) as unknown as HTMLCanvasElement,
  makePath: (d) => new Path2D(d) as unknown as globalThis.Path2D,
  Chart: registerCharts(),
};

export function imageBody(chart: LoadedChart, lng: Language): ImageBody {
  const ctx = { t: getFixedT(lng), lng };
  const config = chartConfig(chart, ctx);
  if (config) return { kind: "chartjs", config };
  return { kind: "map", model: chartMap(chart)! };
}

/** The chart as a PNG with its title, filters, notes, source and date drawn in. */
export async function renderChartPng(chart: LoadedChart, lng: Language, credit?: string): Promise<Buffer> {
  const ctx = { t: getFixedT(lng), lng };
  const canvas = composeChartImage(platform, {
    texts: chartTexts(chart, ctx),
    body: imageBody(chart, lng),
    bodyHeight: chartHeight(chart),
    ctx,
    credit,
  });
  return (canvas as unknown as Canvas).encode("png");
}
