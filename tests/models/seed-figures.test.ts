// The published figures are seeded from seeds/data/published-figures.json. This
// test holds every seeded figure and its source to tests/fixtures/published-figures.seeded.json,
// the rows as they were seeded when the figures were still built by code from the
// reference files: a change to a published figure is never a side effect.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { readPublishedFigures, splitStatus } from "../../seeds/seed.ts";

/** Every seeded figure and the sources it names, ids replaced by keys, in key order. */
async function publishedFigureRows() {
  const figures = await prisma.publishedFigure.findMany({
    orderBy: { key: "asc" },
    include: { source: { select: { key: true } }, revisedSource: { select: { key: true } }, parent: { select: { key: true } } },
  });
  const sourceIds = new Set(figures.flatMap((f) => [f.sourceId, f.revisedSourceId].filter((id): id is string => id !== null)));
  const sources = await prisma.source.findMany({ where: { id: { in: [...sourceIds] } }, orderBy: { key: "asc" } });
  return {
    sources: sources.map(({ id: _id, createdAt: _c, updatedAt: _u, ...s }) => s),
    figures: figures.map(({ id: _id, createdAt: _c, updatedAt: _u, sourceId: _s, revisedSourceId: _r, parentId: _p, source, revisedSource, parent, ...f }) => ({
      ...f,
      source: source.key,
      revisedSource: revisedSource?.key ?? null,
      parent: parent?.key ?? null,
    })),
  };
}

describe("the seeded published figures", () => {
  it("are the 67 figures and 26 sources recorded, value for value", async () => {
    const expected = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/published-figures.seeded.json"), "utf8"));
    const rows = await publishedFigureRows();
    expect(rows.figures).toHaveLength(67);
    expect(rows.sources).toHaveLength(26);
    expect(JSON.stringify(rows, null, 2)).toBe(JSON.stringify(expected, null, 2));
  });
});

describe("seeds/data/published-figures.json", () => {
  const { figures } = readPublishedFigures();
  const reference = (file: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../seeds", file), "utf8"));
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const num = (v: unknown) => (typeof v === "number" ? v : null);

  it("prints every headline figure as its reference file does", () => {
    const published = reference("reference/gw-published-figures-mexico.json");
    for (const r of published.figures) {
      const f = byKey.get(r.id);
      // 2024's killed and disappeared figures are seeded once, as annual figures.
      if (!f) {
        expect(["mx-2024-killed", "mx-2024-disappeared"]).toContain(r.id);
        continue;
      }
      expect(f, r.id).toMatchObject({ value: r.value, atLeast: r.atLeast, metric: r.metric, from: "reference/gw-published-figures-mexico.json" });
    }
    for (const r of published.context) expect(byKey.get(r.id)?.value, r.id).toBe(r.value);
  });

  it("prints every annual and cumulative figure, first reported and revised, as its reference file does", () => {
    const annual = reference("reference/gw-annual-figures.json");
    for (const a of annual.annual) {
      expect(byKey.get(`mx-annual-${a.year}`), String(a.year)).toMatchObject({
        value: num(a.mexicoKilled),
        revisedValue: num(a.mexicoKilledRevised),
        reportName: a.report,
      });
      expect(byKey.get(`ww-annual-${a.year}`), String(a.year)).toMatchObject({ value: num(a.globalKilled), revisedValue: num(a.globalKilledRevised) });
      if (a.mexicoDisappeared !== undefined) expect(byKey.get(`mx-annual-${a.year}-disappeared`)?.value).toBe(num(a.mexicoDisappeared));
      // A value the report did not print stays unknown and unconfirmed, never 0.
      if (num(a.mexicoKilled) === null) expect(byKey.get(`mx-annual-${a.year}`)?.status).toBe("unconfirmed");
    }
    for (const c of annual.cumulative) {
      expect(byKey.get(`ww-cumulative-${c.period}`)?.value, c.period).toBe(c.global);
      if (c.period !== "2012-2024") expect(byKey.get(`mx-cumulative-${c.period}`)?.value, c.period).toBe(c.mexico);
    }
  });

  it("prints every yearly breakdown with the value and status its reference file gives", () => {
    const { breakdowns } = reference("reference/gw-mexico-breakdowns.json");
    const yearly = breakdowns.filter((b: { year: unknown }) => typeof b.year === "number");
    const seeded = figures.filter((f) => f.from === "reference/gw-mexico-breakdowns.json");
    expect(seeded).toHaveLength(yearly.length);
    for (const b of yearly) {
      const f = seeded.find((x) => x.periodStart === b.year && x.subsetLabel === b.category && x.subsetCode?.startsWith(`${b.dimension}:`));
      expect(f, `${b.year} ${b.category}`).toBeDefined();
      expect(f!.value ?? f!.valueText).toBe(typeof b.value === "number" ? b.value : String(b.value));
      expect(f!.status).toBe(splitStatus(b.status).status);
    }
  });
});
