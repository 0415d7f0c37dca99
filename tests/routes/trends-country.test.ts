// Once other countries' records are imported, the dashboards still count Mexico
// by default; /trends offers the country; Mexico-only charts stay on Mexico.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { parseGwCsv } from "~/domain/gw-dataset.ts";
import { applyGwImport, importSourceLine } from "~/models/gw-import.server.ts";
import { countIncidentsBy, GW_CASE_RECORDS } from "~/models/incident.server.ts";
import { loader as trendsLoader } from "~/routes/trends.tsx";
import { gwCsv } from "../setup/gw-csv.ts";
import { get } from "../setup/route.ts";

const people = (rows: { people: number }[]) => rows.reduce((sum, r) => sum + r.people, 0);

async function trends(query = "") {
  const page = await get(trendsLoader, `/trends${query}`);
  expect(page.status).toBe(200);
  const chart = (id: string) => page.data.charts.find((c: { id: string }) => c.id === id).data;
  return { page: page.data, chart };
}

describe("dashboards and other countries' records", () => {
  let before: Awaited<ReturnType<typeof trends>>;
  beforeAll(async () => {
    before = await trends();
    const parsed = parseGwCsv(
      gwCsv([
        { id: "hn-1", country: "Honduras", country_numeric: "340", industry_driver: "Mining & Extractives", date: "2016-03-03" },
        { id: "hn-2", country: "Honduras", country_numeric: "340", industry_driver: "Hydropower", date: "2017-05-01" },
        { id: "co-1", country: "Colombia", country_numeric: "170", industry_driver: "Mining & Extractives", date: "2019-01-01", local_region: "Oaxaca" },
      ]),
    );
    if (!parsed.ok) throw new Error(parsed.problem);
    await applyGwImport(prisma, parsed.records, 0, { actorId: null, source: importSourceLine("world.csv", null) });
  });

  it("keeps every default count on Mexico", async () => {
    expect(people(await countIncidentsBy("sector", GW_CASE_RECORDS))).toBe(154);
    const after = await trends();
    for (const id of ["mexico-annual", "sector-breakdown", "state-breakdown", "reconciliation", "mining-by-year", "indigenous-share"]) {
      expect(after.chart(id), id).toEqual(before.chart(id));
    }
  });

  it("offers the country choice, and counts the chosen countries where the chart allows", async () => {
    const { page, chart } = await trends("?country=all");
    expect(page.countries.map((c: { code: string }) => c.code)).toEqual(["MX", "HN", "CO"]);
    expect(page.countries.find((c: { code: string }) => c.code === "HN").name).toBe("Honduras");
    const sectors = chart("sector-breakdown");
    expect(people(sectors.counts)).toBe(people(before.chart("sector-breakdown").counts) + 3);
    // Beside Mexico's published figures, and by Mexican state: Mexico only, and the scope says so.
    expect(chart("state-breakdown").scope.countries).toEqual(["MX"]);
    expect(chart("state-breakdown").counts).toEqual(before.chart("state-breakdown").counts);
    expect(chart("mexico-annual").cases).toEqual(before.chart("mexico-annual").cases);
    expect(chart("reconciliation").cases).toEqual(before.chart("reconciliation").cases);
    expect(chart("mining-by-year").counts).toEqual(before.chart("mining-by-year").counts);

    const honduras = await trends("?country=HN");
    expect(people(honduras.chart("sector-breakdown").counts)).toBe(2);
    // Mexico chosen explicitly is the default view.
    expect((await trends("?country=MX")).chart("sector-breakdown")).toEqual(before.chart("sector-breakdown"));
  });

  it("explains an unknown country like any other wrong filter", async () => {
    const { page } = await trends("?country=Narnia");
    expect(page.problems).toEqual([{ param: "country", value: "Narnia", reason: "unknownCode" }]);
  });
});
