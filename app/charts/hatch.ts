// Diagonal hatching: the mark of suggestions nobody has reviewed yet, in every
// image and canvas (a pattern, not a colour, so it reads in greyscale and print).
// Shared by the hatched bars plugin and the heat map's cells.
import type { Chart, ChartType, Plugin } from "chart.js";

/** Draws diagonal lines across a rectangle, clipped to it. */
export function hatchRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, ink = "#1b1b1b", gap = 6): void {
  if (w <= 0 || h <= 0) return;
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  ctx.strokeStyle = ink;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let d = -h; d < w; d += gap) {
    ctx.moveTo(x + d, y + h);
    ctx.lineTo(x + d + h, y);
  }
  ctx.stroke();
  ctx.restore();
}

export interface HatchBarsOptions {
  /** Indexes of the datasets whose bars are hatched */
  datasets?: number[];
}

declare module "chart.js" {
  // Declaration merging: the type parameter must match Chart.js's own declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    hatchBars?: HatchBarsOptions;
  }
}

/** Hatches the bars of the listed datasets (drawn over their outline-only bars). */
export const hatchBarsPlugin: Plugin = {
  id: "hatchBars",
  afterDatasetsDraw(chart: Chart, _args, options: HatchBarsOptions) {
    const { ctx } = chart;
    for (const index of options?.datasets ?? []) {
      const meta = chart.getDatasetMeta(index);
      if (meta.hidden) continue;
      for (const bar of meta.data) {
        const { x, y, base, width } = bar.getProps(["x", "y", "base", "width"], true) as { x: number; y: number; base: number; width: number };
        if (!Number.isFinite(y) || !Number.isFinite(base)) continue;
        hatchRect(ctx, x - width / 2, Math.min(y, base), width, Math.abs(base - y));
      }
    }
  },
};
