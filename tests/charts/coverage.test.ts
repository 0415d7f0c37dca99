import { describe, expect, it } from "vitest";
import { coverageNote, isCovered, yearRunsInWords } from "~/charts/coverage.ts";
import { chartContext } from "./context.ts";

describe("coverage notes computed from the records counted", () => {
  it("names each origin's first and last year, and changes when a record of another year is counted", () => {
    const gw = [{ origin: "gw_dataset", from: 2012, to: 2021 }];
    expect(coverageNote(gw, chartContext("en"))).toBe("Case records counted here: Global Witness dataset, 2012–2021.");
    const withStaff2026 = [...gw, { origin: "staff", from: 2026, to: 2026 }];
    expect(coverageNote(withStaff2026, chartContext("en"))).toBe("Case records counted here: Global Witness dataset, 2012–2021 and Logged by staff, 2026.");
    expect(coverageNote(withStaff2026, chartContext("es"))).toContain("2026");
    expect(coverageNote(withStaff2026, chartContext("fr"))).toContain("2026");
    expect(coverageNote([], chartContext("fr"))).toBe("Aucun dossier de cas n'est compté ici.");
  });

  it("knows which years some record covers, and writes years as runs", () => {
    const coverage = [{ origin: "gw_dataset", from: 2012, to: 2021 }];
    expect(isCovered(coverage, 2021)).toBe(true);
    expect(isCovered(coverage, 2022)).toBe(false);
    expect(yearRunsInWords([2024, 2022, 2023, 2026], chartContext("en"))).toBe("2022–2024 and 2026");
    expect(yearRunsInWords([2022, 2023], chartContext("es"))).toBe("2022–2023");
  });
});
