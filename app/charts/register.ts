// The one registration of Chart.js parts, shared by the page and (later) the
// server-side PNG renderer. Tree-shaken: only what Vigía draws. No Filler: no dataset
// fills an area (docs/decisions/115-chart-js-without-filler.md).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from "chart.js";
import { barValuesPlugin } from "./bar-values-plugin.ts";
import { hatchBarsPlugin } from "./hatch.ts";
import { heatmapPlugin } from "./heatmap-plugin.ts";
import { milestonePlugin } from "./milestone-plugin.ts";

export const CHART_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif';

let registered = false;
export function registerCharts(): typeof Chart {
  if (!registered) {
    Chart.register(
      BarController,
      BarElement,
      LineController,
      LineElement,
      PointElement,
      CategoryScale,
      LinearScale,
      Legend,
      Tooltip,
      milestonePlugin,
      hatchBarsPlugin,
    );
    // The same type on the page, in the browser's PNG and on the server (which has Liberation/DejaVu).
    Chart.defaults.font.family = CHART_FONT;
    Chart.defaults.color = "#333333";
    // Accountability matrix: a heat map on two category axes.
    Chart.register(ScatterController, heatmapPlugin);
    // Values on bars: off unless a chart's options turn it on (exports do by default).
    Chart.register(barValuesPlugin);
    registered = true;
  }
  return Chart;
}
