// The accountability matrix's filters, read from the URL (a link reproduces the
// view): sector (mining and extractives unless said otherwise), year range, and
// which link statuses count. Bad values become problems, never exceptions.
import { SECTORS } from "~/domain/taxonomy.ts";
import { isLinkType, type LinkType } from "./link-type.ts";
import type { LinkStatus } from "~/models/link.server.ts";
import { parseIncidentFilter, type FilterProblem } from "./incident-filter.ts";

export const MATRIX_DEFAULT_SECTOR = "mining_extractives";
export const MATRIX_FIRST_YEAR = 2012;
export const MATRIX_MAX_YEARS = 40;
export const STATUS_CHOICES = { accepted: ["accepted"], both: ["accepted", "suggested"], suggested: ["suggested"] } as const satisfies Record<
  string,
  readonly LinkStatus[]
>;
export type StatusChoice = keyof typeof STATUS_CHOICES;

export interface MatrixFilter {
  /** A sector code, or "all" */
  sector: string;
  yearFrom: number;
  yearTo: number;
  /** Which layers are shown: accepted links, suggestions not yet reviewed, or both side by side (the default) */
  status: StatusChoice;
  /** Only links of this type; null = every type */
  linkType: LinkType | null;
}

export interface MatrixProblem {
  param: string;
  value: string;
  reason: FilterProblem["reason"] | "tooManyYears";
}

export function parseMatrixFilter(params: URLSearchParams, thisYear: number): { filter: MatrixFilter; problems: MatrixProblem[] } {
  const problems: MatrixProblem[] = [];
  const years = parseIncidentFilter(new URLSearchParams([...["from", "to"].flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : []))]));
  problems.push(...years.problems);
  let yearFrom = years.filter.yearFrom ?? MATRIX_FIRST_YEAR;
  let yearTo = years.filter.yearTo ?? Math.max(thisYear, yearFrom);
  if (yearFrom > yearTo) {
    problems.push({ param: "from", value: `${yearFrom} > ${yearTo}`, reason: "yearOrder" });
    [yearFrom, yearTo] = [MATRIX_FIRST_YEAR, Math.max(thisYear, MATRIX_FIRST_YEAR)];
  }
  if (yearTo - yearFrom + 1 > MATRIX_MAX_YEARS) {
    problems.push({ param: "from", value: `${yearFrom}–${yearTo}`, reason: "tooManyYears" });
    yearFrom = yearTo - MATRIX_MAX_YEARS + 1;
  }
  const rawSector = params.get("sector")?.trim();
  let sector = MATRIX_DEFAULT_SECTOR;
  if (rawSector) {
    if (rawSector === "all" || (SECTORS as readonly string[]).includes(rawSector)) sector = rawSector;
    else problems.push({ param: "sector", value: rawSector, reason: "unknownCode" });
  }
  const rawStatus = params.get("status")?.trim();
  let status: StatusChoice = "both";
  if (rawStatus) {
    if (rawStatus in STATUS_CHOICES) status = rawStatus as StatusChoice;
    else problems.push({ param: "status", value: rawStatus, reason: "unknownCode" });
  }
  const rawType = params.get("type")?.trim();
  let linkType: LinkType | null = null;
  if (rawType) {
    if (isLinkType(rawType)) linkType = rawType;
    else problems.push({ param: "type", value: rawType, reason: "unknownCode" });
  }
  return { filter: { sector, yearFrom, yearTo, status, linkType }, problems };
}

export function matrixFilterToParams(filter: MatrixFilter): URLSearchParams {
  const params = new URLSearchParams({ sector: filter.sector, from: String(filter.yearFrom), to: String(filter.yearTo), status: filter.status });
  if (filter.linkType) params.set("type", filter.linkType);
  return params;
}

/** The filters in words, for the subtitle of the chart, its PNG and the page. */
export function describeMatrixFilter(filter: MatrixFilter, t: (key: string, options?: Record<string, unknown>) => string): string {
  const sector = filter.sector === "all" ? t("provisions.matrix.allSectors") : t(`taxonomy.sector.${filter.sector}`);
  const words = t("provisions.matrix.subtitle", {
    sector,
    from: filter.yearFrom,
    to: filter.yearTo,
    status: t(`provisions.matrix.statusChoices.${filter.status}`),
  });
  return filter.linkType ? `${words} · ${t(`provisions.linkTypes.types.${filter.linkType}`)}` : words;
}
