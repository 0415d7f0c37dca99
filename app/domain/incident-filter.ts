// The filters every case-record view shares (trends, case list, exports). Parsed
// from URL search params so that a link reproduces a view exactly.
import { COUNTRY_CODES } from "~/domain/countries.ts";
import { CHARACTERISTICS, GENDERS, MX_STATE_CODES, ORIGINS, OUTCOMES, PERPETRATOR_TYPES, SECTORS, VERIFICATION_STATUSES } from "~/domain/taxonomy.ts";

/** Vigía monitors Mexico: with no country chosen, every view counts Mexico's records only. */
export const DEFAULT_COUNTRY = "MX";
/** The country choice that counts the records of every country (imported from the worldwide dataset). */
export const ALL_COUNTRIES = "all";

export interface IncidentFilter {
  yearFrom?: number;
  yearTo?: number;
  /** ISO 3166-1 alpha-2 codes, or ["all"]; when absent, Mexico (DEFAULT_COUNTRY) */
  countries?: string[];
  states?: string[];
  sectors?: string[];
  perpetrators?: string[];
  characteristics?: string[];
  genders?: string[];
  outcomes?: string[];
  origins?: string[];
  /** When empty: Global Witness records and verified staff records (the default count). */
  verification?: string[];
}

export interface FilterProblem {
  param: string;
  value: string;
  /** i18n key of the message */
  reason: "notYear" | "yearOrder" | "unknownCode";
}

export const FILTER_PARAMS = {
  yearFrom: "from",
  yearTo: "to",
  countries: "country",
  states: "state",
  sectors: "sector",
  perpetrators: "perpetrator",
  characteristics: "characteristic",
  genders: "gender",
  outcomes: "outcome",
  origins: "origin",
  verification: "verification",
} as const;

const LISTS: Record<Exclude<keyof IncidentFilter, "yearFrom" | "yearTo">, readonly string[]> = {
  countries: [...COUNTRY_CODES, ALL_COUNTRIES],
  states: [...MX_STATE_CODES, "unknown"],
  sectors: SECTORS,
  perpetrators: PERPETRATOR_TYPES,
  characteristics: CHARACTERISTICS,
  genders: GENDERS,
  outcomes: OUTCOMES,
  origins: ORIGINS,
  verification: VERIFICATION_STATUSES,
};

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/**
 * Reads filters from search params. Bad values never throw: each becomes a
 * problem the page can explain, and the filter it belonged to is dropped.
 */
export function parseIncidentFilter(params: URLSearchParams): { filter: IncidentFilter; problems: FilterProblem[] } {
  const filter: IncidentFilter = {};
  const problems: FilterProblem[] = [];
  for (const key of ["yearFrom", "yearTo"] as const) {
    const param = FILTER_PARAMS[key];
    const raw = params.get(param)?.trim();
    if (!raw) continue;
    if (!/^\d{4}$/.test(raw) || Number(raw) < MIN_YEAR || Number(raw) > MAX_YEAR) {
      problems.push({ param, value: raw, reason: "notYear" });
      continue;
    }
    filter[key] = Number(raw);
  }
  if (filter.yearFrom !== undefined && filter.yearTo !== undefined && filter.yearFrom > filter.yearTo) {
    problems.push({ param: FILTER_PARAMS.yearFrom, value: `${filter.yearFrom} > ${filter.yearTo}`, reason: "yearOrder" });
    delete filter.yearFrom;
    delete filter.yearTo;
  }
  for (const key of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
    const param = FILTER_PARAMS[key];
    const values = params
      .getAll(param)
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean);
    if (!values.length) continue;
    const allowed = LISTS[key];
    const bad = values.filter((v) => !allowed.includes(v));
    if (bad.length) {
      for (const v of bad) problems.push({ param, value: v, reason: "unknownCode" });
      continue;
    }
    filter[key] = [...new Set(values)];
  }
  // "All countries" beside some countries is all countries; Mexico alone is the default, said in no words.
  if (filter.countries?.includes(ALL_COUNTRIES)) filter.countries = [ALL_COUNTRIES];
  else if (filter.countries?.length === 1 && filter.countries[0] === DEFAULT_COUNTRY) delete filter.countries;
  return { filter, problems };
}

/** The filter back as search params, in a stable order (for permalinks and exports). */
export function incidentFilterToParams(filter: IncidentFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.yearFrom !== undefined) params.set(FILTER_PARAMS.yearFrom, String(filter.yearFrom));
  if (filter.yearTo !== undefined) params.set(FILTER_PARAMS.yearTo, String(filter.yearTo));
  for (const key of Object.keys(LISTS) as (keyof typeof LISTS)[]) {
    for (const v of filter[key] ?? []) params.append(FILTER_PARAMS[key], v);
  }
  return params;
}

/** The countries a filter counts: null for every country. */
export function filterCountries(filter: IncidentFilter): string[] | null {
  if (filter.countries?.includes(ALL_COUNTRIES)) return null;
  return filter.countries?.length ? filter.countries : [DEFAULT_COUNTRY];
}

/**
 * What an anonymous reader may count: the default count (Global Witness records
 * and verified staff records) whatever verification they ask for, so that no
 * filter can reach a staff record that is reported, disputed or rejected
 * (decision 098). Every other filter applies as asked.
 */
export function publicIncidentFilter(filter: IncidentFilter): IncidentFilter {
  const { verification: _ignored, ...rest } = filter;
  return rest;
}
