// Every Prisma query on case records (incidents). Aggregations run in SQL.
import { prisma, type Prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { getDataVersion, memoByVersion } from "~/models/data-version.server.ts";
import { keysetPage, keysetQuery, type PageRequest } from "~/lib/keyset.ts";
import { refuse, type SaveResult, type StoredVersion } from "~/lib/form.ts";
import { nameSimilarity, SIMILAR_NAME_THRESHOLD } from "~/domain/name-match.ts";
import type { VerificationStatus } from "~/domain/taxonomy.ts";
import { isNameWithheld, visibleName } from "~/domain/victim-name.ts";
import { decryptField, encryptField, needsRewrite } from "~/lib/field-crypto.server.ts";
import { writeAudit } from "./audit.server.ts";
import { ALL_COUNTRIES, type IncidentFilter } from "~/domain/incident-filter.ts";
import {
  oneOrIn,
  scopeConditions,
  tallyByOrigin,
  tallyCountBy,
  tallyCountByYearAndOutcome,
  tallyCountries,
  tallyHasRecords,
  tallyPeople,
  tallyRecords,
  tallyYearBounds,
} from "./incident-tally.server.ts";
import { searchTerms, statesNamedBy } from "~/domain/case-search.ts";
import { incidentSearchWhere } from "./incident-search.server.ts";
import {
  INCIDENT_COLUMNS,
  incidentAuditValues,
  incidentToFormValues,
  SENSITIVE_KEYS,
  STAFF_ONLY_KEYS,
  type ConfidentialFields,
  type IncidentFormValues,
  type IncidentInput,
  type IncidentRecordFields,
  type StaffOnlyKey,
} from "./incident.schema.ts";
import { suggestLinksForIncident } from "./link.server.ts";
import { refuseStale, StaleVersion, storedVersion } from "./version.server.ts";

/** The Prisma where clause of a filter; never includes soft-deleted records. */
export function incidentWhere(filter: IncidentFilter): Prisma.IncidentWhereInput {
  const and: Prisma.IncidentWhereInput[] = [{ deletedAt: null }, ...scopeConditions(filter)];
  if (filter.states?.length) {
    const codes = filter.states.filter((s) => s !== "unknown");
    const or: Prisma.IncidentWhereInput[] = [];
    if (codes.length) or.push({ stateCode: { in: codes } });
    if (filter.states.includes("unknown")) or.push({ stateCode: null });
    and.push({ OR: or });
  }
  if (filter.sectors?.length) and.push({ sector: oneOrIn(filter.sectors) });
  if (filter.perpetrators?.length) and.push({ perpetratorType: oneOrIn(filter.perpetrators) });
  if (filter.characteristics?.length) and.push({ characteristics: { some: { code: { in: filter.characteristics } } } });
  if (filter.genders?.length) and.push({ gender: { in: filter.genders } });
  return { AND: and };
}

/**
 * The where clause of the case list, its exports and the API: the filter's
 * conditions and, when the filter has a search, the records the search finds
 * (a relation filter on the search view, decision 117: every match, no cap).
 */
export async function incidentListWhere(filter: IncidentFilter, q?: string | null): Promise<Prisma.IncidentWhereInput> {
  const terms = searchTerms(q);
  if (!terms.length) return incidentWhere(filter);
  return { AND: [incidentWhere(filter), await incidentSearchWhere(terms, statesNamedBy(terms))] };
}

/** How many live records the filter and search find: from the tally without a search where it can answer, otherwise one COUNT. */
export async function countIncidents(filter: IncidentFilter, q?: string | null): Promise<number> {
  if (!searchTerms(q).length) {
    const tallied = await tallyRecords(filter);
    if (tallied !== null) return tallied;
  }
  return prisma.incident.count({ where: await incidentListWhere(filter, q) });
}

export interface CountRow<K extends string = string> {
  key: K | null;
  /** People (sum of victims) */
  people: number;
  /** Records */
  records: number;
}

type GroupField = "sector" | "perpetratorType" | "stateCode" | "year" | "outcome" | "gender" | "origin";

/**
 * People and records per value of one column: from the tally kept on write where it
 * can answer (decision 130), otherwise in SQL over the records (GROUP BY on an indexed column).
 */
export async function countIncidentsBy(field: GroupField, filter: IncidentFilter): Promise<CountRow[]> {
  const tallied = field === "gender" ? null : await tallyCountBy(field, filter);
  if (tallied) return tallied;
  const rows = await prisma.incident.groupBy({
    by: [field],
    where: incidentWhere(filter),
    _sum: { victimCount: true },
    _count: { _all: true },
  });
  return rows.map((r: any) => ({
    key: r[field] === null ? null : String(r[field]),
    people: r._sum.victimCount ?? 0,
    records: r._count._all,
  }));
}

export async function countIncidentsBySector(filter: IncidentFilter): Promise<CountRow[]> {
  return countIncidentsBy("sector", filter);
}

/** The case records that a dashboard calls "Global Witness case records, 2012–2021". */
export const GW_CASE_RECORDS: IncidentFilter = {
  origins: ["gw_dataset"],
  outcomes: ["killed", "disappeared"],
  yearFrom: 2012,
  yearTo: 2021,
};

// ---------- Aggregates for the trends charts ----------

/** People per year and outcome, from the tally where it can answer, otherwise in SQL over the records. */
export async function countIncidentsByYearAndOutcome(filter: IncidentFilter): Promise<{ year: number; outcome: string; people: number }[]> {
  const tallied = await tallyCountByYearAndOutcome(filter);
  if (tallied) return tallied;
  const rows = await prisma.incident.groupBy({
    by: ["year", "outcome"],
    where: incidentWhere(filter),
    _sum: { victimCount: true },
    orderBy: [{ year: "asc" }, { outcome: "asc" }],
  });
  return rows.map((r) => ({ year: r.year, outcome: r.outcome, people: r._sum.victimCount ?? 0 }));
}

/** People in scope and, among them, the people with one person characteristic (from the tally where it can answer each). */
export async function countIncidentsWithCharacteristic(filter: IncidentFilter, code: string): Promise<{ withCharacteristic: number; total: number }> {
  const withFilter: IncidentFilter = { ...filter, characteristics: [...new Set([...(filter.characteristics ?? []), code])] };
  const [totalTallied, withTallied] = await Promise.all([tallyPeople(filter), tallyPeople(withFilter)]);
  if (totalTallied !== null && withTallied !== null) return { withCharacteristic: withTallied, total: totalTallied };
  const where = incidentWhere(filter);
  const [total, withCharacteristic] = await Promise.all([
    prisma.incident.aggregate({ where, _sum: { victimCount: true } }),
    prisma.incident.aggregate({ where: { AND: [where, { characteristics: { some: { code } } }] }, _sum: { victimCount: true } }),
  ]);
  return { withCharacteristic: withCharacteristic._sum.victimCount ?? 0, total: total._sum.victimCount ?? 0 };
}

/** Countries with live case records, most records first (the trends filters offer a country once there is more than one). */
export async function listIncidentCountries(): Promise<{ code: string; records: number }[]> {
  // A GROUP BY over every case: cached by data version (app/models/data-version.server.ts).
  return memoByVersion("incident-countries", await getDataVersion(), countIncidentCountries);
}

async function countIncidentCountries(): Promise<{ code: string; records: number }[]> {
  return (await tallyCountries()).sort((a, b) => b.records - a.records || a.code.localeCompare(b.code));
}

/** The first and last year of any case record that is not deleted; null when there is none. */
export async function getIncidentYearBounds(): Promise<{ min: number; max: number } | null> {
  return tallyYearBounds();
}

/**
 * Per origin, the first and last year of the case records in scope (what a chart's
 * coverage note says) and when they last changed: from the tally where it can answer
 * (which counts a record leaving the scope as a change), otherwise one SQL MIN/MAX.
 */
export async function getIncidentOrigins(filter: IncidentFilter): Promise<{ origin: string; from: number; to: number; lastChanged: Date }[]> {
  const rows =
    (await tallyByOrigin(filter)) ??
    (await prisma.incident.groupBy({ by: ["origin"], where: incidentWhere(filter), _min: { year: true }, _max: { year: true, updatedAt: true } }))
      .filter((r) => r._min.year !== null && r._max.year !== null && r._max.updatedAt !== null)
      .map((r) => ({ origin: r.origin, from: r._min.year!, to: r._max.year!, lastChanged: r._max.updatedAt! }));
  return rows.sort((x, y) => x.origin.localeCompare(y.origin));
}

/** Whether the records a filter counts include at least one staff record (small counts of them are withheld from the public). */
export async function hasStaffRecords(filter: IncidentFilter): Promise<boolean> {
  if (filter.origins?.length && !filter.origins.includes("staff")) return false;
  const tallied = await tallyHasRecords({ ...filter, origins: ["staff"] });
  if (tallied !== null) return tallied;
  const found = await prisma.incident.findFirst({ where: incidentWhere({ ...filter, origins: ["staff"] }), select: { id: true } });
  return found !== null;
}

// ---------- Case records one by one: list, read, write ----------
// Reads come in two shapes: the public one (what viewers and, where allowed,
// anonymous visitors get) never selects a staff-only field and replaces a
// withheld victim name by null; the staff one adds the confidential fields.
// Every write runs in a transaction together with its audit event.

/** Every column of Incident that a case field stores (CASE_FIELDS in incident.schema.ts). */
const FIELD_COLUMNS = Object.fromEntries(INCIDENT_COLUMNS.map((c) => [c, true])) as { [K in (typeof INCIDENT_COLUMNS)[number]]: true };

/**
 * The columns read for any signed-in reader. Sensitive fields live in another
 * table and are absent by construction; staff-only ones (whether a name may be
 * published) are dropped before a record reaches a viewer.
 */
const PUBLIC_COLUMNS = {
  id: true,
  origin: true,
  externalId: true,
  ...FIELD_COLUMNS,
  countryCode: true,
  regionRaw: true,
  unmappedText: true,
  verificationStatus: true,
  verifiedAt: true,
  deletedAt: true,
  updatedAt: true,
} satisfies Prisma.IncidentSelect;

/** The sensitive fields, for a select of IncidentConfidential. */
const CONFIDENTIAL_COLUMNS = Object.fromEntries(SENSITIVE_KEYS.map((k) => [k, true])) as { [K in keyof ConfidentialFields]: true };

export const CASE_SORTS = ["date_desc", "date_asc", "updated_desc"] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
const SORT_COLUMN: Record<CaseSort, { field: "occurredOn" | "updatedAt"; dir: "asc" | "desc" }> = {
  date_desc: { field: "occurredOn", dir: "desc" },
  date_asc: { field: "occurredOn", dir: "asc" },
  updated_desc: { field: "updatedAt", dir: "desc" },
};

export interface CaseListRow {
  id: string;
  origin: string;
  occurredOn: Date;
  datePrecision: string;
  /** Null when unknown or withheld from this reader */
  victimName: string | null;
  nameWithheld: boolean;
  gender: string;
  sector: string;
  perpetratorType: string;
  outcome: string;
  victimCount: number;
  stateCode: string | null;
  regionRaw: string | null;
  municipality: string | null;
  verificationStatus: string;
  deletedAt: Date | null;
  updatedAt: Date;
}

export interface CaseListPage {
  rows: CaseListRow[];
  next: string | null;
  prev: string | null;
  /** Every matching record (-1 when not asked for) */
  total: number;
}

/**
 * One page of the case list, keyset-paginated on (sort column, id): the cost of a
 * page does not grow with its depth, unlike OFFSET. `deleted` lists soft-deleted
 * records instead (staff's bin).
 */
export async function listIncidents(
  options: PageRequest & {
    filter: IncidentFilter;
    /** Search text (decision 065) */
    q?: string | null;
    sort?: CaseSort;
    staff?: boolean;
    deleted?: boolean;
    /** Count every matching record too (one indexed COUNT; on by default) */
    withTotal?: boolean;
  },
): Promise<CaseListPage> {
  const { field, dir } = SORT_COLUMN[options.sort ?? "date_desc"];
  const base: Prisma.IncidentWhereInput = options.deleted ? { deletedAt: { not: null } } : await incidentListWhere(options.filter, options.q);
  const query = keysetQuery(field, dir, options);
  const [found, total] = await Promise.all([
    prisma.incident.findMany({ ...query, where: { AND: [base, query.where] }, select: PUBLIC_COLUMNS }),
    options.withTotal === false ? Promise.resolve(-1) : options.deleted ? prisma.incident.count({ where: base }) : countIncidents(options.filter, options.q),
  ]);
  const page = keysetPage(found, options, (r) => ({ at: r[field], id: r.id }));
  return {
    ...page,
    rows: page.rows.map((r) => ({
      id: r.id,
      origin: r.origin,
      occurredOn: r.occurredOn,
      datePrecision: r.datePrecision,
      ...visibleName(r, { staff: !!options.staff }),
      gender: r.gender,
      sector: r.sector,
      perpetratorType: r.perpetratorType,
      outcome: r.outcome,
      victimCount: r.victimCount,
      stateCode: r.stateCode,
      regionRaw: r.regionRaw,
      municipality: r.municipality,
      verificationStatus: r.verificationStatus,
      deletedAt: r.deletedAt,
      updatedAt: r.updatedAt,
    })),
    total,
  };
}

export interface PublicIncident extends Omit<IncidentRecordFields, StaffOnlyKey> {
  id: string;
  origin: string;
  externalId: string | null;
  nameWithheld: boolean;
  countryCode: string;
  regionRaw: string | null;
  /** Category texts of the source that Vigía has no code for (JSON by column), kept as written */
  unmappedText: string | null;
  verificationStatus: string;
  verifiedAt: Date | null;
}

export interface StaffIncident extends PublicIncident, Pick<IncidentRecordFields, StaffOnlyKey> {
  version: number;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  verificationNote: string | null;
  verifiedBy: { id: string; name: string } | null;
  createdBy: { id: string; name: string } | null;
  updatedBy: { id: string; name: string } | null;
  confidential: ConfidentialFields;
}

const RELATED = {
  characteristics: { select: { code: true }, orderBy: { code: "asc" } },
  sources: { select: { url: true, title: true }, orderBy: [{ position: "asc" }, { id: "asc" }] },
} satisfies Prisma.IncidentSelect;

/** A live (not deleted) case as any signed-in reader may see it; null when absent or deleted. */
export async function getIncidentPublic(id: string): Promise<PublicIncident | null> {
  const row = await prisma.incident.findFirst({ where: { id, deletedAt: null }, select: { ...PUBLIC_COLUMNS, ...RELATED } });
  if (!row) return null;
  const { deletedAt: _d, updatedAt: _u, ...rest } = row;
  for (const key of STAFF_ONLY_KEYS) delete (rest as Partial<typeof rest>)[key];
  return { ...rest, ...visibleName(row, { staff: false }), characteristics: row.characteristics.map((c) => c.code) };
}

const person = { select: { id: true, name: true } } as const;

/** A case with its staff-only fields, deleted or not; null when absent. */
export async function getIncidentForStaff(id: string): Promise<StaffIncident | null> {
  const row = await prisma.incident.findUnique({
    where: { id },
    select: {
      ...PUBLIC_COLUMNS,
      ...RELATED,
      version: true,
      createdAt: true,
      verificationNote: true,
      verifiedBy: person,
      createdBy: person,
      updatedBy: person,
      confidential: { select: CONFIDENTIAL_COLUMNS },
    },
  });
  if (!row) return null;
  return {
    ...row,
    nameWithheld: isNameWithheld(row),
    characteristics: row.characteristics.map((c) => c.code),
    confidential: row.confidential ? decryptConfidential(row.confidential) : noConfidential(),
  };
}

/** Confidential fields as stored (encrypted, decision 102) from their plain values. */
function encryptConfidential(fields: ConfidentialFields): ConfidentialFields {
  return Object.fromEntries(SENSITIVE_KEYS.map((k) => [k, encryptField(fields[k] ?? null)])) as ConfidentialFields;
}

function decryptConfidential<T extends Partial<ConfidentialFields>>(row: T): T {
  const out = { ...row };
  for (const k of SENSITIVE_KEYS) if (k in out) (out as Record<string, string | null>)[k] = decryptField(out[k] ?? null);
  return out;
}

/**
 * Rewrites every confidential field not under the current DATA_KEY (plain text
 * from before encryption, or the previous key) under it, one row per
 * transaction; returns how many rows were rewritten. Run at start and by
 * `npm run keys:rotate`.
 */
export async function reencryptConfidentialFields(): Promise<{ rows: number; rewritten: number }> {
  const rows = await prisma.incidentConfidential.findMany({ select: { incidentId: true, ...CONFIDENTIAL_COLUMNS } });
  let rewritten = 0;
  for (const row of rows) {
    if (!SENSITIVE_KEYS.some((k) => needsRewrite(row[k] ?? null))) continue;
    const plain = decryptConfidential(row);
    await prisma.incidentConfidential.update({ where: { incidentId: row.incidentId }, data: encryptConfidential(plain as ConfidentialFields) });
    rewritten++;
  }
  return { rows: rows.length, rewritten };
}

/** A case without any staff-only field filled in. */
function noConfidential(): ConfidentialFields {
  return Object.fromEntries(SENSITIVE_KEYS.map((k) => [k, null])) as ConfidentialFields;
}

/** Names (never values) of the staff-only fields that differ, so the log can say they changed. */
function sensitiveChanges(
  before: { victimName: string | null; victimNamePublic: boolean; confidential: ConfidentialFields },
  after: { victimName: string | null; victimNamePublic: boolean; confidential: ConfidentialFields },
): string[] {
  const changed: string[] = (Object.keys(after.confidential) as (keyof ConfidentialFields)[]).filter(
    (k) => (before.confidential[k] ?? null) !== (after.confidential[k] ?? null),
  );
  const nameHidden = !before.victimNamePublic || !after.victimNamePublic;
  if (nameHidden && before.victimName !== after.victimName) changed.unshift("victimName");
  return changed;
}

/** The Incident columns of a valid form (relations and sensitive fields are written apart). */
function incidentColumns(input: IncidentInput) {
  return Object.fromEntries(INCIDENT_COLUMNS.map((c) => [c, input[c]])) as Pick<IncidentInput, (typeof INCIDENT_COLUMNS)[number]>;
}

/** Stores a new staff-logged case (status "reported") with its audit event. */
export async function createIncident(
  input: IncidentInput,
  actorId: string,
  options: { possibleDuplicates?: string[] } = {},
): Promise<SaveResult<{ id: string }> & { ok: true }> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.incident.create({
      data: {
        ...incidentColumns(input),
        origin: "staff",
        countryCode: "MX",
        verificationStatus: "reported",
        createdById: actorId,
        updatedById: actorId,
        characteristics: { create: input.characteristics.map((code) => ({ code })) },
        sources: { create: input.sources.map((s, position) => ({ ...s, position })) },
        confidential: { create: encryptConfidential(input.confidential) },
      },
      select: { id: true },
    });
    const sensitive = (Object.keys(input.confidential) as (keyof ConfidentialFields)[]).filter((k) => input.confidential[k] !== null);
    await writeAudit(tx, {
      actorId,
      action: "create",
      entityType: "incident",
      entityId: created.id,
      after: {
        ...incidentAuditValues(input),
        verificationStatus: "reported",
        version: 1,
        ...(sensitive.length ? { staffOnlyFieldsFilled: sensitive } : {}),
        ...(options.possibleDuplicates?.length ? { savedDespitePossibleDuplicates: options.possibleDuplicates } : {}),
      },
    });
    // Suggested links to commitments, for a person to review; they roll back with the case.
    await suggestLinksForIncident(tx, created.id);
    return { ok: true, id: created.id } as const;
  });
}

/** The newer version a refused edit or decision ran into, as the edit form shows it. */
export interface IncidentConflict extends StoredVersion<IncidentFormValues> {
  verificationStatus: string;
}

export type IncidentSaveResult = SaveResult<{ version: number }, IncidentConflict>;

/** After a refused save: the newer version of a case, or null when it was deleted meanwhile. */
async function newerVersion(id: string): Promise<IncidentConflict | null> {
  const current = await getIncidentForStaff(id);
  if (!current || current.deletedAt) return null;
  const stored = await storedVersion("incident", id, {
    values: incidentToFormValues(current),
    version: current.version,
    updatedAt: current.updatedAt,
    updatedBy: current.updatedBy?.name,
  });
  return { ...stored, verificationStatus: current.verificationStatus };
}

/**
 * Saves an edit only if the case is still at `baseVersion` (one atomic
 * UPDATE ... WHERE id AND version); otherwise nothing is written and the newer
 * version comes back so that the page can show both.
 */
export async function updateIncident(id: string, baseVersion: number, input: IncidentInput, actorId: string): Promise<IncidentSaveResult> {
  return refuseStale(
    () => writeEdit(id, baseVersion, input, actorId),
    () => newerVersion(id),
  );
}

async function writeEdit(id: string, baseVersion: number, input: IncidentInput, actorId: string) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.incident.findUnique({
      where: { id },
      select: { ...PUBLIC_COLUMNS, ...RELATED, version: true, confidential: true },
    });
    if (!before || before.deletedAt) return { ok: false, missing: true } as const;
    const { count } = await tx.incident.updateMany({
      where: { id, version: baseVersion, deletedAt: null },
      data: { ...incidentColumns(input), updatedById: actorId, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersion();
    await tx.incidentCharacteristic.deleteMany({ where: { incidentId: id } });
    if (input.characteristics.length) await tx.incidentCharacteristic.createMany({ data: input.characteristics.map((code) => ({ incidentId: id, code })) });
    await tx.incidentSource.deleteMany({ where: { incidentId: id } });
    if (input.sources.length) await tx.incidentSource.createMany({ data: input.sources.map((s, position) => ({ ...s, incidentId: id, position })) });
    const stored = encryptConfidential(input.confidential);
    await tx.incidentConfidential.upsert({ where: { incidentId: id }, create: { incidentId: id, ...stored }, update: stored });
    const oldPlain = before.confidential ? decryptConfidential(before.confidential) : null;
    const oldConfidential = Object.fromEntries(SENSITIVE_KEYS.map((k) => [k, oldPlain?.[k] ?? null])) as ConfidentialFields;
    const sensitive = sensitiveChanges({ ...before, confidential: oldConfidential }, input);
    await writeAudit(tx, {
      actorId,
      action: "update",
      entityType: "incident",
      entityId: id,
      before: { ...incidentAuditValues({ ...before, characteristics: before.characteristics.map((c) => c.code) }), version: baseVersion },
      after: { ...incidentAuditValues(input), version: baseVersion + 1, ...(sensitive.length ? { staffOnlyFieldsChanged: sensitive } : {}) },
    });
    // Re-explain suggestions from the new facts; accepted and rejected links stay as decided.
    await suggestLinksForIncident(tx, id);
    return { ok: true, version: baseVersion + 1 } as const;
  });
}

type VerificationDecision = { status: VerificationStatus; note: string | null };

/** Records a reviewer's decision (with the version the reviewer looked at). */
export async function verifyIncident(id: string, baseVersion: number, decision: VerificationDecision, actorId: string): Promise<IncidentSaveResult> {
  return refuseStale(
    () => writeVerification(id, baseVersion, decision, actorId),
    () => newerVersion(id),
  );
}

/** Whether REQUIRE_SECOND_VERIFIER keeps `actorId` from verifying a case created by `createdById`. */
export function mustVerifyAsSomeoneElse(createdById: string | null, actorId: string): boolean {
  return env().requireSecondVerifier && createdById === actorId;
}

async function writeVerification(id: string, baseVersion: number, decision: VerificationDecision, actorId: string) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.incident.findUnique({
      where: { id },
      select: { verificationStatus: true, verificationNote: true, deletedAt: true, createdById: true },
    });
    if (!before || before.deletedAt) return { ok: false, missing: true } as const;
    // Four eyes (docs/decisions/096): whoever logged a case cannot decide on it; going back to "reported" stays open.
    if (mustVerifyAsSomeoneElse(before.createdById, actorId) && decision.status !== "reported") return refuse("form", "ownCaseVerification");
    const now = new Date();
    const { count } = await tx.incident.updateMany({
      where: { id, version: baseVersion, deletedAt: null },
      data: {
        verificationStatus: decision.status,
        verificationNote: decision.note,
        verifiedById: decision.status === "reported" ? null : actorId,
        verifiedAt: decision.status === "reported" ? null : now,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new StaleVersion();
    await writeAudit(tx, {
      actorId,
      action: "verify",
      entityType: "incident",
      entityId: id,
      before: { verificationStatus: before.verificationStatus, verificationNote: before.verificationNote, version: baseVersion },
      after: { verificationStatus: decision.status, verificationNote: decision.note, version: baseVersion + 1 },
    });
    // Re-explain suggestions from the new facts; accepted and rejected links stay as decided.
    await suggestLinksForIncident(tx, id);
    return { ok: true, version: baseVersion + 1 } as const;
  });
}

/** Soft delete: the case leaves every list and count, and staff can restore it. */
export async function softDeleteIncident(id: string, actorId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.incident.updateMany({ where: { id, deletedAt: null }, data: { deletedAt: now, updatedById: actorId } });
    if (!count) return false;
    await writeAudit(tx, {
      actorId,
      action: "delete",
      entityType: "incident",
      entityId: id,
      before: { deletedAt: null },
      after: { deletedAt: now.toISOString() },
    });
    return true;
  });
}

export async function restoreIncident(id: string, actorId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.incident.findFirst({ where: { id, deletedAt: { not: null } }, select: { deletedAt: true } });
    if (!row) return false;
    const { count } = await tx.incident.updateMany({ where: { id, deletedAt: { not: null } }, data: { deletedAt: null, updatedById: actorId } });
    if (!count) return false;
    await writeAudit(tx, {
      actorId,
      action: "restore",
      entityType: "incident",
      entityId: id,
      before: { deletedAt: row.deletedAt!.toISOString() },
      after: { deletedAt: null },
    });
    return true;
  });
}

/** Removes a soft-deleted case for good (admins only, after confirming); the audit event keeps its non-sensitive fields. */
export async function purgeIncident(id: string, actorId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.incident.findFirst({ where: { id, deletedAt: { not: null } }, select: { ...PUBLIC_COLUMNS, ...RELATED, version: true } });
    if (!row) return false;
    await tx.incident.delete({ where: { id } });
    await writeAudit(tx, {
      actorId,
      action: "purge",
      entityType: "incident",
      entityId: id,
      before: {
        ...incidentAuditValues({ ...row, characteristics: row.characteristics.map((c) => c.code) }),
        origin: row.origin,
        externalId: row.externalId,
        verificationStatus: row.verificationStatus,
        version: row.version,
        deletedAt: row.deletedAt!.toISOString(),
      },
      after: null,
    });
    return true;
  });
}

// ---------- Possible duplicates ----------

/** Days either side of a date within which two cases may be the same attack. */
export const DUPLICATE_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

function periodOf(start: Date, precision: string): [number, number] {
  const t = start.getTime();
  if (precision === "year") return [t, Date.UTC(start.getUTCFullYear() + 1, 0, 1)];
  if (precision === "month") return [t, Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)];
  return [t, t + DAY_MS];
}

export interface DuplicateCandidate {
  id: string;
  origin: string;
  occurredOn: Date;
  datePrecision: string;
  victimName: string | null;
  stateCode: string | null;
  municipality: string | null;
  outcome: string;
  verificationStatus: string;
  similarity: number;
}

/**
 * Live cases that may be the same as `input`: same state, dates within
 * DUPLICATE_WINDOW_DAYS (periods for month/year precision), and a similar name
 * (accents and case ignored); when either name is unknown, the same outcome.
 */
export async function findPossibleDuplicates(
  input: Pick<IncidentInput, "occurredOn" | "datePrecision" | "victimName" | "stateCode" | "outcome">,
  excludeId?: string,
): Promise<DuplicateCandidate[]> {
  const [start, end] = periodOf(input.occurredOn, input.datePrecision);
  const lo = start - DUPLICATE_WINDOW_DAYS * DAY_MS;
  const hi = end + DUPLICATE_WINDOW_DAYS * DAY_MS;
  const rows = await prisma.incident.findMany({
    where: {
      deletedAt: null,
      stateCode: input.stateCode,
      // A year-precision candidate starts up to a year before the window.
      occurredOn: { gte: new Date(lo - 366 * DAY_MS), lt: new Date(hi) },
      ...(excludeId ? { id: { not: excludeId } } : {}),
    },
    select: {
      id: true,
      origin: true,
      occurredOn: true,
      datePrecision: true,
      victimName: true,
      stateCode: true,
      municipality: true,
      outcome: true,
      verificationStatus: true,
    },
    take: 1000,
  });
  const found: DuplicateCandidate[] = [];
  for (const r of rows) {
    const [s, e] = periodOf(r.occurredOn, r.datePrecision);
    if (e <= lo || s >= hi) continue;
    let similarity: number;
    if (input.victimName && r.victimName) similarity = nameSimilarity(input.victimName, r.victimName);
    else similarity = r.outcome === input.outcome ? SIMILAR_NAME_THRESHOLD : 0;
    if (similarity >= SIMILAR_NAME_THRESHOLD) found.push({ ...r, similarity });
  }
  return found.sort((a, b) => b.similarity - a.similarity || a.occurredOn.getTime() - b.occurredOn.getTime()).slice(0, 10);
}

/** Staff-logged cases waiting for a reviewer. */
export async function countIncidentsAwaitingReview(): Promise<number> {
  return countIncidents({ countries: [ALL_COUNTRIES], origins: ["staff"], verification: ["reported"] });
}
