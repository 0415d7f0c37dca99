// Case records as the commitments pages show them: public fields only (never the
// confidential ones), the victim's name only where it may be shown. Kept apart
// from incident.server.ts, which the case pages own.
import { prisma, type Prisma } from "~/lib/db.server.ts";
import { keysetPage, keysetQuery, type KeysetPage, type PageRequest } from "~/lib/keyset.ts";
import { visibleName } from "~/domain/victim-name.ts";
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
  return {
    id: row.id,
    occurredOn: row.occurredOn.toISOString().slice(0, 10),
    datePrecision: row.datePrecision,
    year: row.year,
    ...visibleName(row, { staff: showWithheldNames }),
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

/**
 * Case records with suggestions awaiting review, newest first, with how many each
 * has (counted in SQL); keyset-paginated on (occurredOn, id).
 */
export async function listIncidentsAwaitingReview({ sector, ...page }: PageRequest & { sector?: string } = {}): Promise<
  KeysetPage<IncidentSummary & { pending: number }> & { total: number }
> {
  const where: Prisma.IncidentWhereInput = { deletedAt: null, links: { some: { status: "suggested" } }, ...(sector ? { sector } : {}) };
  const query = keysetQuery("occurredOn", "desc", page);
  const [found, total] = await Promise.all([
    prisma.incident.findMany({
      ...query,
      where: { AND: [where, query.where] },
      select: { ...incidentSummarySelect, _count: { select: { links: { where: { status: "suggested" } } } } },
    }),
    prisma.incident.count({ where }),
  ]);
  const result = keysetPage(found, page, (r) => ({ at: r.occurredOn, id: r.id }));
  return { ...result, rows: result.rows.map((r) => ({ ...toIncidentSummary(r, true), pending: r._count.links })), total };
}
