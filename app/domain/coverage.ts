// What data covers a window of time: Global Witness case records run from their
// first to their last record's date; staff records from the day the first was
// logged to today; published annual figures to their last year. A window that no
// case records cover has nothing to count: it reads "no case-level data", never 0.

import { gwDatasetSource } from "./gw-source.ts";

export interface CaseCoverage {
  /** First and last Global Witness record dates (YYYY-MM-DD); null when none is loaded */
  gw: { from: string; to: string } | null;
  /** The day the first staff record was logged (YYYY-MM-DD); null when none has been */
  staffFrom: string | null;
  /** The last year with a published annual figure for Mexico; null when none */
  publishedTo: number | null;
  /** Years holding at least one counted case record (Global Witness or verified staff), whenever it was logged */
  yearsWithRecords: number[];
  /** YYYY-MM-DD */
  today: string;
  /** The day an import of the Global Witness dataset last created or changed records (YYYY-MM-DD); null when none has */
  gwImportedOn: string | null;
}

/**
 * Whether case records cover any of the window [from, to) (dates YYYY-MM-DD; `to`
 * exclusive, null = open) by their sources' spans. A record staff logged later
 * about an earlier date covers its window too: the model checks that apart.
 */
export function windowHasCaseData(coverage: CaseCoverage, from: string, to: string | null): boolean {
  const overlaps = (a: string, b: string) => a < (to ?? "9999-12-31") && b >= from;
  if (coverage.gw && overlaps(coverage.gw.from, coverage.gw.to)) return true;
  if (coverage.staffFrom && overlaps(coverage.staffFrom, coverage.today)) return true;
  return false;
}

export function yearHasCaseData(coverage: CaseCoverage, year: number): boolean {
  return coverage.yearsWithRecords.includes(year) || windowHasCaseData(coverage, `${year}-01-01`, `${year + 1}-01-01`);
}

/** The calendar years a window [from, to) touches. */
export function yearsOfWindow(from: string, to: string): number[] {
  const first = Number(from.slice(0, 4));
  const lastDay = new Date(`${to}T00:00:00Z`);
  lastDay.setUTCDate(lastDay.getUTCDate() - 1);
  const last = lastDay.getUTCFullYear();
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
}

/** A published single-year figure for Mexico (killed, disappeared, or both together). */
export interface AnnualFigureInput {
  year: number;
  metric: string;
  value: number | null;
  source: { title: string };
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** "Published figure for 2024: 18 killed and 1 disappeared (source)" for each year; "No published figure for 2025." when none. */
export function publishedContext(figures: AnnualFigureInput[], years: number[], t: Translate): string[] {
  return years.map((year) => {
    const ofYear = figures.filter((f) => f.year === year && f.value !== null);
    if (!ofYear.length) return t("provisions.coverage.publishedMissing", { year });
    const order = ["killed", "killed_or_disappeared", "disappeared"];
    const parts = [...ofYear]
      .sort((a, b) => order.indexOf(a.metric) - order.indexOf(b.metric))
      .map((f) => t(`provisions.coverage.${f.metric}`, { count: f.value! }));
    const sources = [...new Set(ofYear.map((f) => f.source.title))].join("; ");
    return t("provisions.coverage.publishedContext", { year, figures: parts.join(t("provisions.coverage.and")), source: sources });
  });
}

/** The source line of counts of linked case records (provision pages, scorecards, the matrix). */
export function linkedCasesSource(gwImportedOn: string | null, t: Translate, formatDay: (iso: string) => string): string {
  return t("provisions.casesSource", { gwDataset: gwDatasetSource(gwImportedOn, t, formatDay) });
}

/** The coverage in three sentences, for pages, PNGs and CSVs alike. */
export function coverageLines(coverage: CaseCoverage, t: Translate, formatDay: (iso: string) => string): string[] {
  const gwSpan = coverage.gw && { from: formatDay(coverage.gw.from), to: formatDay(coverage.gw.to) };
  return [
    !gwSpan
      ? t("provisions.coverage.gwNone")
      : coverage.gwImportedOn
        ? t("provisions.coverage.gwImported", { ...gwSpan, date: formatDay(coverage.gwImportedOn) })
        : t("provisions.coverage.gw", gwSpan),
    coverage.publishedTo !== null ? t("provisions.coverage.published", { year: coverage.publishedTo }) : t("provisions.coverage.publishedNone"),
    coverage.staffFrom ? t("provisions.coverage.staff", { date: formatDay(coverage.staffFrom) }) : t("provisions.coverage.staffNone"),
  ];
}
