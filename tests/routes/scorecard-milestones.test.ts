// The scorecard's before/after windows are drawn around a milestone's own date:
// a milestone staff add or move is used as it is stored, and without any
// milestone the scorecard says there is nothing to compare instead of inventing
// a date.
import { parse } from "csv-parse/sync";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { scorecardComparisonLine, scorecardTable } from "~/charts/provision-years.ts";
import { ScorecardComparison, ScorecardProblems } from "~/components/scorecard.tsx";
import { prisma } from "~/lib/db.server.ts";
import { createI18n, getFixedT, I18nProvider } from "~/lib/i18n.ts";
import { loader as scorecardLoader } from "~/routes/provisions.$code.scorecard.tsx";
import { loader as scorecardCsv } from "~/routes/provisions.$code.scorecard[.]csv.ts";
import { loader as scorecardPng } from "~/routes/provisions.$code.scorecard[.]png.ts";
import { getAs } from "../setup/auth.ts";

const args = (url: string) => ({ request: getAs(`http://localhost${url}`), params: { code: "AP-I-MIN" }, context: {} });
const ctx = { t: getFixedT("en"), lng: "en" as const };

describe("the scorecard's milestone", () => {
  it("takes the pivot date from the chosen milestone as stored", async () => {
    await prisma.milestone.update({ where: { key: "csp-launch" }, data: { date: new Date("2025-10-01T00:00:00Z") } });
    const page = (await scorecardLoader(args("/provisions/AP-I-MIN/scorecard?months=6"))) as any;
    expect(page.data.milestone).toMatchObject({ key: "csp-launch", date: "2025-10-01" });
    expect(page.data.before).toMatchObject({ from: "2025-04-01", to: "2025-10-01" });
    expect(page.data.after).toMatchObject({ from: "2025-10-01", to: "2026-04-01" });
  });

  it("falls back to the first milestone, named, when the partnership launch is not among them", async () => {
    await prisma.milestone.delete({ where: { key: "csp-launch" } });
    const page = (await scorecardLoader(args("/provisions/AP-I-MIN/scorecard?milestone=nope"))) as any;
    const first = await prisma.milestone.findFirstOrThrow({ orderBy: { date: "asc" } });
    expect(page.params.milestoneKey).toBe(first.key);
    expect(page.problems).toEqual([{ param: "milestone", value: "nope" }]);
    const html = renderToStaticMarkup(
      createElement(
        I18nProvider,
        { i18n: createI18n("en") },
        createElement(ScorecardProblems, { problems: page.problems, milestone: page.data.milestone.label }),
      ),
    );
    expect(html).toContain(`There is no milestone “nope”: “${first.label}” is used instead.`);
  });

  it("says there is no before/after comparison when no milestone exists, on the page, in the PNG and in the CSV", async () => {
    await prisma.milestone.deleteMany({});
    const page = (await scorecardLoader(args("/provisions/AP-I-MIN/scorecard?milestone=csp-launch"))) as any;
    expect(page.params).toEqual({ milestoneKey: null, months: 12 });
    expect(page.data).toMatchObject({ milestone: null, before: null, after: null, milestones: [] });
    expect(page.afterIncomplete).toBe(false);
    expect(page.data.sinceMade).toMatchObject({ from: "2025-09-18" });

    const html = renderToStaticMarkup(
      createElement(
        I18nProvider,
        { i18n: createI18n("en") },
        createElement(ScorecardComparison, { data: page.data, pending: 0, afterIncomplete: false, today: page.today, lng: "en" }),
        createElement(ScorecardProblems, { problems: page.problems, milestone: null }),
      ),
    );
    expect(html).toContain("No milestone has been recorded yet, so there is no before-and-after comparison.");
    expect(html).toContain("There is no milestone “csp-launch”, and no milestone has been recorded yet.");
    expect(html).not.toContain('id="scorecard-before"');
    expect(html).toContain('id="scorecard-since"');

    const csv = (await scorecardCsv(args("/provisions/AP-I-MIN/scorecard.csv"))) as Response;
    expect(csv.headers.get("Content-Disposition")).toBe('attachment; filename="vigia-scorecard-AP-I-MIN-no-milestone-12m.csv"');
    const rows = parse(await csv.text(), { bom: true, relax_column_count: true }) as string[][];
    expect(rows[1][0]).toContain("No milestone has been recorded yet");
    expect(rows.flat().join(" ")).not.toMatch(/months before|months after|2025-09-18,2026/);
    // Two layers, never summed (decision 081): accepted links, then suggestions not yet reviewed.
    // A window no case record covers says so, never 0 (decision 082).
    const cell = (v: number | null) => (v === null ? "no case-level data" : String(v));
    expect(rows.at(-1)).toEqual([
      "Since the commitment was made",
      "2025-09-18",
      "",
      cell(page.data.sinceMade.records),
      cell(page.data.sinceMade.suggested),
      "",
    ]);
    expect(scorecardTable(page.data, ctx).rows).toHaveLength(page.data.rows.length + 1);
    expect(scorecardComparisonLine(page.data, ctx)).toBe(
      `No milestone has been recorded yet, so there is no before-and-after comparison. Since the commitment was made (September 18, 2025): ${
        page.data.sinceMade.records === null
          ? "no case-level data"
          : `${page.data.sinceMade.records} accepted, ${page.data.sinceMade.suggested} suggested, not yet reviewed`
      }`,
    );

    const png = (await scorecardPng(args("/provisions/AP-I-MIN/scorecard.png?lng=fr"))) as Response;
    expect(png.status).toBe(200);
    expect(png.headers.get("Content-Type")).toBe("image/png");
  });
});
