import { describe, expect, it } from "vitest";
import { buildMatrixChart, contrastRatio, matrixChartHeight, matrixShade, matrixTable, shapeMatrix, withholdMatrix } from "~/charts/accountability-matrix.ts";
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
  it("gives every provision a row and every year a column, zeros included, accepted links only when asked", () => {
    const m = shapeMatrix(provisions, counts, 2019, 2021, ["accepted"]);
    expect(m.years).toEqual([2019, 2020, 2021]);
    expect(m.rows.map((r) => [r.code, r.accepted, r.acceptedTotal])).toEqual([
      ["AP-I-MIN", [3, 0, 6], 9],
      ["CSP-GAP-HRD", [0, 0, 0], 0],
    ]);
    expect(m.rows[0].suggested).toEqual([null, null, null]);
    expect(m.max).toBe(6);
    expect(m.layers).toEqual({ accepted: true, suggested: false });
  });

  it("keeps accepted and suggested links in two layers, never added together; rejected links never count", () => {
    const m = shapeMatrix(provisions, counts, 2019, 2021, ["accepted", "suggested"]);
    expect(m.rows[0].accepted).toEqual([3, 0, 6]);
    expect(m.rows[0].suggested).toEqual([2, 0, 0]);
    expect([m.rows[0].acceptedTotal, m.rows[0].suggestedTotal]).toEqual([9, 2]);
    expect(m.rows[1].accepted).toEqual([0, 0, 0]);
    expect(m.rows[1].suggested).toEqual([0, 1, 0]);
    const onlySuggested = shapeMatrix(provisions, counts, 2019, 2021, ["suggested", "rejected"]);
    expect(onlySuggested.rows[0].suggested).toEqual([2, 0, 0]);
    expect(onlySuggested.rows[0].accepted).toEqual([null, null, null]);
    expect(onlySuggested.layers).toEqual({ accepted: false, suggested: true });
  });

  it("gives a year without case records no count at all (null, shown as no case-level data), not 0", () => {
    const m = shapeMatrix(provisions, counts, 2020, 2023, ["accepted", "suggested"], { hasCaseData: (y) => y <= 2021 });
    expect(m.covered).toEqual([true, true, false, false]);
    expect(m.rows[0].accepted).toEqual([0, 6, null, null]);
    expect(m.rows[0].suggested).toEqual([0, 0, null, null]);
    const table = matrixTable(m, chartContext());
    expect(table.rows[0].slice(2, 6)).toEqual([0, 0, 6, 0]);
    expect(table.rows[0].slice(6, 10)).toEqual(["no case-level data", "no case-level data", "no case-level data", "no case-level data"]);
    const cells = buildMatrixChart(m, chartContext()).options!.plugins!.heatCells!.cells!;
    expect(cells.filter((c) => (c.x ?? 0) >= 2).every((c) => c.text === "—")).toBe(true);
    expect(cells.some((c) => c.text === "0" && (c.x ?? 0) >= 2)).toBe(false);
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
    expect(table.columns).toEqual(["Code", "Provision", "2019 · accepted", "2020 · accepted", "2021 · accepted", "Total · accepted"]);
    expect(table.rows).toEqual([
      ["AP-I-MIN", "Sustainable mining", 3, 0, 6, 9],
      ["CSP-GAP-HRD", "Defenders and journalists", 0, 0, 0, 0],
    ]);
    const drawn = config.options!.plugins!.heatCells!.cells!.map((c) => Number(c.text));
    expect(drawn).toEqual(table.rows.flatMap((r) => r.slice(2, -1)));
  });

  it("labels each layer in its own CSV column and draws suggestions apart on a hatched band", () => {
    const both = shapeMatrix(provisions, counts, 2019, 2021, ["accepted", "suggested"]);
    const table = matrixTable(both, chartContext());
    expect(table.columns.slice(2, 4)).toEqual(["2019 · accepted", "2019 · suggested, not yet reviewed"]);
    expect(table.columns.slice(-2)).toEqual(["Total · accepted", "Total · suggested, not yet reviewed"]);
    expect(table.rows[0]).toEqual(["AP-I-MIN", "Sustainable mining", 3, 2, 0, 0, 6, 0, 9, 2]);
    const cells = buildMatrixChart(both, chartContext()).options!.plugins!.heatCells!.cells!;
    expect(cells[0]).toMatchObject({ text: "3", suggested: "2" });
    const onlySuggested = buildMatrixChart(shapeMatrix(provisions, counts, 2019, 2021, ["suggested"]), chartContext()).options!.plugins!.heatCells!.cells!;
    expect(onlySuggested[0]).toMatchObject({ text: "2", hatched: true });
  });
});

describe("withholdMatrix (decision 109)", () => {
  const m = shapeMatrix(provisions, counts, 2019, 2021, ["accepted", "suggested"]);
  const w = withholdMatrix(m, 3);

  it("withholds counts from 1 to 2 in each layer apart, keeps zeros and larger counts", () => {
    expect(w.rows[0].accepted).toEqual([3, 0, 6]);
    expect(w.rows[0].suggested).toEqual([null, 0, 0]);
    expect(w.rows[1].suggested).toEqual([0, null, 0]);
    expect(w.smallCountThreshold).toBe(3);
  });

  it("withholds a total that includes a withheld cell (else total minus the shown cells gives it away), never sums the layers", () => {
    expect([w.rows[0].acceptedTotal, w.rows[0].suggestedTotal]).toEqual([9, null]);
    expect([w.rows[1].acceptedTotal, w.rows[1].suggestedTotal]).toEqual([0, null]);
  });

  it('keeps "no case-level data" apart from a withheld count', () => {
    const uncovered = withholdMatrix(shapeMatrix(provisions, [], 2019, 2020, ["accepted"], { hasCaseData: (y) => y !== 2020 }), 3);
    expect(uncovered.covered).toEqual([true, false]);
    expect(matrixTable(uncovered, chartContext()).rows[0]).toEqual(["AP-I-MIN", "Sustainable mining", 0, "no case-level data", 0]);
  });

  it('writes "fewer than 3" in the table and CSV, "<3" in the heat map\'s cells', () => {
    const table = matrixTable(w, chartContext());
    expect(table.rows[0]).toEqual(["AP-I-MIN", "Sustainable mining", 3, "fewer than 3", 0, 0, 6, 0, 9, "fewer than 3"]);
    const cells = (buildMatrixChart(w, chartContext()).options?.plugins as unknown as { heatCells: { cells: { text: string; suggested?: string }[] } })
      .heatCells.cells;
    expect(cells[0]).toMatchObject({ text: "3", suggested: "<3" });
    expect(matrixTable(w, chartContext("es")).rows[0][3]).toBe("menos de 3");
  });

  it("changes no count at threshold 1", () => {
    expect(withholdMatrix(m, 1).rows).toEqual(m.rows);
  });
});
