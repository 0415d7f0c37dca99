import { describe, expect, it } from "vitest";
import type { AnnualFigureInput } from "~/charts/annual-trend.ts";
import { buildKilledDisappearedChart, killedDisappearedTable, shapeKilledDisappeared } from "~/charts/killed-disappeared.ts";
import { buildMexicoAnnualChart, mexicoAnnualTable, shapeMexicoAnnual } from "~/charts/mexico-annual.ts";
import { buildMiningByYearChart, miningByYearTable, shapeMiningByYear } from "~/charts/mining-by-year.ts";
import { buildReconciliationChart, reconciliationGapNote, reconciliationTable, shapeReconciliation } from "~/charts/reconciliation.ts";
import { wrapLabel } from "~/charts/time-series.ts";
import { chartContext } from "./context.ts";

const published: AnnualFigureInput[] = [
  { year: 2012, scope: "country", metric: "killed", value: null, revisedValue: 10, reportName: "Deadly Environment" },
  { year: 2012, scope: "worldwide", metric: "killed", value: 147, revisedValue: 139, reportName: "Deadly Environment" },
  { year: 2021, scope: "country", metric: "killed", value: 54, revisedValue: 54, reportName: "Decade of Defiance" },
  { year: 2024, scope: "country", metric: "killed", value: 18, revisedValue: null, reportName: "Roots of Resistance" },
  { year: 2024, scope: "country", metric: "disappeared", value: 1, revisedValue: null, reportName: "Roots of Resistance" },
];
const milestones = [
  { key: "law", date: "2012-06-25", label: "Protection law" },
  { key: "escazu", date: "2021-04-22", label: "Escazú in force" },
  { key: "csp", date: "2025-09-18", label: "Partnership launched" },
];
const span = { from: 2012, to: 2025 };

describe("Mexico per year: published beside case records", () => {
  it("plots the revision where there is one, or only first reports when asked", () => {
    const cases = [
      { year: 2012, people: 10 },
      { year: 2021, people: 53 },
    ];
    const revised = shapeMexicoAnnual(published, cases, span, "revised");
    expect(revised).toHaveLength(14);
    expect(revised[0]).toEqual({ year: 2012, publishedFirst: null, publishedRevised: 10, publishedPlotted: 10, publishedDisappeared: null, caseRecords: 10 });
    expect(revised.find((r) => r.year === 2024)).toMatchObject({ publishedPlotted: 18, publishedDisappeared: 1, caseRecords: 0 });
    const first = shapeMexicoAnnual(published, cases, span, "first");
    expect(first[0].publishedPlotted).toBeNull();
    expect(first.find((r) => r.year === 2021)!.publishedPlotted).toBe(54);
  });

  it("draws published and case records as two stacks with milestones, and its table holds the plotted numbers", () => {
    const ctx = chartContext();
    const rows = shapeMexicoAnnual(published, [{ year: 2021, people: 53 }], span, "first");
    const config = buildMexicoAnnualChart(rows, span, "first", milestones, ctx);
    const [killed, disappeared, cases] = config.data.datasets as any[];
    expect(killed).toMatchObject({ stack: "published", label: "Published: killed (as first reported)" });
    expect(disappeared.stack).toBe("published");
    expect(cases.stack).toBe("cases");
    expect((config.options as any).plugins.milestones.marks.map((m: any) => m.number)).toEqual([1, 2, 3]);
    const table = mexicoAnnualTable(rows, "first", ctx);
    expect(table.rows.map((r) => r[3])).toEqual(killed.data);
    expect(table.rows.map((r) => r[4])).toEqual(disappeared.data);
    expect(table.rows.map((r) => r[5])).toEqual(cases.data);
    expect(table.columns[3]).toBe(killed.label);
  });
});

describe("reconciliation", () => {
  const gwCoverage = [{ origin: "gw_dataset", from: 2012, to: 2021 }];

  it("gives the difference as case records minus published, counting disappearances published apart, and none where nothing was published", () => {
    const rows = shapeReconciliation(
      published,
      [
        { year: 2012, people: 10 },
        { year: 2021, people: 50 },
        { year: 2024, people: 2 },
      ],
      span,
      "revised",
      [...gwCoverage, { origin: "staff", from: 2024, to: 2024 }],
    );
    expect(rows.find((r) => r.year === 2012)!.difference).toBe(0);
    expect(rows.find((r) => r.year === 2021)!.difference).toBe(-4);
    expect(rows.find((r) => r.year === 2024)).toMatchObject({
      publishedPlotted: 18,
      publishedDisappeared: 1,
      caseRecords: 2,
      difference: -17,
      noCaseData: false,
    });
    expect(rows.find((r) => r.year === 2013)).toMatchObject({ publishedPlotted: null, caseRecords: 0, difference: null });
  });

  it("draws no difference where no case record exists, and says why in the notes and the table, in every language", () => {
    const rows = shapeReconciliation(published, [{ year: 2021, people: 50 }], span, "revised", gwCoverage);
    const y2024 = rows.find((r) => r.year === 2024)!;
    expect(y2024).toMatchObject({ publishedPlotted: 18, caseRecords: 0, difference: null, noCaseData: true });
    // A year with no published figure is not a coverage gap: nothing to compare.
    expect(rows.find((r) => r.year === 2025)).toMatchObject({ difference: null, noCaseData: false });
    const config = buildReconciliationChart(rows, span, "revised", milestones, chartContext("en"));
    const difference = (config.data.datasets as any[]).find((d) => d.type === "line");
    expect(difference.data[rows.indexOf(y2024)]).toBeNull();
    expect(difference.spanGaps).toBe(false);
    expect(reconciliationGapNote(rows, chartContext("en"))).toBe(
      "No difference is drawn for 2024: no case record covers those years, so there is no case-level data to compare and a difference would read as missing cases.",
    );
    for (const lng of ["en", "es", "fr"] as const) {
      const ctx = chartContext(lng);
      const table = reconciliationTable(rows, "revised", ctx);
      const row = table.rows.find((r) => r[0] === 2024)!;
      expect(row[6]).toBeNull();
      expect(row[7]).toBe(ctx.t("trends.reconciliation.noCaseData"));
      expect(table.rows.find((r) => r[0] === 2021)![7]).toBeNull();
      expect(reconciliationGapNote(rows, ctx)).toContain("2024");
    }
    expect(
      reconciliationGapNote(shapeReconciliation(published, [], span, "revised", [{ origin: "staff", from: 2012, to: 2025 }]), chartContext("en")),
    ).toBeNull();
  });

  it("plots published, case records and the difference, and its table holds the same numbers", () => {
    const ctx = chartContext("es");
    const rows = shapeReconciliation(published, [{ year: 2021, people: 50 }], span, "revised", gwCoverage);
    const config = buildReconciliationChart(rows, span, "revised", milestones, ctx);
    const table = reconciliationTable(rows, "revised", ctx);
    const data = (config.data.datasets as any[]).map((d) => d.data);
    expect(table.rows.map((r) => r[3])).toEqual(data[0]);
    expect(table.rows.map((r) => r[4])).toEqual(data[1]);
    expect(table.rows.map((r) => r[5])).toEqual(data[2]);
    expect(table.rows.map((r) => r[6])).toEqual(data[3]);
    expect((config.data.datasets[3] as any).type).toBe("line");
    expect(table.columns[6]).toBe("Diferencia: registros de casos menos cifra publicada");
  });
});

describe("killed and disappeared by year", () => {
  it("fills every year of the span, stacking the two outcomes", () => {
    const rows = shapeKilledDisappeared(
      [
        { year: 2020, outcome: "killed", people: 30 },
        { year: 2021, outcome: "killed", people: 54 },
        { year: 2021, outcome: "disappeared", people: 2 },
      ],
      { from: 2019, to: 2022 },
    );
    expect(rows).toEqual([
      { year: 2019, killed: 0, disappeared: 0 },
      { year: 2020, killed: 30, disappeared: 0 },
      { year: 2021, killed: 54, disappeared: 2 },
      { year: 2022, killed: 0, disappeared: 0 },
    ]);
    const config = buildKilledDisappearedChart(rows, { from: 2019, to: 2022 }, milestones, chartContext());
    expect(config.data.labels).toEqual(["2019", "2020", "2021", "2022"]);
    expect(config.data.datasets.map((d) => d.data)).toEqual([
      [0, 30, 54, 0],
      [0, 0, 2, 0],
    ]);
    expect((config.options as any).plugins.milestones.marks).toHaveLength(1);
    expect(killedDisappearedTable(rows, chartContext()).rows[2]).toEqual([2021, 54, 2]);
  });
});

describe("mining and extractives by year", () => {
  it("keeps years without records at zero", () => {
    const rows = shapeMiningByYear([{ year: 2021, people: 15 }], { from: 2020, to: 2022 });
    expect(rows).toEqual([
      { year: 2020, people: 0 },
      { year: 2021, people: 15 },
      { year: 2022, people: 0 },
    ]);
    const config = buildMiningByYearChart(rows, { from: 2020, to: 2022 }, milestones, chartContext());
    expect(config.data.datasets[0].data).toEqual([0, 15, 0]);
    expect(miningByYearTable(rows, chartContext()).rows).toEqual([
      [2020, 0],
      [2021, 15],
      [2022, 0],
    ]);
  });
});

describe("wrapLabel", () => {
  it("breaks long labels on spaces and leaves short ones alone", () => {
    expect(wrapLabel("Short")).toBe("Short");
    expect(wrapLabel("Defenders killed or disappeared (derived from published figures)", 30)).toEqual([
      "Defenders killed or",
      "disappeared (derived from",
      "published figures)",
    ]);
  });
});
