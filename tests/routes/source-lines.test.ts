// Source lines name the Global Witness data actually loaded: the seeded download,
// and once an import has created or changed records, the day it did (charts, the
// matrix, scorecards), while the coverage lines give the records' dates from the data.
import { describe, expect, it } from "vitest";
import { chartTexts } from "~/charts/registry.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { confirmGwImport, previewGwImport, runGwImportJob } from "~/models/gw-import.server.ts";
import { loader as matrixLoader } from "~/routes/matrix.tsx";
import { loader as scorecardLoader } from "~/routes/provisions.$code.scorecard.tsx";
import { gwCsv } from "../setup/gw-csv.ts";
import { loaderArgs as args, trendsChart } from "../setup/trends.ts";

const en = { t: getFixedT("en"), lng: "en" as const };

describe("source lines follow the Global Witness data loaded", () => {
  it("name the seeded download alone until an import changes records, then the day of that import too, on charts, the matrix and scorecards", async () => {
    const seeded = "Global Witness dataset of lethal attacks 2012–2021 (case records, downloaded 22 Sep 2022)";
    const matrixSource = async () => (await matrixLoader(args("http://localhost/matrix?from=2012&to=2024"))).data.source;
    const scorecard = async () => (await scorecardLoader(args("http://localhost/provisions/AP-I-MIN/scorecard", { code: "AP-I-MIN" }))).data;
    expect(chartTexts(await trendsChart("sector-breakdown"), en).source).toBe(`${seeded}; cases logged and verified by Vigía staff`);
    expect(await matrixSource()).toBe(`Vigía case records: ${seeded}; cases logged and verified by Vigía staff. Links reviewed by Vigía staff.`);
    expect((await scorecard()).coverage[0]).toMatch(/^Global Witness case records: .* \(the date of the last record\)\.$/);

    const preview = await previewGwImport({
      csv: gwCsv([{ id: "src-2023", date: "2023-05-04", country: "Mexico", country_numeric: "484" }]),
      origin: "upload",
      sourceName: "gw-2023.csv",
      actorId: null,
    });
    if (!preview.ok) throw new Error(preview.refusal.problem);
    await confirmGwImport(preview.job.id, {}, null);
    expect(await runGwImportJob(preview.job.id)).toMatchObject({ status: "done", result: { created: 1 } });

    const today = new Date();
    const source = chartTexts(await trendsChart("sector-breakdown"), en).source;
    expect(source).toMatch(new RegExp(`^${seeded.replace(/[()]/g, "\\$&")}; records last changed by an import on .+$`));
    expect(source).toContain(String(today.getUTCFullYear()));
    expect(await matrixSource()).toContain("; records last changed by an import on ");
    const card = await scorecard();
    expect(card.source).toContain("; records last changed by an import on ");
    // The coverage says where the records now end, from the data: the imported 2023 record.
    expect(card.coverage[0]).toMatch(/^Global Witness case records: .* to .*2023 \(the date of the last record\); last changed by an import on .+\.$/);
    // Spanish and French say it too.
    expect(chartTexts(await trendsChart("sector-breakdown"), { t: getFixedT("es"), lng: "es" }).source).toContain("importación del");
    expect(chartTexts(await trendsChart("sector-breakdown"), { t: getFixedT("fr"), lng: "fr" }).source).toContain("importation du");
  });
});
