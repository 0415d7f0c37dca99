// Every Prisma query on published figures (layer 1). Values are returned exactly
// as stored: nothing here recomputes a published number.
import { prisma, type Prisma } from "~/lib/db.server.ts";

export interface SourceRef {
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  url: string | null;
}

export interface FigureView {
  key: string;
  periodStart: number;
  periodEnd: number;
  metric: string;
  subsetLabel: string | null;
  value: number | null;
  valueText: string | null;
  atLeast: boolean;
  status: string;
  note: string | null;
  reportName: string | null;
  revisedValue: number | null;
  source: SourceRef;
  revisedSource: SourceRef | null;
}

const sourceColumns = { title: true, publisher: true, publishedOn: true, url: true } as const;
const figureColumns = {
  key: true,
  periodStart: true,
  periodEnd: true,
  metric: true,
  subsetLabel: true,
  value: true,
  valueText: true,
  atLeast: true,
  status: true,
  note: true,
  reportName: true,
  revisedValue: true,
  sourceId: true,
  revisedSourceId: true,
} as const;

/**
 * The one read of published figures: the figures `where` selects, and the sources
 * they cite asked beside them (two statements at once) rather than after them,
 * one query per relation, as Prisma would load `source` and `revisedSource`.
 */
async function findFigures(where: Prisma.PublishedFigureWhereInput, orderBy?: Prisma.PublishedFigureOrderByWithRelationInput[]) {
  const [rows, sources] = await Promise.all([
    prisma.publishedFigure.findMany({ where, select: { ...figureColumns, scope: true }, orderBy }),
    prisma.source.findMany({ where: { OR: [{ figures: { some: where } }, { revisedFigures: { some: where } }] }, select: { id: true, ...sourceColumns } }),
  ]);
  const byId = new Map<string, SourceRef>(sources.map(({ id, ...source }) => [id, source]));
  // A figure changed between the two reads may cite a source the second did not return: read those now.
  const missing = [...new Set(rows.flatMap((r) => [r.sourceId, r.revisedSourceId]))].filter((id): id is string => id !== null && !byId.has(id));
  if (missing.length) {
    for (const { id, ...source } of await prisma.source.findMany({ where: { id: { in: missing } }, select: { id: true, ...sourceColumns } }))
      byId.set(id, source);
  }
  return rows.map(({ sourceId, revisedSourceId, scope, ...figure }) => ({
    scope,
    figure: { ...figure, source: byId.get(sourceId)!, revisedSource: revisedSourceId === null ? null : byId.get(revisedSourceId)! } satisfies FigureView,
  }));
}

export const HEADLINE_KEYS = {
  total: "mx-2012-2024-total",
  killed2024: "mx-annual-2024",
  disappeared2024: "mx-annual-2024-disappeared",
  indigenous: "mx-2012-2024-indigenous",
  indigenousPopulation: "mx-indigenous-population-share",
  mining: "mx-2012-2024-mining",
  police: "mx-2012-2024-police-pma",
  indigenousPolice: "mx-2012-2024-indigenous-police-pma",
  indigenousMining: "mx-2012-2024-indigenous-mining",
} as const;
export type HeadlineKey = keyof typeof HEADLINE_KEYS;

export async function getFiguresByKey(keys: string[]): Promise<Map<string, FigureView>> {
  const rows = await findFigures({ key: { in: keys } });
  return new Map(rows.map(({ figure }) => [figure.key, figure]));
}

/** The overview's headline figures; a missing one is null, never made up. */
export async function getHeadlineFigures(): Promise<Record<HeadlineKey, FigureView | null>> {
  const byKey = await getFiguresByKey(Object.values(HEADLINE_KEYS));
  return Object.fromEntries(Object.entries(HEADLINE_KEYS).map(([name, key]) => [name, byKey.get(key) ?? null])) as Record<HeadlineKey, FigureView | null>;
}

export interface AnnualFigureRow {
  year: number;
  scope: "country" | "worldwide";
  metric: string;
  value: number | null;
  revisedValue: number | null;
  status: string;
  reportName: string | null;
  source: SourceRef;
  revisedSource: SourceRef | null;
}

/**
 * Single-year figures for Mexico and worldwide (not subsets), as stored: the
 * killed figure (and the disappeared figure where published apart).
 */
export async function listAnnualFigures(yearFrom: number, yearTo: number): Promise<AnnualFigureRow[]> {
  const rows = await findFigures(
    {
      periodStart: { gte: yearFrom, lte: yearTo },
      periodEnd: { equals: prisma.publishedFigure.fields.periodStart },
      parentId: null,
      subsetCode: null,
      metric: { in: ["killed", "disappeared", "killed_or_disappeared"] },
      OR: [{ scope: "country", countryCode: "MX" }, { scope: "worldwide" }],
    },
    [{ periodStart: "asc" }, { scope: "asc" }, { metric: "asc" }],
  );
  return rows.map(({ scope, figure: f }) => ({
    year: f.periodStart,
    scope: scope as "country" | "worldwide",
    metric: f.metric,
    value: f.value,
    revisedValue: f.revisedValue,
    status: f.status,
    reportName: f.reportName,
    source: f.source,
    revisedSource: f.revisedSource,
  }));
}

/** The first and last year with a single-year published figure for Mexico; null when there is none. */
export async function getAnnualFigureYearBounds(): Promise<{ min: number; max: number } | null> {
  const r = await prisma.publishedFigure.aggregate({
    where: { scope: "country", countryCode: "MX", parentId: null, subsetCode: null, periodEnd: { equals: prisma.publishedFigure.fields.periodStart } },
    _min: { periodStart: true },
    _max: { periodStart: true },
  });
  return r._min.periodStart === null || r._max.periodStart === null ? null : { min: r._min.periodStart, max: r._max.periodStart };
}

/** Every published figure as its source printed it, by key (the API's list; never recomputed). */
export async function listPublishedFigures(): Promise<FigureView[]> {
  return (await findFigures({}, [{ key: "asc" }])).map(({ figure }) => figure);
}
