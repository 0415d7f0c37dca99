import { describe, expect, it, vi } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { getFiguresByKey, getHeadlineFigures, HEADLINE_KEYS, listAnnualFigures, listPublishedFigures } from "~/models/published-figure.server.ts";

const sourceColumns = { select: { title: true, publisher: true, publishedOn: true, url: true } } as const;

describe("published figures", () => {
  it("returns the headline figures with their sources", async () => {
    const h = await getHeadlineFigures();
    expect(h.total).toMatchObject({ value: 222, atLeast: true, periodStart: 2012, periodEnd: 2024 });
    expect(h.killed2024?.value).toBe(18);
    expect(h.disappeared2024?.value).toBe(1);
    expect(h.indigenous?.value).toBe(110);
    expect(h.indigenousPopulation?.value).toBe(0.19);
    expect(h.mining?.value).toBe(42);
    expect(h.police?.value).toBe(28);
    for (const f of Object.values(h)) expect(f?.source.title).toBeTruthy();
  });

  it("lists single-year figures for Mexico and the world, leaving out subsets", async () => {
    const rows = await listAnnualFigures(2012, 2024);
    const mexico = rows.filter((r) => r.scope === "country" && r.metric === "killed");
    expect(mexico.map((r) => r.year)).toEqual(Array.from({ length: 13 }, (_, i) => 2012 + i));
    const disappeared = rows.filter((r) => r.metric === "disappeared");
    // 2021's 19 disappearances are counted inside its 54, so only 2024's separate figure is listed.
    expect(disappeared.map((r) => [r.year, r.value])).toEqual([[2024, 1]]);
    expect(rows.find((r) => r.scope === "worldwide" && r.year === 2024)).toMatchObject({ metric: "killed_or_disappeared", value: 146 });
  });

  it("gives every figure the sources its row cites, as Prisma's relations load them", async () => {
    const expected = await prisma.publishedFigure.findMany({
      select: { key: true, source: sourceColumns, revisedSource: sourceColumns },
      orderBy: { key: "asc" },
    });
    const figures = await listPublishedFigures();
    expect(figures.map((f) => ({ key: f.key, source: f.source, revisedSource: f.revisedSource }))).toEqual(expected);
    // Both kinds of citation are covered: the seed has figures with a revised source and without.
    expect(figures.some((f) => f.revisedSource !== null)).toBe(true);
    expect(figures.some((f) => f.revisedSource === null)).toBe(true);
  });

  it("reads a source the side-by-side read missed (a figure changed between the two reads)", async () => {
    const spy = vi.spyOn(prisma.source, "findMany").mockResolvedValueOnce([]);
    try {
      const figures = await getFiguresByKey([HEADLINE_KEYS.mining]);
      expect(spy).toHaveBeenCalledTimes(2);
      expect(figures.get(HEADLINE_KEYS.mining)?.source.title).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
  });
});
