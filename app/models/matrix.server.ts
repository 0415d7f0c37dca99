// The accountability matrix: every provision, every year of the range, the number
// of case records linked to it (SQL GROUP BY per year). Shared by the page and
// its CSV and PNG exports.
import { shapeMatrix, type MatrixData } from "~/charts/accountability-matrix.ts";
import type { Language } from "~/lib/i18n.ts";
import { countLinkMatrix } from "./link.server.ts";
import { parseMatrixFilter, STATUS_CHOICES, type MatrixFilter, type MatrixProblem } from "~/domain/matrix-filter.ts";
import { listProvisionOptions } from "./provision.server.ts";

export interface Matrix {
  filter: MatrixFilter;
  problems: MatrixProblem[];
  data: MatrixData;
  today: string;
}

export async function getMatrix(lng: Language, search: URLSearchParams, now = new Date()): Promise<Matrix> {
  const { filter, problems } = parseMatrixFilter(search, now.getUTCFullYear());
  const statuses = [...STATUS_CHOICES[filter.status]];
  const [provisions, counts] = await Promise.all([
    listProvisionOptions(lng),
    countLinkMatrix({ yearFrom: filter.yearFrom, yearTo: filter.yearTo, sectors: filter.sector === "all" ? undefined : [filter.sector] }, statuses),
  ]);
  return { filter, problems, data: shapeMatrix(provisions, counts, filter.yearFrom, filter.yearTo, statuses), today: now.toISOString().slice(0, 10) };
}
