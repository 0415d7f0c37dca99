// A provision's scorecard: accepted links only, counted in SQL. Shared by the
// scorecard page and its CSV and PNG exports so that all three show the same numbers.
import { monthWindow, provisionYearRange, shapeProvisionYears, type ScorecardData, type ScorecardWindow } from "~/charts/provision-years.ts";
import { coverageLines, publishedContext, windowHasCaseData, yearHasCaseData, yearsOfWindow, type CaseCoverage } from "~/domain/coverage.ts";
import { formatDate } from "~/lib/format.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { getCaseCoverage, hasCaseRecordsBetween, listMexicoAnnualFigures } from "./coverage.server.ts";
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

/** Case records with an accepted link in [from, to), and apart those with a suggestion; null for both when no case records cover the window. */
async function countWindow(provisionId: string, window: { from: string; to: string }, coverage: CaseCoverage, lng: Language): Promise<ScorecardWindow> {
  if (!windowHasCaseData(coverage, window.from, window.to) && !(await hasCaseRecordsBetween(window.from, window.to))) {
    const figures = await listMexicoAnnualFigures(yearsOfWindow(window.from, window.to));
    return { ...window, records: null, suggested: null, published: publishedContext(figures, yearsOfWindow(window.from, window.to), getFixedT(lng)) };
  }
  const [records, suggested] = await Promise.all([
    countLinkedIncidentsBetween(provisionId, day(window.from), day(window.to)),
    countLinkedIncidentsBetween(provisionId, day(window.from), day(window.to), "suggested"),
  ]);
  return { ...window, records, suggested, published: [] };
}

export async function getScorecard(
  code: string,
  lng: Language,
  { milestones, milestone, months }: ScorecardChoice,
  now = new Date(),
): Promise<Scorecard | null> {
  const provision = await getProvisionByCode(code, lng);
  if (!provision) return null;
  const coverage = await getCaseCoverage(now);
  const pivot = milestone?.date ?? null;
  const madeOn = provision.madeOn;
  const sinceCovered = !!madeOn && (windowHasCaseData(coverage, madeOn, null) || (await hasCaseRecordsBetween(madeOn, null)));
  const [years, suggestedYears, before, after, sinceCount, sinceSuggested, statusCounts] = await Promise.all([
    countLinkedIncidentsByYear(provision.id),
    countLinkedIncidentsByYear(provision.id, {}, "suggested"),
    pivot ? countWindow(provision.id, monthWindow(pivot, months, "before"), coverage, lng) : null,
    pivot ? countWindow(provision.id, monthWindow(pivot, months, "after"), coverage, lng) : null,
    madeOn && sinceCovered ? countLinkedIncidentsBetween(provision.id, day(madeOn), null) : null,
    madeOn && sinceCovered ? countLinkedIncidentsBetween(provision.id, day(madeOn), null, "suggested") : null,
    countLinksByStatus(provision.id),
  ]);
  const range = provisionYearRange([...years, ...suggestedYears], now.getUTCFullYear());
  const today = now.toISOString().slice(0, 10);
  const t = getFixedT(lng);
  return {
    provision,
    milestones,
    pending: statusCounts.suggested,
    afterIncomplete: !!after && after.to > today,
    today,
    data: {
      rows: shapeProvisionYears(years, suggestedYears, range.yearFrom, range.yearTo, (y) => yearHasCaseData(coverage, y)),
      milestones,
      milestone: milestone ? { key: milestone.key, date: milestone.date, label: milestone.label } : null,
      months,
      before,
      after,
      sinceMade: madeOn ? { from: madeOn, records: sinceCount, suggested: sinceSuggested } : null,
      coverage: coverageLines(coverage, t, (d) => formatDate(d, lng)),
    },
  };
}
