// The accountability matrix: every provision, every year of the range, the number
// of case records linked to it (SQL GROUP BY per year). Shared by the page and
// its CSV and PNG exports.
import { shapeMatrix, type MatrixData } from "~/charts/accountability-matrix.ts";
import { STATUS_CHOICES, type MatrixFilter } from "~/domain/matrix-filter.ts";
import type { Language } from "~/lib/i18n.ts";
import { countLinkMatrix } from "./link.server.ts";
import { listProvisionOptions } from "./provision.server.ts";

export interface Matrix {
  data: MatrixData;
  /** YYYY-MM-DD: the counts are those of this day's links. */
  today: string;
}

export async function getMatrix(lng: Language, filter: MatrixFilter, now = new Date()): Promise<Matrix> {
  const statuses = [...STATUS_CHOICES[filter.status]];
  const [provisions, counts] = await Promise.all([
    listProvisionOptions(lng),
    countLinkMatrix({ yearFrom: filter.yearFrom, yearTo: filter.yearTo, sectors: filter.sector === "all" ? undefined : [filter.sector] }, statuses),
  ]);
  return { data: shapeMatrix(provisions, counts, filter.yearFrom, filter.yearTo, statuses), today: now.toISOString().slice(0, 10) };
}
