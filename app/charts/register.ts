// The one registration of Chart.js parts, shared by the page and (later) the
// server-side PNG renderer. Tree-shaken: only what Vigía draws.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from "chart.js";
import { heatmapPlugin } from "./heatmap-plugin.ts";
import { milestonePlugin } from "./milestone-plugin.ts";

let registered = false;
export function registerCharts(): typeof Chart {
  if (!registered) {
    Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip, Filler, milestonePlugin);
    // Accountability matrix (issue 5): a heat map on two category axes.
    Chart.register(ScatterController, heatmapPlugin);
    registered = true;
  }
  return Chart;
}
