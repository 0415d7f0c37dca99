// The page's "Download PNG" button: the same image layout as the server's PNG,
// drawn in the browser from the chart's registry functions at twice the screen
// resolution, on a white background.
import { composeChartImage, type CanvasPlatform } from "./export-image.ts";
import { registerCharts } from "./register.ts";
import { chartDocument, type LoadedChart } from "./registry.ts";
import type { ChartContext } from "./types.ts";

function browserPlatform(): CanvasPlatform {
  return {
    createCanvas(width, height) {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      return canvas;
    },
    makePath: (d) => new Path2D(d),
    Chart: registerCharts(),
  };
}

export function chartImageBlob(chart: LoadedChart, ctx: ChartContext, credit?: string): Promise<Blob> {
  const canvas = composeChartImage(browserPlatform(), { doc: chartDocument(chart, ctx), ctx, credit });
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG export failed"))), "image/png"));
}

export async function downloadChartPng(chart: LoadedChart, ctx: ChartContext, filename: string, credit?: string): Promise<void> {
  const blob = await chartImageBlob(chart, ctx, credit);
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
