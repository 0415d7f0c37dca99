import { describe, expect, it } from "vitest";
import { buildSectorBreakdownChart, sectorBreakdownTable, shapeSectorBreakdown } from "~/charts/sector-breakdown.ts";
import { chartContext } from "./context.ts";

describe("shapeSectorBreakdown", () => {
  it("sorts by count and puts the unconfirmed sector last, never dropping it", () => {
    const rows = shapeSectorBreakdown([
      { key: "logging", people: 26 },
      { key: "unconfirmed", people: 66 },
      { key: "mining_extractives", people: 27 },
    ]);
    expect(rows.map((r) => r.sector)).toEqual(["mining_extractives", "logging", "unconfirmed"]);
    expect(rows.at(-1)!.people).toBe(66);
  });

  it("shows the unconfirmed sector even when no record has it", () => {
    const rows = shapeSectorBreakdown([{ key: "logging", people: 3 }]);
    expect(rows).toEqual([
      { sector: "logging", people: 3 },
      { sector: "unconfirmed", people: 0 },
    ]);
  });

  it("counts a missing or unknown sector as unconfirmed rather than losing it", () => {
    const rows = shapeSectorBreakdown([
      { key: null, people: 2 },
      { key: "not-a-sector", people: 1 },
      { key: "unconfirmed", people: 4 },
    ]);
    expect(rows).toEqual([{ sector: "unconfirmed", people: 7 }]);
  });
});

describe("buildSectorBreakdownChart", () => {
  const rows = shapeSectorBreakdown([
    { key: "mining_extractives", people: 27 },
    { key: "unconfirmed", people: 66 },
  ]);

  it("labels sectors in the reader's language and draws the unknown in grey", () => {
    const config = buildSectorBreakdownChart(rows, chartContext("fr"));
    expect(config.data.labels).toEqual(["Mines et industries extractives", "Secteur non confirmé"]);
    expect((config.data.datasets[0] as any).backgroundColor[1]).toBe("#9A9A9A");
    expect(config.data.datasets[0].data).toEqual([27, 66]);
  });

  it("gives a table with the same labels and numbers as the chart", () => {
    const ctx = chartContext();
    const config = buildSectorBreakdownChart(rows, ctx);
    const table = sectorBreakdownTable(rows, ctx);
    expect(table.rows.map((r) => r[0])).toEqual(config.data.labels);
    expect(table.rows.map((r) => r[1])).toEqual(config.data.datasets[0].data);
  });
});
