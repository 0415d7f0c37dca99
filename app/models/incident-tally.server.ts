// The dashboards' counts read from IncidentTally, the table of grouped counts that
// database triggers keep in step with every write to case records (decision 130).
// A chart's first reader after a write then sums a few thousand groups instead of
// every record. Only what the tally holds is asked of it: a filter it cannot answer
// (a gender, several characteristics, two of sector, perpetrator, state and
// characteristic together) is counted from the records themselves, by the caller.
import { prisma, type Prisma } from "~/lib/db.server.ts";
import type { DatabaseKind } from "~/lib/database-url.ts";
import { filterCountries, type IncidentFilter } from "~/domain/incident-filter.ts";

/**
 * One value as an equality, several as IN: SQLite's planner uses its value
 * statistics for `col = ?` (a rare origin is seen as rare), not for `IN (?)`.
 */
export function oneOrIn(values: string[]): string | { in: string[] } {
  return values.length === 1 ? values[0] : { in: values };
}

/** The columns a case record and a tally group share, and a condition on them that suits both tables. */
type ScopeColumn = "countryCode" | "year" | "origin" | "verificationStatus" | "outcome";
export type ScopeCondition = Pick<Prisma.IncidentWhereInput, ScopeColumn> & Pick<Prisma.IncidentTallyWhereInput, ScopeColumn> & { OR?: ScopeCondition[] };

/**
 * The filter's conditions on country, years, outcome, origin and verification: the
 * same for the records and for their tally, so that both count the same records.
 */
export function scopeConditions(filter: IncidentFilter): ScopeCondition[] {
  const and: ScopeCondition[] = [];
  const countries = filterCountries(filter);
  if (countries) and.push({ countryCode: oneOrIn(countries) });
  if (filter.yearFrom !== undefined) and.push({ year: { gte: filter.yearFrom } });
  if (filter.yearTo !== undefined) and.push({ year: { lte: filter.yearTo } });
  if (filter.outcomes?.length) and.push({ outcome: oneOrIn(filter.outcomes) });
  if (filter.origins?.length) and.push({ origin: oneOrIn(filter.origins) });
  if (filter.verification?.length) and.push({ verificationStatus: { in: filter.verification } });
  else {
    // Default count: Global Witness records and verified staff records. Spelled
    // out per origin so that the planner sees a plain equality when it can.
    const origins = filter.origins?.length ? filter.origins : ["gw_dataset", "staff"];
    const onlyGw = origins.every((o) => o === "gw_dataset");
    const onlyStaff = origins.every((o) => o === "staff");
    if (onlyStaff) and.push({ verificationStatus: "verified" });
    else if (!onlyGw) and.push({ OR: [{ origin: "gw_dataset" }, { verificationStatus: "verified" }] });
  }
  return and;
}

/**
 * Runs a bulk write with its tally changes set aside and summed into the tally once, at
 * its end (PostgreSQL, decision 132): a tally row updated hundreds of times in one
 * transaction makes every later update of it slower. `tx` must be the write's transaction;
 * a write that throws takes the set-aside changes with it when the transaction rolls back.
 * Until the end, this transaction's own tally reads would not show its writes. SQLite's
 * row triggers update the tally in place: the write runs as it is.
 */
export async function withTallySummedAtEnd<T>(tx: Pick<Prisma.TransactionClient, "$executeRaw">, kind: DatabaseKind, write: () => Promise<T>): Promise<T> {
  if (kind !== "postgresql") return write();
  await tx.$executeRaw`SELECT set_config('vigia.tally_deferred', 'on', true)`;
  const result = await write();
  await tx.$executeRaw`SELECT "incident_tally_flush"()`;
  return result;
}

type TallyDimension = "sector" | "perpetratorType" | "stateCode" | "characteristic";
/** The filters whose values are a tally dimension's values. */
const FILTER_DIMENSIONS = [
  ["sectors", "sector"],
  ["perpetrators", "perpetratorType"],
  ["states", "stateCode"],
  ["characteristics", "characteristic"],
] as const;

/** A column to group the counts by: a tally dimension or a column every group has. */
export type TallyGroup = "sector" | "perpetratorType" | "stateCode" | "year" | "outcome" | "origin";

interface TallyPlan {
  dimension: TallyDimension;
  /** The dimension's values the filter keeps (all when absent) */
  values?: string[];
}

/**
 * Which part of the tally counts the records of `filter` (grouped by `group`), or
 * null when the tally cannot: it holds each record once per dimension, so at most
 * one dimension may be filtered or grouped by, and a gender is not in it. Several
 * characteristics cannot be summed either (a record with two would count twice).
 */
export function tallyPlan(filter: IncidentFilter, group?: TallyGroup | "gender"): TallyPlan | null {
  if (group === "gender" || filter.genders?.length || (filter.characteristics?.length ?? 0) > 1) return null;
  const dimensions = new Map<TallyDimension, string[] | undefined>();
  for (const [key, dimension] of FILTER_DIMENSIONS) if (filter[key]?.length) dimensions.set(dimension, filter[key]);
  if ((group === "sector" || group === "perpetratorType" || group === "stateCode") && !dimensions.has(group)) dimensions.set(group, undefined);
  if (dimensions.size > 1) return null;
  // With no dimension in the question, any one of the three counts every record once.
  const [dimension, values] = [...dimensions][0] ?? ["sector", undefined];
  return { dimension, values: dimension === "stateCode" ? values?.map((v) => (v === "unknown" ? "" : v)) : values };
}

function tallyWhere(filter: IncidentFilter, plan: TallyPlan): Prisma.IncidentTallyWhereInput {
  return {
    AND: [{ dimension: plan.dimension, records: { gt: 0 } }, ...(plan.values ? [{ value: oneOrIn(plan.values) }] : []), ...scopeConditions(filter)],
  };
}

export interface TallyCount {
  key: string | null;
  people: number;
  records: number;
}

/** People and records per value of `group`; null when the tally cannot count this filter. */
export async function tallyCountBy(group: TallyGroup, filter: IncidentFilter): Promise<TallyCount[] | null> {
  const plan = tallyPlan(filter, group);
  if (!plan) return null;
  const column = group === plan.dimension ? "value" : (group as "year" | "outcome" | "origin");
  const rows = await prisma.incidentTally.groupBy({ by: [column], where: tallyWhere(filter, plan), _sum: { people: true, records: true } });
  return rows.map((r) => {
    const key = String(r[column as keyof typeof r]);
    return { key: group === "stateCode" && key === "" ? null : key, people: r._sum.people ?? 0, records: r._sum.records ?? 0 };
  });
}

/** People per year and outcome; null when the tally cannot count this filter. */
export async function tallyCountByYearAndOutcome(filter: IncidentFilter): Promise<{ year: number; outcome: string; people: number }[] | null> {
  const plan = tallyPlan(filter);
  if (!plan) return null;
  const rows = await prisma.incidentTally.groupBy({
    by: ["year", "outcome"],
    where: tallyWhere(filter, plan),
    _sum: { people: true },
    orderBy: [{ year: "asc" }, { outcome: "asc" }],
  });
  return rows.map((r) => ({ year: r.year, outcome: r.outcome, people: r._sum.people ?? 0 }));
}

/** The people in the records of `filter`; null when the tally cannot count this filter. */
export async function tallyPeople(filter: IncidentFilter): Promise<number | null> {
  const plan = tallyPlan(filter);
  if (!plan) return null;
  const r = await prisma.incidentTally.aggregate({ where: tallyWhere(filter, plan), _sum: { people: true } });
  return r._sum.people ?? 0;
}

/** The records of `filter`; null when the tally cannot count them. */
export async function tallyRecords(filter: IncidentFilter): Promise<number | null> {
  const plan = tallyPlan(filter);
  if (!plan) return null;
  const r = await prisma.incidentTally.aggregate({ where: tallyWhere(filter, plan), _sum: { records: true } });
  return r._sum.records ?? 0;
}

/** Per origin: the first and last year, and the last change, of the records of `filter`; null when the tally cannot say. */
export async function tallyByOrigin(filter: IncidentFilter): Promise<{ origin: string; from: number; to: number; lastChanged: Date }[] | null> {
  const plan = tallyPlan(filter);
  if (!plan) return null;
  const rows = await prisma.incidentTally.groupBy({
    by: ["origin"],
    where: tallyWhere(filter, plan),
    _min: { year: true },
    _max: { year: true, lastChanged: true },
  });
  return rows
    .filter((r) => r._min.year !== null && r._max.year !== null && r._max.lastChanged !== null)
    .map((r) => ({ origin: r.origin, from: r._min.year!, to: r._max.year!, lastChanged: r._max.lastChanged! }));
}

/** Whether `filter` counts any record; null when the tally cannot say. */
export async function tallyHasRecords(filter: IncidentFilter): Promise<boolean | null> {
  const plan = tallyPlan(filter);
  if (!plan) return null;
  return (await prisma.incidentTally.findFirst({ where: tallyWhere(filter, plan), select: { year: true } })) !== null;
}

/** Records per country, of every live record. */
export async function tallyCountries(): Promise<{ code: string; records: number }[]> {
  const rows = await prisma.incidentTally.groupBy({ by: ["countryCode"], where: { dimension: "sector", records: { gt: 0 } }, _sum: { records: true } });
  return rows.map((r) => ({ code: r.countryCode, records: r._sum.records ?? 0 }));
}

/** The first and last year of any live record; null when there is none. */
export async function tallyYearBounds(): Promise<{ min: number; max: number } | null> {
  const r = await prisma.incidentTally.aggregate({ where: { dimension: "sector", records: { gt: 0 } }, _min: { year: true }, _max: { year: true } });
  return r._min.year === null || r._max.year === null ? null : { min: r._min.year, max: r._max.year };
}
