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
