// What a chart URL asks for: the shared case-record filters plus the choice of
// published value. The same query string drives /trends, /embed/<id>,
// /charts/<id>.png and /charts/<id>.csv, so a link always reproduces a view.
import { LETHAL_OUTCOMES } from "~/domain/taxonomy.ts";
import {
  DEFAULT_COUNTRY,
  incidentFilterToParams,
  parseIncidentFilter,
  publicIncidentFilter,
  type FilterProblem,
  type IncidentFilter,
} from "~/domain/incident-filter.ts";

export const FIGURES_PARAM = "figures";
/** values=1 writes the values on the bars of the page's charts; values=0 leaves them off a PNG (where they are on by default). */
export const VALUES_PARAM = "values";
/** revised: Global Witness's revision where there is one, else the first report (decision 005). first: as first reported only. */
export const FIGURE_CHOICES = ["revised", "first"] as const;
export type FigureChoice = (typeof FIGURE_CHOICES)[number];

export interface ChartQuery {
  filter: IncidentFilter;
  figures: FigureChoice;
  /** Values on the bars: true asks for them on the page, false leaves them off an image; unset, the default of each. */
  values?: boolean;
}

/**
 * Who reads a chart: "public" (anonymous) readers count only what may be
 * published, and see small counts of staff records as "fewer than N".
 */
export type ChartReader = "public" | "signed-in";

/** The reader of a request, from its signed-in user (or none). */
export function chartReaderOf(user: unknown): ChartReader {
  return user ? "signed-in" : "public";
}

/** The query a reader's charts are loaded with: for the public, verification is always the default count. */
export function readerChartQuery(query: ChartQuery, reader: ChartReader): ChartQuery {
  return reader === "public" ? { ...query, filter: publicIncidentFilter(query.filter) } : query;
}

export const EMPTY_QUERY: ChartQuery = { filter: {}, figures: "revised" };

/**
 * Reads a chart query. Any malformed or contradictory filter makes the whole
 * query fall back to the unfiltered view, with every problem listed, so that a
 * reader is never shown a half-applied filter they did not ask for.
 */
export function parseChartQuery(params: URLSearchParams): { query: ChartQuery; problems: FilterProblem[] } {
  const { filter, problems } = parseIncidentFilter(params);
  let figures: FigureChoice = "revised";
  const raw = params.get(FIGURES_PARAM)?.trim();
  if (raw) {
    if ((FIGURE_CHOICES as readonly string[]).includes(raw)) figures = raw as FigureChoice;
    else problems.push({ param: FIGURES_PARAM, value: raw, reason: "unknownCode" });
  }
  if (problems.length) return { query: EMPTY_QUERY, problems };
  const values = params.get(VALUES_PARAM);
  return { query: { filter, figures, ...(values === "1" ? { values: true } : values === "0" ? { values: false } : {}) }, problems };
}

/** The query as search params in a stable order; `lng` last when given (permalinks carry it). */
export function chartQueryToParams(query: ChartQuery, lng?: string): URLSearchParams {
  const params = incidentFilterToParams(query.filter);
  if (query.figures !== "revised") params.set(FIGURES_PARAM, query.figures);
  if (query.values !== undefined) params.set(VALUES_PARAM, query.values ? "1" : "0");
  if (lng) params.set("lng", lng);
  return params;
}

export function chartQueryString(query: ChartQuery, lng?: string): string {
  const s = chartQueryToParams(query, lng).toString();
  return s ? `?${s}` : "";
}

/** The parameter of a server PNG's size: `size=preview` asks for the 1000-px image of previews and social cards (decision 112). */
export const PNG_SIZE_PARAM = "size";

/** The address of a chart's preview PNG (social cards): the chart's PNG at the preview size. */
export function previewPngUrl(origin: string, id: string, query: ChartQuery, lng?: string): string {
  const params = chartQueryToParams(query, lng);
  params.set(PNG_SIZE_PARAM, "preview");
  return `${origin}/charts/${id}.png?${params}`;
}

function intersect(wanted: string[] | undefined, allowed: readonly string[]): string[] {
  return wanted?.length ? wanted.filter((v) => allowed.includes(v)) : [...allowed];
}

/**
 * The case records a comparison with Global Witness may count: killed and
 * disappeared only (what Global Witness counts), within any outcome filter.
 * Null when the outcome filter leaves nothing to count.
 */
export function lethalScope(filter: IncidentFilter): IncidentFilter | null {
  const outcomes = intersect(filter.outcomes, LETHAL_OUTCOMES);
  return outcomes.length ? { ...filter, outcomes } : null;
}

/**
 * Charts that set case records beside Mexico's published figures, or count by
 * Mexican state, always count Mexico's records, whatever country the reader
 * chose; their subtitle then says "Mexico".
 */
export function mexicoScope(filter: IncidentFilter): IncidentFilter {
  return filter.countries ? { ...filter, countries: [DEFAULT_COUNTRY] } : filter;
}

/**
 * The reconciliation compares all of Mexico's published figure with the records
 * that could stand behind it, so only the filters that say which records count
 * apply: years, origin and verification.
 */
export function reconciliationScope(filter: IncidentFilter): IncidentFilter {
  const scope: IncidentFilter = { outcomes: [...LETHAL_OUTCOMES] };
  if (filter.countries) scope.countries = [DEFAULT_COUNTRY];
  if (filter.yearFrom !== undefined) scope.yearFrom = filter.yearFrom;
  if (filter.yearTo !== undefined) scope.yearTo = filter.yearTo;
  if (filter.origins) scope.origins = filter.origins;
  if (filter.verification) scope.verification = filter.verification;
  return scope;
}

/** The Indigenous share is computed over everyone in scope, so the characteristic filter cannot apply. */
export function indigenousShareScope(filter: IncidentFilter): IncidentFilter | null {
  const { characteristics: _ignored, ...rest } = filter;
  return lethalScope(rest);
}

/** Mining and extractives by year: the sector is fixed, every other filter applies. */
export function miningScope(filter: IncidentFilter): IncidentFilter {
  return { ...filter, sectors: ["mining_extractives"] };
}
