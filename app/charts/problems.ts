// Filter problems in words: which filter is wrong and why, in the reader's language.
import type { FilterProblem } from "~/domain/incident-filter.ts";
import type { ChartContext } from "./types.ts";

/** The URL parameters of the trends filters, in the order the form shows them. */
export const FILTER_FIELDS = [
  "from",
  "to",
  "country",
  "state",
  "sector",
  "perpetrator",
  "characteristic",
  "gender",
  "outcome",
  "origin",
  "verification",
  "figures",
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export function filterLabel(param: string, { t }: Pick<ChartContext, "t">): string {
  return (FILTER_FIELDS as readonly string[]).includes(param) ? t(`trends.filters.${param as FilterField}`) : param;
}

export function problemMessage(problem: FilterProblem, ctx: Pick<ChartContext, "t">): string {
  const filter = filterLabel(problem.param, ctx);
  return ctx.t(`trends.problems.${problem.reason}`, { filter, value: problem.value });
}

export function problemMessages(problems: FilterProblem[], ctx: Pick<ChartContext, "t">): string[] {
  return problems.map((p) => problemMessage(p, ctx));
}
