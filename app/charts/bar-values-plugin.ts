// Values written on the bars, so that a reader need not open the data table.
// Off on the page unless asked for (?values=1, a plain link, so it works without
// JavaScript); on by default in PNG exports (?values=0 turns it off there).
// Stacked segments get their value inside when it fits; lone bars at their end.
import type { Chart, ChartType, Plugin } from "chart.js";
import type { AnyChartConfig, HeatmapChartConfig } from "./types.ts";

export interface BarValuesOptions {
  display: boolean;
}

declare module "chart.js" {
  // Declaration merging: the type parameter must match Chart.js's own declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    barValues?: Partial<BarValuesOptions>;
  }
}

const FONT_SIZE = 11;

function formatValue(value: number, chart: Chart): string {
  const locale = chart.options.locale;
  return new Intl.NumberFormat(locale).format(value);
}

export const barValuesPlugin: Plugin<"bar", BarValuesOptions> = {
  id: "barValues",
  defaults: { display: false },
  afterDatasetsDraw(chart, _args, options) {
    if (!options.display) return;
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.font = `bold ${FONT_SIZE}px ${chart.options.font?.family ?? "sans-serif"}`;
    chart.data.datasets.forEach((dataset, di) => {
      const meta = chart.getDatasetMeta(di);
      if (meta.type !== "bar" || meta.hidden || !chart.isDatasetVisible(di)) return;
      const stacked = chart.data.datasets.some(
        (d, j) => j !== di && (d as { stack?: string }).stack !== undefined && (d as { stack?: string }).stack === (dataset as { stack?: string }).stack,
      );
      meta.data.forEach((element, i) => {
        const value = dataset.data[i];
        if (typeof value !== "number" || value === 0) return;
        const { x, y, base, horizontal } = element.getProps(["x", "y", "base", "horizontal"], true) as {
          x: number;
          y: number;
          base: number;
          horizontal: boolean;
        };
        const text = formatValue(value, chart);
        const width = ctx.measureText(text).width;
        const length = Math.abs((horizontal ? x : y) - base);
        if (stacked) {
          // Inside its segment, or not at all: a value outside a stack would be read as the stack's.
          if (length < (horizontal ? width + 6 : FONT_SIZE + 4)) return;
          ctx.fillStyle = "#ffffff";
          ctx.strokeStyle = "rgba(0,0,0,0.55)";
          ctx.lineWidth = 2.5;
          ctx.textAlign = "center";
          ctx.textBaseline = "middle";
          const cx = horizontal ? (x + base) / 2 : x;
          const cy = horizontal ? y : (y + base) / 2;
          ctx.strokeText(text, cx, cy);
          ctx.fillText(text, cx, cy);
          return;
        }
        ctx.fillStyle = "#1b1b1b";
        if (horizontal) {
          ctx.textAlign = "left";
          ctx.textBaseline = "middle";
          // Past the end of the bar, or inside it when the chart's edge is too close.
          const outside = x + 4 + width <= chartArea.right;
          if (!outside) ctx.fillStyle = "#ffffff";
          ctx.fillText(text, outside ? x + 4 : x - 4 - width, y);
        } else {
          ctx.textAlign = "center";
          ctx.textBaseline = "bottom";
          ctx.fillText(text, x, Math.max(y - 2, chartArea.top + FONT_SIZE));
        }
      });
    });
    ctx.restore();
  },
};

/** The config with values on its bars shown or not (a copy; the builders' configs stay as they are). */
export function withBarValues<C extends AnyChartConfig | HeatmapChartConfig>(config: C, display: boolean): C {
  return { ...config, options: { ...config.options, plugins: { ...config.options?.plugins, barValues: { display } } } } as C;
}

/** Whether a config draws bars at all (the values toggle is offered only then). */
export function hasBars(config: AnyChartConfig | HeatmapChartConfig | null | undefined): boolean {
  if (!config) return false;
  return config.type === "bar" || (config.data.datasets as { type?: string }[]).some((d) => d.type === "bar");
}
