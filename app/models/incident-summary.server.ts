// Case records as the commitments pages show them: public fields only (never the
// confidential ones), the victim's name only where it may be shown. Kept apart
// from incident.server.ts, which the case pages own.
import { prisma, type Prisma } from "~/lib/db.server.ts";
import { incidentWhere } from "./incident.server.ts";

export interface IncidentSummary {
  id: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  datePrecision: string;
  year: number;
  /** null when the name is withheld (and the reader may not see it) or unknown */
  victimName: string | null;
  nameWithheld: boolean;
  stateCode: string | null;
  regionRaw: string | null;
  sector: string;
  outcome: string;
  origin: string;
}

export const incidentSummarySelect = {
  id: true,
  occurredOn: true,
  datePrecision: true,
  year: true,
  victimName: true,
  victimNamePublic: true,
  stateCode: true,
  regionRaw: true,
  sector: true,
  outcome: true,
  origin: true,
} satisfies Prisma.IncidentSelect;

export function toIncidentSummary(row: Prisma.IncidentGetPayload<{ select: typeof incidentSummarySelect }>, showWithheldNames = false): IncidentSummary {
  const withheld = !row.victimNamePublic;
  return {
    id: row.id,
    occurredOn: row.occurredOn.toISOString().slice(0, 10),
    datePrecision: row.datePrecision,
    year: row.year,
    victimName: withheld && !showWithheldNames ? null : row.victimName,
    nameWithheld: withheld,
    stateCode: row.stateCode,
    regionRaw: row.regionRaw,
    sector: row.sector,
    outcome: row.outcome,
    origin: row.origin,
  };
}

export interface IncidentFacts extends IncidentSummary {
  perpetratorType: string;
  characteristics: string[];
  companyName: string | null;
  companyCountry: string | null;
}

/**
 * One case record for the link review page, or null when it does not exist, was
 * deleted, or (unless includeUnpublished) is a staff record not yet verified.
 */
export async function getIncidentSummary(
  id: string,
  { includeUnpublished = false, showWithheldNames = false }: { includeUnpublished?: boolean; showWithheldNames?: boolean } = {},
): Promise<IncidentFacts | null> {
  const row = await prisma.incident.findFirst({
    where: includeUnpublished ? { id, deletedAt: null } : { AND: [{ id }, incidentWhere({})] },
    select: {
      ...incidentSummarySelect,
      perpetratorType: true,
      companyName: true,
      companyCountry: true,
      characteristics: { select: { code: true }, orderBy: { code: "asc" } },
    },
  });
  if (!row) return null;
  return {
    ...toIncidentSummary(row, showWithheldNames),
    perpetratorType: row.perpetratorType,
    characteristics: row.characteristics.map((c) => c.code),
    companyName: row.companyName,
    companyCountry: row.companyCountry,
  };
}

export const REVIEW_PAGE_SIZE = 50;

/** Case records with suggestions awaiting review, newest first, with how many each has (counted in SQL). */
export async function listIncidentsAwaitingReview({ page = 1, sector }: { page?: number; sector?: string } = {}): Promise<{
  rows: (IncidentSummary & { pending: number })[];
  total: number;
}> {
  const where: Prisma.IncidentWhereInput = { deletedAt: null, links: { some: { status: "suggested" } }, ...(sector ? { sector } : {}) };
  const [rows, total] = await Promise.all([
    prisma.incident.findMany({
      where,
      select: { ...incidentSummarySelect, _count: { select: { links: { where: { status: "suggested" } } } } },
      orderBy: [{ occurredOn: "desc" }, { id: "asc" }],
      take: REVIEW_PAGE_SIZE,
      skip: (page - 1) * REVIEW_PAGE_SIZE,
    }),
    prisma.incident.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...toIncidentSummary(r, true), pending: r._count.links })), total };
}
