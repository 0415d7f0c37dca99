// The case list as a file a reader takes away (CSV or JSON): exactly the records
// the list's filters and search select, read in keyset batches so that 100,000
// rows never sit in memory at once, in the shape the reader's role allows. Every
// export is recorded in the audit log before the first byte leaves.
import { prisma, type Prisma } from "~/lib/db.server.ts";
import type { CsvCell } from "~/lib/csv.server.ts";
import { keysetPage, keysetQuery, type Cursor, type PageRequest } from "~/lib/keyset.ts";
import { GW_COLUMNS, gwRowOf } from "~/domain/gw-dataset.ts";
import { readUnmapped, type GwUnmapped } from "~/domain/gw-unmapped.ts";
import { incidentFilterToParams, type IncidentFilter } from "~/domain/incident-filter.ts";
import { SEARCH_PARAM } from "~/domain/case-search.ts";
import { MX_STATES, isMxState } from "~/domain/taxonomy.ts";
import { visibleName } from "~/domain/victim-name.ts";
import { writeAudit } from "./audit.server.ts";
import { countIncidents, incidentListWhere } from "./incident.server.ts";

/** Records read per query: large enough that 100,000 rows take a hundred queries, small enough to stay a few MB. */
export const EXPORT_BATCH = 1000;

/**
 * One case record as an export carries it. Public fields only, for every reader:
 * the sensitive fields (witnesses, contacts, exact location, confidential notes)
 * never leave in a file, not even for staff (decision 066). Staff also get
 * whether the name may be published, and the names withheld from viewers.
 */
export interface CaseExportRecord {
  id: string;
  origin: string;
  /** The Global Witness id of an imported record */
  externalId: string | null;
  /** YYYY-MM-DD; read with datePrecision (a date known to the month starts on the 1st) */
  occurredOn: string;
  datePrecision: string;
  year: number;
  /** Null when unknown or withheld from this reader */
  victimName: string | null;
  nameWithheld: boolean;
  /** Staff exports only */
  victimNamePublic?: boolean;
  gender: string;
  age: number | null;
  victimCount: number;
  characteristics: string[];
  outcome: string;
  sector: string;
  perpetratorType: string;
  countryCode: string;
  stateCode: string | null;
  regionRaw: string | null;
  municipality: string | null;
  companyName: string | null;
  companyCountry: string | null;
  description: string | null;
  sources: { title: string; url: string | null }[];
  /** Category texts of the source that Vigía has no code for, as written */
  unmapped: GwUnmapped | null;
  verificationStatus: string;
  /** ISO 8601 */
  updatedAt: string;
}

const EXPORT_SELECT = {
  id: true,
  origin: true,
  externalId: true,
  occurredOn: true,
  datePrecision: true,
  year: true,
  victimName: true,
  victimNamePublic: true,
  gender: true,
  age: true,
  victimCount: true,
  outcome: true,
  sector: true,
  perpetratorType: true,
  countryCode: true,
  stateCode: true,
  regionRaw: true,
  municipality: true,
  companyName: true,
  companyCountry: true,
  description: true,
  unmappedText: true,
  verificationStatus: true,
  updatedAt: true,
  characteristics: { select: { code: true }, orderBy: { code: "asc" } },
  sources: { select: { title: true, url: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.IncidentSelect;
type ExportRow = Prisma.IncidentGetPayload<{ select: typeof EXPORT_SELECT }>;

function exportRecord(r: ExportRow, staff: boolean): CaseExportRecord {
  const unmapped = readUnmapped(r.unmappedText);
  return {
    id: r.id,
    origin: r.origin,
    externalId: r.externalId,
    occurredOn: r.occurredOn.toISOString().slice(0, 10),
    datePrecision: r.datePrecision,
    year: r.year,
    ...visibleName(r, { staff }),
    ...(staff ? { victimNamePublic: r.victimNamePublic } : {}),
    gender: r.gender,
    age: r.age,
    victimCount: r.victimCount,
    characteristics: r.characteristics.map((c) => c.code),
    outcome: r.outcome,
    sector: r.sector,
    perpetratorType: r.perpetratorType,
    countryCode: r.countryCode,
    stateCode: r.stateCode,
    regionRaw: r.regionRaw,
    municipality: r.municipality,
    companyName: r.companyName,
    companyCountry: r.companyCountry,
    description: r.description,
    sources: r.sources,
    unmapped: Object.keys(unmapped).length ? unmapped : null,
    verificationStatus: r.verificationStatus,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export interface CaseExportRequest {
  filter: IncidentFilter;
  /** Search text, as the list's `q` */
  q?: string | null;
  staff: boolean;
}

/**
 * The records of a filter, batch by batch, newest first (occurrence date, then
 * id: a unique order, so no record is read twice or skipped between batches).
 */
export async function* exportIncidentBatches({ filter, q, staff }: CaseExportRequest, size = EXPORT_BATCH): AsyncGenerator<CaseExportRecord[]> {
  const where = await incidentListWhere(filter, q);
  let after: Cursor | null = null;
  for (;;) {
    const request: PageRequest = { after, size };
    const query = keysetQuery("occurredOn", "desc", request);
    const found: ExportRow[] = await prisma.incident.findMany({ ...query, where: { AND: [where, query.where] }, select: EXPORT_SELECT });
    const page = keysetPage(found, request, (r) => ({ at: r.occurredOn, id: r.id }));
    if (page.rows.length) yield page.rows.map((r) => exportRecord(r, staff));
    const last: ExportRow | undefined = page.rows[page.rows.length - 1];
    if (!page.next || !last) return;
    after = { at: last.occurredOn, id: last.id };
  }
}

// ---------- CSV ----------

/**
 * The CSV's columns: first the Global Witness dataset's own columns with its
 * category texts (a file of Global Witness records imports back unchanged, and
 * reads like the dataset), then what Vigía adds, with its codes.
 */
export const CASE_CSV_VIGIA_COLUMNS = [
  "vigia_id",
  "origin",
  "date_precision",
  "outcome",
  "sector_code",
  "perpetrator_code",
  "gender_code",
  "characteristic_codes",
  "country_code",
  "state_code",
  "municipality",
  "company_name",
  "company_country",
  "description",
  "sources",
  "verification_status",
  "name_withheld",
  "updated_at",
] as const;

export function caseCsvHeader(staff: boolean): string[] {
  return [...GW_COLUMNS, ...CASE_CSV_VIGIA_COLUMNS, ...(staff ? ["name_public"] : [])];
}

const stateText = (code: string) => (isMxState(code) ? MX_STATES[code] : code);

export function caseCsvRow(r: CaseExportRecord, staff: boolean): CsvCell[] {
  const gw = gwRowOf({ ...r, occurredOn: new Date(`${r.occurredOn}T00:00:00Z`) }, stateText);
  return [
    ...GW_COLUMNS.map((c) => gw[c]),
    r.id,
    r.origin,
    r.datePrecision,
    r.outcome,
    r.sector,
    r.perpetratorType,
    r.gender,
    r.characteristics.join(";"),
    r.countryCode,
    r.stateCode,
    r.municipality,
    r.companyName,
    r.companyCountry,
    r.description,
    r.sources.map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)).join("\n"),
    r.verificationStatus,
    r.nameWithheld ? "yes" : "no",
    r.updatedAt,
    ...(staff ? [r.victimNamePublic ? "yes" : "no"] : []),
  ];
}

/** The header row, then every record's row, batch by batch. */
export async function* caseCsvBatches(request: CaseExportRequest): AsyncGenerator<CsvCell[][]> {
  yield [caseCsvHeader(request.staff)];
  for await (const batch of exportIncidentBatches(request)) yield batch.map((r) => caseCsvRow(r, request.staff));
}

/** The list's query string of an export: its filters, then its search. */
export function caseListQuery({ filter, q }: Pick<CaseExportRequest, "filter" | "q">): string {
  const params = incidentFilterToParams(filter);
  if (q) params.set(SEARCH_PARAM, q);
  return params.toString();
}

// ---------- Audit ----------

/**
 * Records who took which records away, before the file is sent: the format, the
 * filter as the list's query string, how many records matched and in which role.
 */
export async function auditCaseExport(input: { actorId: string; format: "csv" | "json"; request: CaseExportRequest; via: "list" | "api" }): Promise<number> {
  const records = await countIncidents(input.request.filter, input.request.q);
  await writeAudit(prisma, {
    actorId: input.actorId,
    action: "case_export",
    entityType: "case_list",
    entityId: input.format,
    after: {
      format: input.format,
      query: caseListQuery(input.request),
      records,
      staffFields: input.request.staff,
      via: input.via,
    },
    summary: `Exported ${records} case records as ${input.format.toUpperCase()}`,
  });
  return records;
}

// ---------- JSON ----------

/** The JSON document in pieces: what was asked and when, then the records under `data`, one batch at a time. */
export async function* caseJsonPieces(request: CaseExportRequest, meta: { generatedAt: Date; query: string }): AsyncGenerator<string> {
  yield `{"generatedAt":${JSON.stringify(meta.generatedAt.toISOString())},"query":${JSON.stringify(meta.query)},"data":[`;
  let first = true;
  for await (const batch of exportIncidentBatches(request)) {
    yield (first ? "" : ",") + batch.map((r) => JSON.stringify(r)).join(",");
    first = false;
  }
  yield "]}";
}

// ---------- API pages ----------

export const API_PAGE_MAX = 500;
export const API_PAGE_DEFAULT = 100;

/**
 * One page of the API's case list, in id order: ids never change, so walking
 * the pages gives every record that existed at the start exactly once, whatever
 * is added, edited or deleted meanwhile (a record added during the walk appears
 * once or not at all).
 */
export async function listIncidentsPage(
  input: CaseExportRequest & { after: string | null; size: number },
): Promise<{ rows: CaseExportRecord[]; next: string | null }> {
  const where = await incidentListWhere(input.filter, input.q);
  const found: ExportRow[] = await prisma.incident.findMany({
    where: input.after ? { AND: [where, { id: { gt: input.after } }] } : where,
    orderBy: { id: "asc" },
    take: input.size + 1,
    select: EXPORT_SELECT,
  });
  const rows = found.slice(0, input.size);
  return { rows: rows.map((r) => exportRecord(r, input.staff)), next: found.length > input.size ? rows[rows.length - 1].id : null };
}
