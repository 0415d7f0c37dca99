// Helpers shared by the charts on a time axis (one category per year).
import { formatDate } from "~/lib/format.ts";
import { milestonesInRange, type MilestoneInput } from "./annual-trend.ts";
import type { ChartContext, YearCount, YearSpan } from "./types.ts";

export function yearsOf(span: YearSpan): number[] {
  return Array.from({ length: Math.max(0, span.to - span.from + 1) }, (_, i) => span.from + i);
}

/** People per year over the whole span: years without records are 0, never missing. */
export function perYear(counts: YearCount[], span: YearSpan): { year: number; people: number }[] {
  const by = new Map<number, number>();
  for (const c of counts) by.set(c.year, (by.get(c.year) ?? 0) + c.people);
  return yearsOf(span).map((year) => ({ year, people: by.get(year) ?? 0 }));
}

/** The milestone marks of a span for the plugin. */
export function milestoneMarks(milestones: MilestoneInput[], span: YearSpan) {
  return milestonesInRange(milestones, span.from, span.to).marks;
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
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(" ")) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
