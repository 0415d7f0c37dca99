// The data-versioned aggregate cache (docs/decisions/077-data-versioned-cache.md):
// triggers bump the version in the writing transaction; a cached aggregate is served
// until then and recomputed after; another server writing to the same database is
// seen at once; a rolled-back write changes nothing.
import { describe, expect, it } from "vitest";
import { createDb, databaseTarget, prisma } from "~/lib/db.server.ts";
import { loadCharts } from "~/models/chart-data.server.ts";
import { getDataVersion } from "~/models/data-version.server.ts";
import { GW_CASE_RECORDS, listIncidentCountries } from "~/models/incident.server.ts";
import type { ChartQuery } from "~/charts/query.ts";
import { loader as csvLoader } from "~/routes/charts.$id[.]csv.ts";
import { loader as pngLoader } from "~/routes/charts.$id[.]png.ts";

const query: ChartQuery = { filter: GW_CASE_RECORDS, figures: "revised" };

async function sectorTotal(): Promise<number> {
  const [chart] = await loadCharts(["sector-breakdown"], query, "en", "signed-in");
  const rows = (chart.data as unknown as { counts: { people: number }[] }).counts;
  return rows.reduce((s, r) => s + r.people, 0);
}

describe("the data version", () => {
  it("is bumped by a write in the same transaction, and not by one rolled back", async () => {
    const before = await getDataVersion();
    const incident = await prisma.incident.findFirstOrThrow({ where: { deletedAt: null }, select: { id: true } });
    await prisma.$transaction(async (tx) => {
      await tx.incident.update({ where: { id: incident.id }, data: { companyName: "changed in a transaction" } });
      // Visible inside the transaction already: the bump is part of it.
      expect((await tx.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version).toBeGreaterThan(before);
    });
    const after = await getDataVersion();
    expect(after).toBeGreaterThan(before);

    await expect(
      prisma.$transaction(async (tx) => {
        await tx.incident.update({ where: { id: incident.id }, data: { companyName: "rolled back" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await getDataVersion()).toBe(after);
  });

  it("serves a cached aggregate until a write, then the new figure", async () => {
    const first = await loadCharts(["sector-breakdown"], query, "en", "signed-in");
    const again = await loadCharts(["sector-breakdown"], query, "en", "signed-in");
    // The same object: computed once for this version.
    expect(again[0]).toBe(first[0]);
    // Never shared across readers: a public reader's small counts are withheld, a signed-in reader's are not.
    const anonymous = await loadCharts(["sector-breakdown"], query, "en", "public");
    expect(anonymous[0]).not.toBe(first[0]);
    const total = await sectorTotal();
    expect(total).toBeGreaterThan(0);

    const victim = await prisma.incident.findFirstOrThrow({ where: { origin: "gw_dataset", deletedAt: null, victimCount: 1 }, select: { id: true } });
    await prisma.incident.update({ where: { id: victim.id }, data: { deletedAt: new Date() } });
    expect(await sectorTotal()).toBe(total - 1);
    await prisma.incident.update({ where: { id: victim.id }, data: { deletedAt: null } });
    expect(await sectorTotal()).toBe(total);
  });

  it("agrees across two servers on one database: a write through the other one is seen at once", async () => {
    const other = createDb(databaseTarget());
    try {
      const countries = await listIncidentCountries();
      const mx = countries.find((c) => c.code === "MX")!.records;
      expect(await listIncidentCountries()).toBe(await listIncidentCountries());
      const row = await other.incident.findFirstOrThrow({ where: { countryCode: "MX", deletedAt: null }, select: { id: true } });
      await other.incident.update({ where: { id: row.id }, data: { deletedAt: new Date() } });
      expect((await listIncidentCountries()).find((c) => c.code === "MX")!.records).toBe(mx - 1);
      await other.incident.update({ where: { id: row.id }, data: { deletedAt: null } });
      expect((await listIncidentCountries()).find((c) => c.code === "MX")!.records).toBe(mx);
    } finally {
      await other.$disconnect();
    }
  });

  it("keeps a chart's PNG and CSV until a write, then draws and writes them anew", async () => {
    const get = async (loader: typeof pngLoader, ext: string) => {
      const response = await loader({
        request: new Request(`http://localhost/charts/sector-breakdown.${ext}`),
        params: { id: "sector-breakdown" },
        context: {},
      });
      return Buffer.from(await response.arrayBuffer());
    };
    const png = await get(pngLoader, "png");
    const csv = (await get(csvLoader, "csv")).toString("utf8");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect((await get(pngLoader, "png")).equals(png)).toBe(true);

    const victim = await prisma.incident.findFirstOrThrow({ where: { origin: "gw_dataset", deletedAt: null, victimCount: 1 }, select: { id: true } });
    await prisma.incident.update({ where: { id: victim.id }, data: { deletedAt: new Date() } });
    try {
      expect((await get(csvLoader, "csv")).toString("utf8")).not.toBe(csv);
      expect((await get(pngLoader, "png")).equals(png)).toBe(false);
    } finally {
      await prisma.incident.update({ where: { id: victim.id }, data: { deletedAt: null } });
    }
    expect((await get(csvLoader, "csv")).toString("utf8")).toBe(csv);
  });
});
