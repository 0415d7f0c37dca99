import { describe, expect, it } from "vitest";
import { buildMatrixChart, contrastRatio, matrixChartHeight, matrixShade, matrixTable, shapeMatrix } from "~/charts/accountability-matrix.ts";
import { chartContext } from "./context.ts";

const provisions = [
  { id: "a", code: "AP-I-MIN", title: "Sustainable mining", isGap: false },
  { id: "b", code: "CSP-GAP-HRD", title: "Defenders and journalists", isGap: true },
];
const counts = [
  { provisionId: "a", year: 2019, status: "accepted", records: 3 },
  { provisionId: "a", year: 2019, status: "suggested", records: 2 },
  { provisionId: "a", year: 2021, status: "accepted", records: 6 },
  { provisionId: "a", year: 2021, status: "rejected", records: 9 },
  { provisionId: "b", year: 2020, status: "suggested", records: 1 },
  { provisionId: "zzz", year: 2020, status: "accepted", records: 5 },
  { provisionId: "a", year: 2030, status: "accepted", records: 5 },
];

describe("shapeMatrix", () => {
  it("gives every provision a row and every year a column, zeros included, accepted links only by default", () => {
    const m = shapeMatrix(provisions, counts, 2019, 2021, ["accepted"]);
    expect(m.years).toEqual([2019, 2020, 2021]);
    expect(m.rows.map((r) => [r.code, r.counts, r.total])).toEqual([
      ["AP-I-MIN", [3, 0, 6], 9],
      ["CSP-GAP-HRD", [0, 0, 0], 0],
    ]);
    expect(m.max).toBe(6);
    expect(m.includesSuggested).toBe(false);
  });

  it("adds suggested links only when asked, and says how many of each cell are suggestions; rejected links never count", () => {
    const m = shapeMatrix(provisions, counts, 2019, 2021, ["accepted", "suggested"]);
    expect(m.rows[0].counts).toEqual([5, 0, 6]);
    expect(m.rows[0].suggested).toEqual([2, 0, 0]);
    expect(m.rows[1].counts).toEqual([0, 1, 0]);
    expect(m.includesSuggested && !m.onlySuggested).toBe(true);
    const onlySuggested = shapeMatrix(provisions, counts, 2019, 2021, ["suggested", "rejected"]);
    expect(onlySuggested.rows[0].counts).toEqual([2, 0, 0]);
    expect(onlySuggested.onlySuggested).toBe(true);
  });
});

describe("matrixShade", () => {
  it("leaves zero white and darkens with the count", () => {
    expect(matrixShade(0, 10).fill).toBe("#ffffff");
    const levels = [1, 3, 5, 8, 10].map((n) => matrixShade(n, 10).level);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(matrixShade(10, 10).level).toBe(6);
  });

  it("keeps the number readable on every shade (contrast at least 4.5:1)", () => {
    for (let n = 0; n <= 12; n++) {
      const { fill, ink } = matrixShade(n, 12);
      expect(contrastRatio(fill, ink), `${n}: ${ink} on ${fill}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("buildMatrixChart", () => {
  const m = shapeMatrix(provisions, counts, 2019, 2021, ["accepted"]);
  const config = buildMatrixChart(m, chartContext());

  it("draws one cell per provision and year with its number, on two category axes", () => {
    const cells = config.options!.plugins!.heatCells!.cells!;
    expect(cells).toHaveLength(6);
    expect(cells.map((c) => c.text)).toEqual(["3", "0", "6", "0", "0", "0"]);
    expect((config.options!.scales!.x as any).labels).toEqual(["2019", "2020", "2021"]);
    expect((config.options!.scales!.y as any).labels).toEqual(["AP-I-MIN · Sustainable mining", "CSP-GAP-HRD · Defenders and journalists"]);
    expect(matrixChartHeight(m)).toBeGreaterThan(2 * 20);
  });

  it("has a table of exactly the drawn numbers, with totals", () => {
    const table = matrixTable(m, chartContext());
    expect(table.columns).toEqual(["Code", "Provision", "2019", "2020", "2021", "Total"]);
    expect(table.rows).toEqual([
      ["AP-I-MIN", "Sustainable mining", 3, 0, 6, 9],
      ["CSP-GAP-HRD", "Defenders and journalists", 0, 0, 0, 0],
    ]);
    const drawn = config.options!.plugins!.heatCells!.cells!.map((c) => Number(c.text));
    expect(drawn).toEqual(table.rows.flatMap((r) => r.slice(2, -1)));
  });
});
