// A provision's scorecard: accepted links only, counted in SQL. Shared by the
// scorecard page and its CSV and PNG exports so that all three show the same numbers.
import { monthWindow, provisionYearRange, shapeProvisionYears, type ScorecardData, type ScorecardWindow } from "~/charts/provision-years.ts";
import type { Language } from "~/lib/i18n.ts";
import { countLinkedIncidentsBetween, countLinkedIncidentsByYear, countLinksByStatus } from "./link.server.ts";
import type { MilestoneView } from "./milestone.server.ts";
import { getProvisionByCode, type ProvisionDetail } from "./provision.server.ts";

export interface ScorecardChoice {
  /** Every milestone, marked on the chart by year. */
  milestones: MilestoneView[];
  /** The milestone whose date the before/after windows are drawn around; null when none has been recorded. */
  milestone: MilestoneView | null;
  /** Months on each side of the milestone. */
  months: number;
}

export interface Scorecard {
  provision: ProvisionDetail;
  data: ScorecardData;
  milestones: MilestoneView[];
  /** Suggestions not yet reviewed: not counted, said so */
  pending: number;
  /** The after-window ends in the future: its count can still grow */
  afterIncomplete: boolean;
  today: string;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Case records with an accepted link in [from, to). */
async function countWindow(provisionId: string, window: { from: string; to: string }): Promise<ScorecardWindow> {
  return { ...window, records: await countLinkedIncidentsBetween(provisionId, day(window.from), day(window.to)) };
}

export async function getScorecard(
  code: string,
  lng: Language,
  { milestones, milestone, months }: ScorecardChoice,
  now = new Date(),
): Promise<Scorecard | null> {
  const provision = await getProvisionByCode(code, lng);
  if (!provision) return null;
  const pivot = milestone?.date ?? null;
  const [years, before, after, sinceCount, statusCounts] = await Promise.all([
    countLinkedIncidentsByYear(provision.id),
    pivot ? countWindow(provision.id, monthWindow(pivot, months, "before")) : null,
    pivot ? countWindow(provision.id, monthWindow(pivot, months, "after")) : null,
    provision.madeOn ? countLinkedIncidentsBetween(provision.id, day(provision.madeOn), null) : null,
    countLinksByStatus(provision.id),
  ]);
  const range = provisionYearRange(years, now.getUTCFullYear());
  const today = now.toISOString().slice(0, 10);
  return {
    provision,
    milestones,
    pending: statusCounts.suggested,
    afterIncomplete: !!after && after.to > today,
    today,
    data: {
      rows: shapeProvisionYears(years, range.yearFrom, range.yearTo),
      milestones,
      milestone: milestone ? { key: milestone.key, date: milestone.date, label: milestone.label } : null,
      months,
      before,
      after,
      sinceMade: provision.madeOn && sinceCount !== null ? { from: provision.madeOn, records: sinceCount } : null,
    },
  };
}
