// The published figures are seeded from seeds/data/published-figures.json. This
// test holds every seeded figure and its source to tests/fixtures/published-figures.seeded.json,
// the rows as they were seeded when the figures were still built by code from the
// reference files: a change to a published figure is never a side effect.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";

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
