import { describe, expect, it } from "vitest";
import { buildPerpetratorBreakdownChart, perpetratorBreakdownTable, shapePerpetratorBreakdown } from "~/charts/perpetrator-breakdown.ts";
import { buildStateBreakdownChart, shapeStateBreakdown, stateBreakdownTable } from "~/charts/state-breakdown.ts";
import { MEXICO_SHAPES_VIEWBOX, mexicoPath } from "~/charts/mexico-shapes.ts";
import { binFor, buildStateMap, mapBins, stateMapTable, ZERO_FILL } from "~/charts/state-map.ts";
import { UNKNOWN_COLOUR } from "~/charts/palette.ts";
import { chartContext } from "./context.ts";

describe("perpetrator breakdown", () => {
  it("sorts by count and keeps Unspecified last, even at zero, in grey", () => {
    const rows = shapePerpetratorBreakdown([
      { key: "police", people: 10 },
      { key: "hitmen", people: 47 },
    ]);
    expect(rows).toEqual([
      { perpetrator: "hitmen", people: 47 },
      { perpetrator: "police", people: 10 },
      { perpetrator: "unspecified", people: 0 },
    ]);
    const config = buildPerpetratorBreakdownChart(rows, chartContext("es"));
    expect(config.data.labels).toEqual(["Sicarios", "Policía", "Sin especificar"]);
    expect((config.data.datasets[0] as any).backgroundColor[2]).toBe(UNKNOWN_COLOUR);
  });

  it("counts missing or unrecognised types as unspecified", () => {
    const rows = shapePerpetratorBreakdown([
      { key: null, people: 2 },
      { key: "aliens", people: 1 },
      { key: "unspecified", people: 4 },
    ]);
    expect(rows).toEqual([{ perpetrator: "unspecified", people: 7 }]);
  });

  it("gives a table with the chart's labels and numbers", () => {
    const ctx = chartContext();
    const rows = shapePerpetratorBreakdown([
      { key: "landowners", people: 4 },
      { key: "unspecified", people: 64 },
    ]);
    const config = buildPerpetratorBreakdownChart(rows, ctx);
    const table = perpetratorBreakdownTable(rows, ctx);
    expect(table.rows.map((r) => r[0])).toEqual(config.data.labels);
    expect(table.rows.map((r) => r[1])).toEqual(config.data.datasets[0].data);
  });
});

describe("state breakdown", () => {
  const counts = [
    { key: "OAX", people: 43 },
    { key: null, people: 17 },
    { key: "GRO", people: 16 },
    { key: "XX", people: 1 },
  ];

  it("names states, sorts by count and keeps the unidentified state last", () => {
    const rows = shapeStateBreakdown(counts);
    expect(rows).toEqual([
      { state: "OAX", people: 43 },
      { state: "GRO", people: 16 },
      { state: null, people: 18 },
    ]);
    const config = buildStateBreakdownChart(rows, chartContext("fr"));
    expect(config.data.labels).toEqual(["Oaxaca", "Guerrero", "État non identifié"]);
    expect((config.data.datasets[0] as any).backgroundColor[2]).toBe(UNKNOWN_COLOUR);
    const table = stateBreakdownTable(rows, chartContext("fr"));
    expect(table.rows).toEqual([
      ["Oaxaca", 43],
      ["Guerrero", 16],
      ["État non identifié", 18],
    ]);
  });

  it("shows the unidentified state at zero when every record has a state", () => {
    expect(shapeStateBreakdown([{ key: "SON", people: 3 }]).at(-1)).toEqual({ state: null, people: 0 });
  });
});

describe("state map", () => {
  it("classes counts: zero on its own, then up to five equal-width classes reaching the maximum", () => {
    expect(mapBins(0)).toEqual([{ min: 0, max: 0, fill: ZERO_FILL }]);
    expect(mapBins(3).map((b) => [b.min, b.max])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(mapBins(43).map((b) => [b.min, b.max])).toEqual([
      [0, 0],
      [1, 9],
      [10, 17],
      [18, 26],
      [27, 34],
      [35, 43],
    ]);
    const bins = mapBins(43);
    expect(new Set(bins.map((b) => b.fill)).size).toBe(bins.length);
    expect(binFor(bins, 43)).toBe(bins.at(-1));
    expect(binFor(bins, 0).fill).toBe(ZERO_FILL);
  });

  it("shades all 32 states from their shapes and keeps the unidentified count beside the map", () => {
    const model = buildStateMap([
      { key: "OAX", people: 43 },
      { key: "SON", people: 14 },
      { key: null, people: 17 },
    ]);
    expect(model.states).toHaveLength(32);
    expect(model.states.every((s) => mexicoPath(s.code).length > 100)).toBe(true);
    expect(model.viewBox).toEqual(MEXICO_SHAPES_VIEWBOX);
    expect(model.unknown).toBe(17);
    const oax = model.states.find((s) => s.code === "OAX")!;
    expect(oax).toMatchObject({ name: "Oaxaca", people: 43, fill: model.bins.at(-1)!.fill });
    expect(model.states.find((s) => s.code === "YUC")).toMatchObject({ people: 0, fill: ZERO_FILL });
  });

  it("gives a table of every state, zeros included, then the unidentified state", () => {
    const table = stateMapTable(buildStateMap([{ key: "OAX", people: 2 }]), chartContext());
    expect(table.rows).toHaveLength(33);
    expect(table.rows).toContainEqual(["Oaxaca", 2]);
    expect(table.rows).toContainEqual(["Yucatán", 0]);
    expect(table.rows.at(-1)).toEqual(["State not identified", 0]);
  });
});
