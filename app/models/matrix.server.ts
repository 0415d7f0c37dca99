// The accountability matrix: every provision, every year of the range, the number
// of case records linked to it (SQL GROUP BY per year). Shared by the page and
// its CSV and PNG exports.
import { shapeMatrix, withholdMatrix, type MatrixData } from "~/charts/accountability-matrix.ts";
import type { ChartReader } from "~/charts/query.ts";
import { STATUS_CHOICES, type MatrixFilter } from "~/domain/matrix-filter.ts";
import { coverageLines, linkedCasesSource, publishedContext, yearHasCaseData } from "~/domain/coverage.ts";
import { formatDate } from "~/lib/format.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { getCaseCoverage, listMexicoAnnualFigures } from "./coverage.server.ts";
import { smallCountThreshold } from "./chart-data.server.ts";
import { countLinkMatrix } from "./link.server.ts";
import { listProvisionOptions } from "./provision.server.ts";

export interface Matrix {
  data: MatrixData;
  /** YYYY-MM-DD: the counts are those of this day's links. */
  today: string;
}

/** The matrix as this reader may have it: small counts of staff records withheld from anonymous readers (decision 109). */
export async function getMatrix(lng: Language, filter: MatrixFilter, reader: ChartReader, now = new Date()): Promise<Matrix> {
  const statuses = [...STATUS_CHOICES[filter.status]];
  const scope = { yearFrom: filter.yearFrom, yearTo: filter.yearTo, sectors: filter.sector === "all" ? undefined : [filter.sector] };
  const [provisions, counts, coverage, threshold] = await Promise.all([
    listProvisionOptions(lng),
    countLinkMatrix(scope, statuses, filter.linkType ?? undefined),
    getCaseCoverage(now),
    smallCountThreshold(reader, scope),
  ]);
  const t = getFixedT(lng);
  const uncovered: number[] = [];
  for (let y = filter.yearFrom; y <= filter.yearTo; y++) if (!yearHasCaseData(coverage, y)) uncovered.push(y);
  const figures = await listMexicoAnnualFigures(uncovered);
  const data = shapeMatrix(provisions, counts, filter.yearFrom, filter.yearTo, statuses, {
    hasCaseData: (y) => yearHasCaseData(coverage, y),
    // Published figures are context for years without case records; years after the last published one are left out.
    published: publishedContext(
      figures,
      uncovered.filter((y) => coverage.publishedTo === null || y <= coverage.publishedTo),
      t,
    ),
    coverage: coverageLines(coverage, t, (d) => formatDate(d, lng)),
    source: linkedCasesSource(coverage.gwImportedOn, t, (d) => formatDate(d, lng)),
  });
  return { data: threshold === null ? data : withholdMatrix(data, threshold), today: now.toISOString().slice(0, 10) };
}
