import { describe, expect, it } from "vitest";
import { buildIndigenousShareChart, indigenousShareTable, shapeIndigenousShare, type IndigenousShareData } from "~/charts/indigenous-share.ts";
import { chartContext } from "./context.ts";

const data: IndigenousShareData = {
  publishedIndigenous: { value: 110, atLeast: true, periodStart: 2012, periodEnd: 2024 },
  publishedTotal: { value: 222, atLeast: true, periodStart: 2012, periodEnd: 2024 },
  populationShare: { value: 0.19, atLeast: false, periodStart: 2025, periodEnd: 2025 },
  cases: { indigenous: 79, total: 154 },
};

describe("Indigenous share", () => {
  it("derives the defenders' share from the two published figures, gives the population share as published, and computes the case-record share", () => {
    expect(shapeIndigenousShare(data)).toEqual([
      { kind: "derived", percent: 49.5, numerator: 110, denominator: 222 },
      { kind: "published", percent: 19, numerator: null, denominator: null },
      { kind: "caseRecords", percent: 51.3, numerator: 79, denominator: 154 },
    ]);
  });

  it("labels the derived share and the case records as such, in the table too", () => {
    const ctx = chartContext();
    const rows = shapeIndigenousShare(data);
    const config = buildIndigenousShareChart(rows, ctx);
    expect(config.data.labels).toEqual([
      "Defenders killed or disappeared (derived from published figures)",
      "Mexico's population (published)",
      "Case records matching the filters",
    ]);
    const table = indigenousShareTable(rows, ctx);
    expect(table.rows.map((r) => r[1])).toEqual(config.data.datasets[0].data);
    expect(table.rows[0][2]).toBe("110 of 222: derived by Vigía from two published “at least” figures");
    expect(table.rows[2][2]).toBe("79 of 154 people in the case records");
  });

  it("gives no share rather than a made-up one when a figure is missing or no record matches", () => {
    const rows = shapeIndigenousShare({ ...data, publishedTotal: null, cases: { indigenous: 0, total: 0 } });
    expect(rows[0].percent).toBeNull();
    expect(rows[2].percent).toBeNull();
    expect(indigenousShareTable(rows, chartContext("es")).rows[2][2]).toBe("Ningún registro de casos cumple los filtros");
  });
});
