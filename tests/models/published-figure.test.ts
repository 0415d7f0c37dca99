import { describe, expect, it } from "vitest";
import { getHeadlineFigures, listAnnualFigures } from "~/models/published-figure.server.ts";

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
});
