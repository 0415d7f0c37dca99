// Draws numbered dashed lines for milestones on a category (year) axis. The
// numbers match the milestone list printed under the chart, so the chart stays
// readable when labels would collide, and screen readers get the list.
import type { Chart, ChartType, Plugin } from "chart.js";

export interface MilestoneMark {
  /** Position in category units: index of the year, plus the fraction of the year elapsed, minus 0.5. */
  position: number;
  number: number;
}

export interface MilestonePluginOptions {
  marks?: MilestoneMark[];
  color?: string;
}

declare module "chart.js" {
  // Declaration merging: the type parameter must match Chart.js's own declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    milestones?: MilestonePluginOptions;
  }
}

/** Where a date falls on an axis whose categories are consecutive years starting at firstYear. */
export function milestonePosition(date: string, firstYear: number): number {
  const d = new Date(`${date}T00:00:00Z`);
  const year = d.getUTCFullYear();
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  return year - firstYear - 0.5 + (d.getTime() - start) / (end - start);
}

export const milestonePlugin: Plugin<"bar" | "line"> = {
  id: "milestones",
  afterDatasetsDraw(chart: Chart, _args, options: MilestonePluginOptions) {
    const marks = options?.marks ?? [];
    const x = chart.scales.x;
    if (!marks.length || !x) return;
    const { ctx, chartArea } = chart;
    const step = x.getPixelForValue(1) - x.getPixelForValue(0);
    ctx.save();
    let lastPx = -Infinity;
    let row = 0;
    for (const mark of marks) {
      const px = x.getPixelForValue(0) + mark.position * step;
      if (px < chartArea.left || px > chartArea.right) continue;
      // Marks closer than a badge's width are stacked downwards so their numbers stay legible.
      row = px - lastPx < 18 ? row + 1 : 0;
      lastPx = px;
      const cy = chartArea.top + 7 + row * 18;
      ctx.strokeStyle = options.color ?? "#444";
      ctx.lineWidth = 1.5;
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(px, cy + 7);
      ctx.lineTo(px, chartArea.bottom);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = "#fff";
      ctx.beginPath();
      ctx.arc(px, cy, 8, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = options.color ?? "#444";
      ctx.font = "bold 10px sans-serif";
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(String(mark.number), px, cy + 0.5);
    }
    ctx.restore();
  },
};
