// A scorecard's choices, read from the URL (?milestone=&months=): shared by the
// page (its GET form and export links, in the browser too) and the server.
export const DEFAULT_MILESTONE = "csp-launch";
export const DEFAULT_MONTHS = 12;
export const MAX_MONTHS = 120;

export interface ScorecardParams {
  milestoneKey: string;
  months: number;
}

export interface ScorecardProblem {
  param: "milestone" | "months";
  value: string;
}

/** Reads ?milestone=&months= ; a bad value is reported and the default used instead. */
export function parseScorecardParams(params: URLSearchParams, milestoneKeys: string[]): { params: ScorecardParams; problems: ScorecardProblem[] } {
  const problems: ScorecardProblem[] = [];
  const fallbackMilestone = milestoneKeys.includes(DEFAULT_MILESTONE) ? DEFAULT_MILESTONE : (milestoneKeys[0] ?? DEFAULT_MILESTONE);
  let milestoneKey = fallbackMilestone;
  const rawMilestone = params.get("milestone")?.trim();
  if (rawMilestone) {
    if (milestoneKeys.includes(rawMilestone)) milestoneKey = rawMilestone;
    else problems.push({ param: "milestone", value: rawMilestone });
  }
  let months = DEFAULT_MONTHS;
  const rawMonths = params.get("months")?.trim();
  if (rawMonths) {
    if (/^\d{1,3}$/.test(rawMonths) && Number(rawMonths) >= 1 && Number(rawMonths) <= MAX_MONTHS) months = Number(rawMonths);
    else problems.push({ param: "months", value: rawMonths });
  }
  return { params: { milestoneKey, months }, problems };
}

/** The query string that reproduces a scorecard's choices (for exports and permalinks). */
export function scorecardQuery(params: ScorecardParams): string {
  return new URLSearchParams({ milestone: params.milestoneKey, months: String(params.months) }).toString();
}
