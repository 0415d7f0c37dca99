// Draws the cells of a heat map on a chart whose two axes are category scales
// (years across, provisions down): one shaded rectangle per cell with its count
// written in it, so the numbers stay readable in the PNG and in print.
import type { Chart, ChartType, Plugin } from "chart.js";

export interface HeatCell {
  /** Index on the x (category) axis */
  x: number;
  /** Index on the y (category) axis */
  y: number;
  fill: string;
  text: string;
  /** Text colour that contrasts with the fill */
  ink: string;
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
    ctx.font = `${Math.max(9, Math.min(13, Math.floor(h * 0.55)))}px sans-serif`;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (const cell of cells) {
      const cx = x.getPixelForValue(cell.x);
      const cy = y.getPixelForValue(cell.y);
      ctx.fillStyle = cell.fill;
      ctx.fillRect(cx - w / 2 + 1, cy - h / 2 + 1, w - 2, h - 2);
      ctx.fillStyle = cell.ink;
      ctx.fillText(cell.text, cx, cy + 0.5);
    }
    ctx.restore();
  },
};
