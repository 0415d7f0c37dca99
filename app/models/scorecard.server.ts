// A provision's scorecard: accepted links only, counted in SQL. Shared by the
// scorecard page and its CSV and PNG exports so that all three show the same numbers.
import { monthWindow, provisionYearRange, shapeProvisionYears, type ScorecardData } from "~/charts/provision-years.ts";
import type { Language } from "~/lib/i18n.ts";
import { countLinkedIncidentsBetween, countLinkedIncidentsByYear, countLinksByStatus } from "./link.server.ts";
import { listMilestones, type MilestoneView } from "./milestone.server.ts";
import { getProvisionByCode, type ProvisionDetail } from "./provision.server.ts";
import { parseScorecardParams, type ScorecardParams, type ScorecardProblem } from "~/domain/scorecard-params.ts";

export { DEFAULT_MILESTONE, DEFAULT_MONTHS, MAX_MONTHS, scorecardQuery } from "~/domain/scorecard-params.ts";

export interface Scorecard {
  provision: ProvisionDetail;
  data: ScorecardData;
  milestones: MilestoneView[];
  params: ScorecardParams;
  problems: ScorecardProblem[];
  /** Suggestions not yet reviewed: not counted, said so */
  pending: number;
  /** The after-window ends in the future: its count can still grow */
  afterIncomplete: boolean;
  today: string;
}

export async function getScorecard(code: string, lng: Language, search: URLSearchParams, now = new Date()): Promise<Scorecard | null> {
  const provision = await getProvisionByCode(code, lng);
  if (!provision) return null;
  const milestones = await listMilestones(lng);
  const { params, problems } = parseScorecardParams(
    search,
    milestones.map((m) => m.key),
  );
  const milestone = milestones.find((m) => m.key === params.milestoneKey) ?? null;
  const pivot = milestone?.date ?? "2025-09-18";
  const before = monthWindow(pivot, params.months, "before");
  const after = monthWindow(pivot, params.months, "after");
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const [years, beforeCount, afterCount, sinceCount, statusCounts] = await Promise.all([
    countLinkedIncidentsByYear(provision.id),
    countLinkedIncidentsBetween(provision.id, date(before.from), date(before.to)),
    countLinkedIncidentsBetween(provision.id, date(after.from), date(after.to)),
    provision.madeOn ? countLinkedIncidentsBetween(provision.id, date(provision.madeOn), null) : Promise.resolve(null),
    countLinksByStatus(provision.id),
  ]);
  const range = provisionYearRange(years, now.getUTCFullYear());
  const today = now.toISOString().slice(0, 10);
  return {
    provision,
    milestones,
    params,
    problems,
    pending: statusCounts.suggested,
    afterIncomplete: after.to > today,
    today,
    data: {
      rows: shapeProvisionYears(years, range.yearFrom, range.yearTo),
      milestones,
      milestone: { key: milestone?.key ?? params.milestoneKey, date: pivot, label: milestone?.label ?? params.milestoneKey },
      months: params.months,
      before: { ...before, records: beforeCount },
      after: { ...after, records: afterCount },
      sinceMade: provision.madeOn && sinceCount !== null ? { from: provision.madeOn, records: sinceCount } : null,
    },
  };
}
