import { describe, expect, it } from "vitest";
import { annualTrendTable, buildAnnualTrendChart, milestonesInRange, shapeAnnualTrend, type AnnualFigureInput } from "~/charts/annual-trend.ts";
import { milestonePosition } from "~/charts/milestone-plugin.ts";
import { chartContext } from "./context.ts";

const figures: AnnualFigureInput[] = [
  { year: 2012, scope: "country", metric: "killed", value: null, revisedValue: 10, reportName: "Deadly Environment" },
  { year: 2012, scope: "worldwide", metric: "killed", value: 147, revisedValue: 139, reportName: "Deadly Environment" },
  { year: 2013, scope: "worldwide", metric: "killed", value: null, revisedValue: null, reportName: "Deadly Environment" },
  { year: 2023, scope: "country", metric: "killed", value: 18, revisedValue: null, reportName: "Missing Voices" },
  { year: 2024, scope: "country", metric: "killed", value: 18, revisedValue: null, reportName: "Roots of Resistance" },
  { year: 2024, scope: "country", metric: "disappeared", value: 1, revisedValue: null, reportName: "Roots of Resistance" },
  { year: 2024, scope: "worldwide", metric: "killed_or_disappeared", value: 146, revisedValue: null, reportName: "Roots of Resistance" },
];

const milestones = [
  { key: "law", date: "2012-06-25", label: "Protection law" },
  { key: "escazu", date: "2021-04-22", label: "Escazú in force" },
  { key: "csp", date: "2025-09-18", label: "Partnership launched" },
];

describe("shapeAnnualTrend", () => {
  const rows = shapeAnnualTrend(figures, 2012, 2025);

  it("keeps one row per year, years without a figure included with nulls", () => {
    expect(rows.map((r) => r.year)).toEqual(Array.from({ length: 14 }, (_, i) => 2012 + i));
    const y2013 = rows.find((r) => r.year === 2013)!;
    expect(y2013.mexicoPlotted).toBeNull();
    expect(y2013.worldPlotted).toBeNull();
    expect(rows.at(-1)).toMatchObject({ year: 2025, mexicoPlotted: null, worldPlotted: null, report: null });
  });

  it("plots the revision where there is one and the first report otherwise, keeping both", () => {
    expect(rows[0]).toMatchObject({ mexicoFirst: null, mexicoRevised: 10, mexicoPlotted: 10, worldPlotted: 139 });
    expect(rows.find((r) => r.year === 2023)).toMatchObject({ mexicoFirst: 18, mexicoRevised: null, mexicoPlotted: 18 });
  });

  it("splits 2024 into killed and disappeared, and uses the combined worldwide figure", () => {
    expect(rows.find((r) => r.year === 2024)).toMatchObject({ mexicoPlotted: 18, mexicoDisappeared: 1, worldPlotted: 146 });
  });
});

describe("buildAnnualTrendChart", () => {
  const data = { rows: shapeAnnualTrend(figures, 2012, 2025), milestones };
  const config = buildAnnualTrendChart(data, chartContext());

  it("draws Mexico as stacked bars on the left axis and the world as a line on the right axis", () => {
    const [killed, disappeared, world] = config.data.datasets as any[];
    expect(config.data.labels).toHaveLength(14);
    expect(killed).toMatchObject({ type: "bar", stack: "mexico", yAxisID: "y" });
    expect(disappeared).toMatchObject({ type: "bar", stack: "mexico", yAxisID: "y" });
    expect(world).toMatchObject({ type: "line", yAxisID: "y1" });
    expect(killed.data[12]).toBe(18);
    expect(disappeared.data[12]).toBe(1);
    expect(world.data[12]).toBe(146);
    expect((config.options as any).scales.y1.position).toBe("right");
  });

  it("labels datasets in the reader's language", () => {
    const es = buildAnnualTrendChart(data, chartContext("es"));
    expect((es.data.datasets[2] as any).label).toBe("Mundo: asesinadas o desaparecidas");
  });

  it("marks the milestones inside the axis, numbered in date order", () => {
    const marks = (config.options as any).plugins.milestones.marks;
    expect(marks.map((m: any) => m.number)).toEqual([1, 2, 3]);
    // 25 June 2012 falls just before the middle of the first category.
    expect(marks[0].position).toBeCloseTo(-0.5 + 176 / 366, 3);
    expect(marks[2].position).toBeGreaterThan(12.5);
  });

  it("gives a table with exactly the plotted numbers", () => {
    const table = annualTrendTable(data, chartContext());
    const plotted = table.rows.map((r) => r[3]);
    expect(plotted).toEqual((config.data.datasets[0] as any).data);
    expect(table.rows.map((r) => r[5])).toEqual((config.data.datasets[2] as any).data);
    expect(table.columns[0]).toBe("Year");
  });
});

describe("milestones", () => {
  it("positions a date by the fraction of its year elapsed", () => {
    expect(milestonePosition("2020-01-01", 2020)).toBeCloseTo(-0.5);
    expect(milestonePosition("2021-07-02", 2020)).toBeCloseTo(1.0, 1);
  });

  it("separates milestones inside and outside the years shown", () => {
    const { inside, outside } = milestonesInRange(milestones, 2012, 2024);
    expect(inside.map((m) => m.key)).toEqual(["law", "escazu"]);
    expect(outside.map((m) => m.key)).toEqual(["csp"]);
  });
});
