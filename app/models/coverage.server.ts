// What data covers which dates: the first and last Global Witness record, the
// first staff record logged, the last published annual figure (all from the
// data, never written down by hand), and the published annual figures a window
// without case records is set beside.
import type { CaseCoverage } from "~/domain/coverage.ts";
import { prisma, type Prisma } from "~/lib/db.server.ts";
import { getLastGwImportDate } from "./gw-import.server.ts";
import { incidentWhere } from "./incident.server.ts";
import { getAnnualFigureYearBounds, listAnnualFigures, type AnnualFigureRow } from "./published-figure.server.ts";

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

export async function getCaseCoverage(now = new Date()): Promise<CaseCoverage> {
  const [gw, staff, published, years, gwImportedOn] = await Promise.all([
    prisma.incident.aggregate({ where: { origin: "gw_dataset", deletedAt: null }, _min: { occurredOn: true }, _max: { occurredOn: true } }),
    prisma.incident.aggregate({ where: { origin: "staff", deletedAt: null }, _min: { createdAt: true } }),
    getAnnualFigureYearBounds(),
    prisma.incident.groupBy({ by: ["year"], where: incidentWhere({}) }),
    getLastGwImportDate(),
  ]);
  const gwFrom = day(gw._min.occurredOn);
  const gwTo = day(gw._max.occurredOn);
  return {
    gw: gwFrom && gwTo ? { from: gwFrom, to: gwTo } : null,
    staffFrom: day(staff._min.createdAt),
    publishedTo: published?.max ?? null,
    yearsWithRecords: years.map((y) => y.year).sort((a, b) => a - b),
    today: now.toISOString().slice(0, 10),
    gwImportedOn,
  };
}

/** Whether any counted case record (Global Witness or verified staff) happened in [from, to). */
export async function hasCaseRecordsBetween(from: string, to: string | null): Promise<boolean> {
  const occurredOn: Prisma.DateTimeFilter = { gte: new Date(`${from}T00:00:00Z`) };
  if (to) occurredOn.lt = new Date(`${to}T00:00:00Z`);
  return (await prisma.incident.count({ where: { AND: [incidentWhere({}), { occurredOn }] }, take: 1 })) > 0;
}

/** Mexico's published single-year figures (killed, disappeared) for these years. */
export async function listMexicoAnnualFigures(years: number[]): Promise<AnnualFigureRow[]> {
  if (!years.length) return [];
  const rows = await listAnnualFigures(Math.min(...years), Math.max(...years));
  return rows.filter((r) => r.scope === "country" && years.includes(r.year));
}
