// Helpers shared by the charts on a time axis (one category per year).
import type { LegendItem } from "chart.js";
import { formatDate } from "~/lib/format.ts";
import { milestonesInRange, type MilestoneInput } from "./annual-trend.ts";
import { wrapWords } from "./document.ts";
import { addCounts, type Count } from "./small-counts.ts";
import type { AnyChartConfig, ChartContext, YearCount, YearSpan } from "./types.ts";

export function yearsOf(span: YearSpan): number[] {
  return Array.from({ length: Math.max(0, span.to - span.from + 1) }, (_, i) => span.from + i);
}

/** People per year over the whole span: years without records are 0, never missing. */
export function perYear(counts: YearCount[], span: YearSpan): { year: number; people: Count }[] {
  const by = new Map<number, Count>();
  for (const c of counts) by.set(c.year, addCounts(by.get(c.year) ?? 0, c.people));
  return yearsOf(span).map((year) => ({ year, people: by.get(year) ?? 0 }));
}

/** The milestone marks of a span for the plugin. */
export function milestoneMarks(milestones: MilestoneInput[], span: YearSpan) {
  return milestonesInRange(milestones, span.from, span.to).marks;
}

/** Legend entries in the order of the datasets (Chart.js otherwise puts line series first when they are drawn on top). */
export const legendInDatasetOrder = (a: LegendItem, b: LegendItem) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0);

/**
 * Options of a stacked bar chart with one category per year: people on the y axis
 * (from zero unless `beginAtZero` is false, for values that can be negative),
 * legend below (in dataset order when asked) and the milestones of the span marked.
 */
export function stackedYearOptions(
  span: YearSpan,
  milestones: MilestoneInput[],
  { t }: ChartContext,
  { beginAtZero = true, datasetOrderLegend = false }: { beginAtZero?: boolean; datasetOrderLegend?: boolean } = {},
): AnyChartConfig["options"] {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    interaction: { mode: "index", intersect: false },
    scales: {
      x: { stacked: true, grid: { display: false } },
      y: { stacked: true, ...(beginAtZero ? { beginAtZero: true } : {}), ticks: { precision: 0 }, title: { display: true, text: t("trends.series.people") } },
    },
    plugins: {
      legend: { position: "bottom", ...(datasetOrderLegend ? { labels: { sort: legendInDatasetOrder } } : {}) },
      milestones: { marks: milestoneMarks(milestones, span) },
    },
  };
}

/** "1. 25 June 2012: ..." lines, numbered as on the chart, for images and plain text. */
export function milestoneLines(milestones: MilestoneInput[], span: YearSpan, { t, lng }: ChartContext): string[] {
  const { inside } = milestonesInRange(milestones, span.from, span.to);
  if (!inside.length) return [];
  return [`${t("charts.milestones")}: ${inside.map((m, i) => `(${i + 1}) ${formatDate(m.date, lng)}: ${m.label}`).join("; ")}`];
}

/** A long category label as several tick lines of at most `width` characters, so that it is never cut off. */
export function wrapLabel(label: string, width = 30): string | string[] {
  if (label.length <= width) return label;
  return wrapWords(label, (line) => line.length <= width);
}
