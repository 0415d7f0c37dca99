// Small counts of staff records, for anonymous readers (decision 099). A count
// of people that includes staff-logged records and is below the deployment's
// threshold is replaced by null before the data leaves the server; the chart then
// draws nothing there and its table and CSV say "fewer than N".
import type { ChartContext } from "./types.ts";

/** People counted, or null: fewer than the small-count threshold (withheld from anonymous readers). */
export type Count = number | null;

/** A count withheld when it is from 1 to threshold - 1 (zero says nothing about anyone). */
export function suppressCount(n: number, threshold: number): Count {
  return n >= 1 && n < threshold ? null : n;
}

/**
 * A sum of counts. A withheld count makes the sum withheld: its true value is
 * unknown here, and a sum must never let a reader work a withheld count out.
 */
export function addCounts(a: Count, b: Count): Count {
  return a === null || b === null ? null : a + b;
}

/** For sorting: a withheld count sorts as the smallest non-zero one. */
export const sortValue = (n: Count): number => n ?? 0.5;

/** Whether a row with this count is shown (zeros are left out where a chart leaves them out; withheld counts never are). */
export const isShown = (n: Count): boolean => n === null || n > 0;

/** A table or CSV cell: the number, or "fewer than N" in the reader's language. */
export function countCell(n: Count, ctx: ChartContext): number | string {
  return n === null ? ctx.t("charts.fewerThan", { count: ctx.smallCountThreshold ?? 3 }) : n;
}
