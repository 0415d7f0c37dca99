// A provision's scorecard: accepted links only, counted in SQL. Shared by the
// scorecard page and its CSV and PNG exports so that all three show the same numbers.
import {
  monthWindow,
  provisionYearRange,
  shapeProvisionYears,
  withholdProvisionYears,
  withholdSpan,
  yearsTotal,
  type ProvisionYearRow,
  type ScorecardData,
  type ScorecardWindow,
} from "~/charts/provision-years.ts";
import type { ChartReader } from "~/charts/query.ts";
import { suppressCount, type Count } from "~/charts/small-counts.ts";
import { coverageLines, linkedCasesSource, publishedContext, windowHasCaseData, yearHasCaseData, yearsOfWindow, type CaseCoverage } from "~/domain/coverage.ts";
import { formatDate } from "~/lib/format.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { smallCountThreshold } from "./chart-data.server.ts";
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
  /** Suggestions not yet reviewed: not counted, said so; null when withheld (decision 109) */
  pending: Count;
  /** The after-window ends in the future: its count can still grow */
  afterIncomplete: boolean;
  today: string;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Case records with an accepted link in [from, to), and apart those with a suggestion; null for both when no case records cover the window. */
async function countWindow(provisionId: string, window: { from: string; to: string }, coverage: CaseCoverage, lng: Language): Promise<ScorecardWindow> {
  if (!windowHasCaseData(coverage, window.from, window.to) && !(await hasCaseRecordsBetween(window.from, window.to))) {
    const figures = await listMexicoAnnualFigures(yearsOfWindow(window.from, window.to));
    return {
      ...window,
      covered: false,
      records: null,
      suggested: null,
      published: publishedContext(figures, yearsOfWindow(window.from, window.to), getFixedT(lng)),
    };
  }
  const [records, suggested] = await Promise.all([
    countLinkedIncidentsBetween(provisionId, day(window.from), day(window.to)),
    countLinkedIncidentsBetween(provisionId, day(window.from), day(window.to), "suggested"),
  ]);
  return { ...window, covered: true, records, suggested, published: [] };
}

/**
 * A provision's yearly counts for this reader: for an anonymous one, when staff
 * records are counted at all, small counts are withheld (decisions 099, 109).
 * Shared by the provision page and the scorecard.
 */
export async function provisionYearsForReader(rows: ProvisionYearRow[], reader: ChartReader): Promise<{ rows: ProvisionYearRow[]; threshold: number | null }> {
  const threshold = await smallCountThreshold(reader, {});
  return { rows: threshold === null ? rows : withholdProvisionYears(rows, threshold), threshold };
}

/** A total of one layer's links, withheld where a year of that layer is withheld or where it is small. */
export function totalForReader(n: number, rows: ProvisionYearRow[], layer: "records" | "suggested", threshold: number | null): Count {
  if (threshold === null) return n;
  return yearsTotal(rows, layer) === null ? null : suppressCount(n, threshold);
}

/** The scorecard as this reader may have it: small counts of staff records withheld from anonymous readers (decision 109). */
export async function getScorecard(
  code: string,
  lng: Language,
  { milestones, milestone, months }: ScorecardChoice,
  reader: ChartReader,
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
  const { rows, threshold } = await provisionYearsForReader(
    shapeProvisionYears(years, suggestedYears, range.yearFrom, range.yearTo, (y) => yearHasCaseData(coverage, y)),
    reader,
  );
  // A window's count is withheld where it is small or overlaps a withheld year (else window minus years gives it away).
  const span = <W extends { from: string; covered: boolean; records: Count; suggested: Count }>(w: W, to: string | null): W =>
    threshold === null || !w.covered
      ? w
      : {
          ...w,
          records: withholdSpan(w.records, { from: w.from, to }, rows, "records", threshold),
          suggested: withholdSpan(w.suggested, { from: w.from, to }, rows, "suggested", threshold),
        };
  const sinceMade = madeOn ? { from: madeOn, covered: sinceCount !== null, records: sinceCount, suggested: sinceSuggested } : null;
  return {
    provision,
    milestones,
    pending: totalForReader(statusCounts.suggested, rows, "suggested", threshold),
    afterIncomplete: !!after && after.to > today,
    today,
    data: {
      rows,
      milestones,
      milestone: milestone ? { key: milestone.key, date: milestone.date, label: milestone.label } : null,
      months,
      before: before && span(before, before.to),
      after: after && span(after, after.to),
      sinceMade: sinceMade && span(sinceMade, null),
      coverage: coverageLines(coverage, t, (d) => formatDate(d, lng)),
      source: linkedCasesSource(coverage.gwImportedOn, t, (d) => formatDate(d, lng)),
      ...(threshold === null ? {} : { smallCountThreshold: threshold }),
    },
  };
}
