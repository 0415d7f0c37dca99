// Notes that name a period are computed from the case records counted, and the
// reconciliation draws no difference where no case record exists (issue 10).
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { chartTable, chartTexts } from "~/charts/registry.ts";
import { prisma } from "~/lib/db.server.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { loader as csvLoader } from "~/routes/charts.$id[.]csv.ts";
import { loaderArgs as args, trendsChart } from "../setup/trends.ts";

const en = { t: getFixedT("en"), lng: "en" as const };

describe("coverage notes follow the data they describe", () => {
  it("the sector chart's note names the years of the records it counts, and a verified 2026 case changes it", async () => {
    const before = chartTexts(await trendsChart("sector-breakdown"), en).notes;
    expect(before).toContain("Case records counted here: Global Witness dataset, 2012–2021.");
    expect(before.join(" ")).not.toContain("2026");

    await prisma.incident.create({
      data: {
        origin: "staff",
        verificationStatus: "verified",
        occurredOn: new Date("2026-03-02T00:00:00Z"),
        year: 2026,
        sector: "mining_extractives",
        perpetratorType: "unspecified",
        outcome: "killed",
        stateCode: "GRO",
      },
    });
    const after = chartTexts(await trendsChart("sector-breakdown"), en).notes;
    expect(after).toContain("Case records counted here: Global Witness dataset, 2012–2021 and Logged by staff, 2026.");
    // Filters narrow the coverage too: only the staff record's year when only staff records are asked for.
    const staffOnly = chartTexts(await trendsChart("sector-breakdown", "?origin=staff"), en).notes;
    expect(staffOnly).toContain("Case records counted here: Logged by staff, 2026.");
    // Spanish and French say the same years.
    const es = chartTexts(await trendsChart("mining-by-year"), { t: getFixedT("es"), lng: "es" }).notes.join(" ");
    expect(es).toContain("2012–2021");
    expect(es).toContain("2026");
  });
});

describe("reconciliation on the seeded data", () => {
  it("has no difference for 2022–2024, where no case record exists, and says why in the table, the notes and the CSV", async () => {
    const chart = await trendsChart("reconciliation");
    const table = chartTable(chart, en);
    const differenceColumn = table.columns.indexOf(en.t("trends.series.difference"));
    const noteColumn = table.columns.indexOf(en.t("trends.columns.note"));
    for (const year of [2022, 2023, 2024]) {
      const row = table.rows.find((r) => r[0] === year)!;
      expect(row[differenceColumn]).toBeNull();
      expect(row[noteColumn]).toBe("No case-level data for this year: no difference");
    }
    expect(table.rows.find((r) => r[0] === 2021)![differenceColumn]).toEqual(expect.any(Number));
    expect(chartTexts(chart, en).notes.join(" ")).toContain("No difference is drawn for 2022–2024");

    const response = await csvLoader(args("http://localhost/charts/reconciliation.csv?lng=fr", { id: "reconciliation" }));
    const rows = parse((await response.text()).replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
    expect(rows.some((r) => r[0].startsWith("Aucun écart n'est tracé pour 2022–2024"))).toBe(true);
    const y2023 = rows.find((r) => r[0] === "2023")!;
    expect(y2023.at(-2)).toBe("");
    expect(y2023.at(-1)).toBe("Pas de données par cas pour cette année : pas d'écart");
  });
});
