import { describe, expect, it } from "vitest";
import {
  buildProvisionYearsChart,
  lastDay,
  milestoneLegend,
  monthWindow,
  provisionYearRange,
  provisionYearsTable,
  scorecardComparisonLine,
  scorecardTable,
  shapeProvisionYears,
  withholdProvisionYears,
  withholdSpan,
  yearsTotal,
  type ScorecardData,
} from "~/charts/provision-years.ts";
import { chartContext } from "./context.ts";

const milestones = [
  { key: "law", date: "2012-06-25", label: "Protection law" },
  { key: "csp-launch", date: "2025-09-18", label: "Partnership launched" },
];

describe("shapeProvisionYears", () => {
  it("gives every year of the range a row, 0 where nothing is linked, each layer apart", () => {
    const rows = shapeProvisionYears(
      [
        { year: 2014, records: 2 },
        { year: 2021, records: 5 },
      ],
      [{ year: 2021, records: 3 }],
      2012,
      2026,
    );
    expect(rows).toHaveLength(15);
    expect(rows[0]).toEqual({ year: 2012, covered: true, records: 0, suggested: 0 });
    expect(rows.find((r) => r.year === 2021)).toEqual({ year: 2021, covered: true, records: 5, suggested: 3 });
  });

  it("gives a year no case records cover null (no case-level data), never 0", () => {
    const rows = shapeProvisionYears([{ year: 2021, records: 5 }], [], 2020, 2024, (y) => y <= 2021);
    expect(rows.map((r) => r.records)).toEqual([0, 5, null, null, null]);
    expect(rows.map((r) => r.suggested)).toEqual([0, 0, null, null, null]);
    const table = provisionYearsTable({ rows, milestones: [] }, chartContext());
    expect(table.rows.at(-1)).toEqual([2024, "no case-level data", "no case-level data"]);
  });

  it("widens the range to cover every linked year", () => {
    expect(provisionYearRange([], 2026)).toEqual({ yearFrom: 2012, yearTo: 2026 });
    expect(
      provisionYearRange(
        [
          { year: 2008, records: 1 },
          { year: 2027, records: 1 },
        ],
        2026,
      ),
    ).toEqual({ yearFrom: 2008, yearTo: 2027 });
  });
});

describe("buildProvisionYearsChart", () => {
  const data = { rows: shapeProvisionYears([{ year: 2021, records: 3 }], [{ year: 2021, records: 2 }], 2012, 2026), milestones };
  const config = buildProvisionYearsChart(data, chartContext());

  it("plots exactly the table's numbers, with milestones marked", () => {
    const table = provisionYearsTable(data, chartContext());
    expect(config.data.datasets[0].data).toEqual(table.rows.map((r) => r[1]));
    // Suggestions: their own dataset, hatched, beside the accepted bars (grouped, never stacked).
    expect(config.data.datasets[1].data).toEqual(table.rows.map((r) => r[2]));
    expect(config.options?.plugins?.hatchBars?.datasets).toEqual([1]);
    expect((config.options?.scales?.x as { stacked?: boolean }).stacked).toBeFalsy();
    expect(config.data.labels).toEqual(table.rows.map((r) => String(r[0])));
    expect(config.options?.plugins?.milestones?.marks?.map((m) => m.number)).toEqual([1, 2]);
    expect(milestoneLegend(data, chartContext())).toBe("Milestones: (1) June 25, 2012: Protection law; (2) September 18, 2025: Partnership launched");
  });

  it("labels in the reader's language", () => {
    const es = buildProvisionYearsChart(data, chartContext("es"));
    expect(es.data.datasets[0].label).toBe("Casos con un vínculo aceptado");
  });
});

describe("scorecard windows and table", () => {
  it("takes whole months on each side of the milestone, as [from, to)", () => {
    expect(monthWindow("2025-09-18", 12, "before")).toEqual({ from: "2024-09-18", to: "2025-09-18" });
    expect(monthWindow("2025-09-18", 12, "after")).toEqual({ from: "2025-09-18", to: "2026-09-18" });
    expect(monthWindow("2025-09-18", 3, "after")).toEqual({ from: "2025-09-18", to: "2025-12-18" });
    expect(lastDay("2026-09-18")).toBe("2026-09-17");
  });

  const data: ScorecardData = {
    rows: shapeProvisionYears([{ year: 2025, records: 1 }], [{ year: 2025, records: 2 }], 2024, 2026),
    milestones,
    milestone: { key: "csp-launch", date: "2025-09-18", label: "Partnership launched" },
    months: 12,
    before: { from: "2024-09-18", to: "2025-09-18", covered: true, records: 4, suggested: 1, published: [] },
    after: { from: "2025-09-18", to: "2026-09-18", covered: true, records: 2, suggested: 0, published: [] },
    sinceMade: { from: "2025-09-18", covered: true, records: 3, suggested: 5 },
    coverage: [],
    source: "Vigía case records",
  };

  it("lists every number with its period and both layers: years, before, after, since the commitment", () => {
    const table = scorecardTable(data, chartContext());
    expect(table.columns).toEqual([
      "Period",
      "From",
      "To",
      "Case records with an accepted link",
      "Case records suggested, not yet reviewed",
      "Published figures (context)",
    ]);
    expect(table.rows).toEqual([
      ["2024", "2024-01-01", "2024-12-31", 0, 0, null],
      ["2025", "2025-01-01", "2025-12-31", 1, 2, null],
      ["2026", "2026-01-01", "2026-12-31", 0, 0, null],
      ["12 months before Partnership launched (September 18, 2025)", "2024-09-18", "2025-09-17", 4, 1, null],
      ["12 months after Partnership launched (September 18, 2025)", "2025-09-18", "2026-09-17", 2, 0, null],
      ["Since the commitment was made", "2025-09-18", null, 3, 5, null],
    ]);
  });

  it("says in one line what the PNG compares, each layer apart, in each language", () => {
    expect(scorecardComparisonLine(data, chartContext())).toBe(
      "Before and after Partnership launched (September 18, 2025): 12 months before: 4 accepted, 1 suggested, not yet reviewed · 12 months after: 2 accepted, 0 suggested, not yet reviewed · since the commitment was made (September 18, 2025): 3 accepted, 5 suggested, not yet reviewed",
    );
    expect(scorecardComparisonLine({ ...data, months: 1, sinceMade: null }, chartContext("es"))).toContain("mes anterior: 4 aceptados");
    expect(scorecardTable({ ...data, sinceMade: null }, chartContext("fr")).rows).toHaveLength(5);
  });

  it("says no case-level data for a window without case records, with the published figure beside it", () => {
    const empty: ScorecardData = {
      ...data,
      before: {
        from: "2024-09-18",
        to: "2025-09-18",
        covered: false,
        records: null,
        suggested: null,
        published: ["Published figure for 2024: 18 killed and 1 disappeared (Roots of Resistance)."],
      },
    };
    const table = scorecardTable(empty, chartContext());
    expect(table.rows[3]).toEqual([
      "12 months before Partnership launched (September 18, 2025)",
      "2024-09-18",
      "2025-09-17",
      "no case-level data",
      "no case-level data",
      "Published figure for 2024: 18 killed and 1 disappeared (Roots of Resistance).",
    ]);
    expect(scorecardComparisonLine(empty, chartContext())).toContain("12 months before: no case-level data");
  });
});

describe("small counts on a provision's years (decision 109)", () => {
  const rows = withholdProvisionYears(
    shapeProvisionYears(
      [
        { year: 2020, records: 2 },
        { year: 2021, records: 5 },
      ],
      [{ year: 2021, records: 1 }],
      2019,
      2023,
      (y) => y <= 2021,
    ),
    3,
  );

  it("withholds each layer's small years, keeps zeros and says no case-level data where nothing covers a year", () => {
    expect(rows.map((r) => [r.year, r.covered, r.records, r.suggested])).toEqual([
      [2019, true, 0, 0],
      [2020, true, null, 0],
      [2021, true, 5, null],
      [2022, false, null, null],
      [2023, false, null, null],
    ]);
    const table = provisionYearsTable({ rows, milestones: [], smallCountThreshold: 3 }, chartContext());
    expect(table.rows.slice(1, 4)).toEqual([
      [2020, "fewer than 3", 0],
      [2021, 5, "fewer than 3"],
      [2022, "no case-level data", "no case-level data"],
    ]);
  });

  it("withholds a window or total that overlaps a withheld year of its layer, or is small itself", () => {
    expect(withholdSpan(7, { from: "2020-06-01", to: "2021-06-01" }, rows, "records", 3)).toBeNull();
    expect(withholdSpan(5, { from: "2021-01-01", to: "2022-01-01" }, rows, "records", 3)).toBe(5);
    expect(withholdSpan(5, { from: "2021-01-01", to: null }, rows, "suggested", 3)).toBeNull();
    expect(withholdSpan(2, { from: "2019-01-01", to: "2020-01-01" }, rows, "records", 3)).toBeNull();
    expect(yearsTotal(rows, "records")).toBeNull();
    expect(yearsTotal(rows.slice(2), "records")).toBe(5);
  });
});
