// Draws the cells of a heat map on a chart whose two axes are category scales
// (years across, provisions down): one shaded rectangle per cell with its count
// written in it, so the numbers stay readable in the PNG and in print.
import type { Chart, ChartType, Plugin } from "chart.js";
import { hatchRect } from "./hatch.ts";

export interface HeatCell {
  /** Index on the x (category) axis */
  x: number;
  /** Index on the y (category) axis */
  y: number;
  fill: string;
  text: string;
  /** Text colour that contrasts with the fill */
  ink: string;
  /** The whole cell is hatched: it counts suggestions not yet reviewed */
  hatched?: boolean;
  /** The suggestions of the cell, drawn apart in its lower part on a hatched band (never added to `text`) */
  suggested?: string;
}

export interface HeatmapPluginOptions {
  cells?: HeatCell[];
}

declare module "chart.js" {
  // Declaration merging: the type parameter must match Chart.js's own declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    heatCells?: HeatmapPluginOptions;
  }
}

export const heatmapPlugin: Plugin = {
  id: "heatCells",
  beforeDatasetsDraw(chart: Chart, _args, options: HeatmapPluginOptions) {
    const cells = options?.cells ?? [];
    const { x, y } = chart.scales;
    if (!cells.length || !x || !y) return;
    const w = Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)) || chart.chartArea.width;
    const h = Math.abs(y.getPixelForValue(1) - y.getPixelForValue(0)) || chart.chartArea.height;
    const { ctx } = chart;
    ctx.save();
    const twoLayers = cells.some((c) => c.suggested !== undefined);
    ctx.font = `${Math.max(9, Math.min(13, Math.floor(h * (twoLayers ? 0.32 : 0.55))))}px sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (const cell of cells) {
      const cx = x.getPixelForValue(cell.x);
      const cy = y.getPixelForValue(cell.y);
      const left = cx - w / 2 + 1;
      const top = cy - h / 2 + 1;
      ctx.fillStyle = cell.fill;
      ctx.fillRect(left, top, w - 2, h - 2);
      if (cell.suggested !== undefined) {
        // Two layers in one cell: accepted above on its shade, suggestions below on a hatched band.
        const band = (h - 2) / 2;
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(left, top + band, w - 2, band);
        hatchRect(ctx, left, top + band, w - 2, band, "#9a9a9a", 5);
        ctx.fillStyle = cell.ink;
        ctx.fillText(cell.text, cx, top + band / 2 + 0.5);
        const label = cell.suggested;
        const width = ctx.measureText(label).width + 6;
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(cx - width / 2, top + band + 1, width, band - 2);
        ctx.fillStyle = "#1b1b1b";
        ctx.fillText(label, cx, top + band + band / 2 + 0.5);
        continue;
      }
      if (cell.hatched) hatchRect(ctx, left, top, w - 2, h - 2, "#9a9a9a", 5);
      if (cell.hatched) {
        const width = ctx.measureText(cell.text).width + 6;
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(cx - width / 2, cy - h / 4, width, h / 2);
      }
      ctx.fillStyle = cell.ink;
      ctx.fillText(cell.text, cx, cy + 0.5);
    }
    ctx.restore();
  },
};
