// What case records a chart actually counts, in words computed from the rows
// counted (first and last year per origin), never from what the seed held when
// a sentence was written: a staff record of 2026 must change the note.
import { listInWords, yearsInWords } from "./filter-words.ts";
import type { CaseCoverage, ChartContext } from "./types.ts";

/** "Case records counted: Global Witness dataset, 2012–2021, and Logged by staff, 2026." */
export function coverageNote(coverage: readonly CaseCoverage[], ctx: ChartContext): string {
  const { t } = ctx;
  if (!coverage.length) return t("trends.coverage.none");
  const parts = coverage.map((c) => t("trends.coverage.part", { origin: t(`taxonomy.origin.${c.origin}`), years: yearsInWords(c.from, c.to, ctx) }));
  return t("trends.coverage.counted", { list: listInWords(parts, ctx) });
}

/** Whether some counted case records' years include `year` (between an origin's first and last year). */
export function isCovered(coverage: readonly CaseCoverage[], year: number): boolean {
  return coverage.some((c) => c.from <= year && year <= c.to);
}

/** Years as short runs: [2022, 2023, 2024, 2026] → "2022–2024 and 2026". */
export function yearRunsInWords(years: readonly number[], ctx: ChartContext): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of sorted) {
    const last = runs.at(-1);
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  return listInWords(
    runs.map(([from, to]) => yearsInWords(from, to, ctx)),
    ctx,
  );
}
