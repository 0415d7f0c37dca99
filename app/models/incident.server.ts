// Every Prisma query on case records (incidents). Aggregations run in SQL.
import { prisma, type Prisma } from "~/lib/db.server.ts";
import type { IncidentFilter } from "./incident-filter.ts";

/** The Prisma where clause of a filter; never includes soft-deleted records. */
export function incidentWhere(filter: IncidentFilter): Prisma.IncidentWhereInput {
  const and: Prisma.IncidentWhereInput[] = [{ deletedAt: null }];
  if (filter.yearFrom !== undefined) and.push({ year: { gte: filter.yearFrom } });
  if (filter.yearTo !== undefined) and.push({ year: { lte: filter.yearTo } });
  if (filter.states?.length) {
    const codes = filter.states.filter((s) => s !== "unknown");
    const or: Prisma.IncidentWhereInput[] = [];
    if (codes.length) or.push({ stateCode: { in: codes } });
    if (filter.states.includes("unknown")) or.push({ stateCode: null });
    and.push({ OR: or });
  }
  if (filter.sectors?.length) and.push({ sector: { in: filter.sectors } });
  if (filter.perpetrators?.length) and.push({ perpetratorType: { in: filter.perpetrators } });
  if (filter.characteristics?.length) and.push({ characteristics: { some: { code: { in: filter.characteristics } } } });
  if (filter.genders?.length) and.push({ gender: { in: filter.genders } });
  if (filter.outcomes?.length) and.push({ outcome: { in: filter.outcomes } });
  if (filter.origins?.length) and.push({ origin: { in: filter.origins } });
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
  return { AND: and };
}

export interface CountRow<K extends string = string> {
  key: K | null;
  /** People (sum of victims) */
  people: number;
  /** Records */
  records: number;
}

type GroupField = "sector" | "perpetratorType" | "stateCode" | "year" | "outcome" | "gender" | "origin";

/** People and records per value of one column, in SQL (GROUP BY on an indexed column). */
export async function countIncidentsBy(field: GroupField, filter: IncidentFilter): Promise<CountRow[]> {
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

// ---------- Aggregates for the trends charts (issue 3) ----------

/** People per year and outcome, in SQL. */
export async function countIncidentsByYearAndOutcome(filter: IncidentFilter): Promise<{ year: number; outcome: string; people: number }[]> {
  const rows = await prisma.incident.groupBy({
    by: ["year", "outcome"],
    where: incidentWhere(filter),
    _sum: { victimCount: true },
    orderBy: [{ year: "asc" }, { outcome: "asc" }],
  });
  return rows.map((r) => ({ year: r.year, outcome: r.outcome, people: r._sum.victimCount ?? 0 }));
}

/** People in scope and, among them, the people with one person characteristic (two SQL aggregates). */
export async function countIncidentsWithCharacteristic(filter: IncidentFilter, code: string): Promise<{ withCharacteristic: number; total: number }> {
  const where = incidentWhere(filter);
  const [total, withCharacteristic] = await Promise.all([
    prisma.incident.aggregate({ where, _sum: { victimCount: true } }),
    prisma.incident.aggregate({ where: { AND: [where, { characteristics: { some: { code } } }] }, _sum: { victimCount: true } }),
  ]);
  return { withCharacteristic: withCharacteristic._sum.victimCount ?? 0, total: total._sum.victimCount ?? 0 };
}

/** The first and last year of any case record that is not deleted; null when there is none. */
export async function getIncidentYearBounds(): Promise<{ min: number; max: number } | null> {
  const r = await prisma.incident.aggregate({ where: { deletedAt: null }, _min: { year: true }, _max: { year: true } });
  return r._min.year === null || r._max.year === null ? null : { min: r._min.year, max: r._max.year };
}

/** When the case records in scope last changed, per origin (SQL MAX). */
export async function getIncidentsLastChanged(filter: IncidentFilter): Promise<{ origin: string; lastChanged: Date }[]> {
  const rows = await prisma.incident.groupBy({ by: ["origin"], where: incidentWhere(filter), _max: { updatedAt: true } });
  return rows.filter((r) => r._max.updatedAt).map((r) => ({ origin: r.origin, lastChanged: r._max.updatedAt! }));
}
