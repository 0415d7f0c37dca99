// A scorecard's choices, read from the URL (?milestone=&months=): shared by the
// page (its GET form and export links, in the browser too) and the server.
export const DEFAULT_MILESTONE = "csp-launch";
export const DEFAULT_MONTHS = 12;
export const MAX_MONTHS = 120;

export interface ScorecardParams {
  /** The milestone the before/after windows are drawn around; null when no milestone has been recorded. */
  milestoneKey: string | null;
  months: number;
}

export interface ScorecardProblem {
  param: "milestone" | "months";
  value: string;
}

/**
 * Reads ?milestone=&months= against the milestones that exist; a bad value is
 * reported and the default used instead (the partnership launch, or else the
 * first milestone). Without any milestone there is nothing to choose: the
 * scorecard then says so rather than inventing a date.
 */
export function parseScorecardParams<M extends { key: string }>(
  params: URLSearchParams,
  milestones: M[],
): { params: ScorecardParams; milestone: M | null; problems: ScorecardProblem[] } {
  const problems: ScorecardProblem[] = [];
  const byKey = (key: string) => milestones.find((m) => m.key === key) ?? null;
  let milestone = byKey(DEFAULT_MILESTONE) ?? milestones[0] ?? null;
  const rawMilestone = params.get("milestone")?.trim();
  if (rawMilestone) {
    const chosen = byKey(rawMilestone);
    if (chosen) milestone = chosen;
    else problems.push({ param: "milestone", value: rawMilestone });
  }
  let months = DEFAULT_MONTHS;
  const rawMonths = params.get("months")?.trim();
  if (rawMonths) {
    if (/^\d{1,3}$/.test(rawMonths) && Number(rawMonths) >= 1 && Number(rawMonths) <= MAX_MONTHS) months = Number(rawMonths);
    else problems.push({ param: "months", value: rawMonths });
  }
  return { params: { milestoneKey: milestone?.key ?? null, months }, milestone, problems };
}

/** The query string that reproduces a scorecard's choices (for exports and permalinks). */
export function scorecardQuery(params: ScorecardParams): string {
  const query = new URLSearchParams();
  if (params.milestoneKey) query.set("milestone", params.milestoneKey);
  query.set("months", String(params.months));
  return query.toString();
}
