// Anonymous readers and staff records (issue 11, decisions 098 and 099): whatever
// the filters, a public chart never counts a staff record that is reported,
// disputed or rejected, and a count of people from staff records below the
// threshold (3) reads "fewer than 3" on the page, in the embed, the CSV and the PNG.
// Staff records here are all in 2025 and Global Witness's end in 2021, so with
// from=2025 every number in a chart comes from staff records.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { CHART_IDS, chartTable, type LoadedChart } from "~/charts/registry.ts";
import { prisma } from "~/lib/db.server.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { loader as csvLoader } from "~/routes/charts.$id[.]csv.ts";
import { loader as pngLoader } from "~/routes/charts.$id[.]png.ts";
import { loader as embedLoader } from "~/routes/embed.$id.tsx";
import { loader as trendsLoader } from "~/routes/trends.tsx";
import { getAs, signInAs, type TestSession } from "../setup/auth.ts";
import { makeIncident } from "../setup/incidents.ts";
import { settled } from "../setup/route.ts";

const BASE = "http://localhost";
const FEWER = "fewer than 3";

/** A staff record of one person in 2025, killed in a mining conflict, in a state, with a verification status. */
async function staffRecord(stateCode: string, status: string): Promise<string> {
  const id = await makeIncident((v) => {
    v.date = { year: "2025", month: "3", day: "4" };
    v.stateCode = stateCode;
    v.sector = "mining_extractives";
    v.outcome = "killed";
    v.victimCount = "1";
  });
  await prisma.incident.update({ where: { id }, data: { verificationStatus: status } });
  return id;
}

function csvTable(text: string): string[][] {
  const rows = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  const blank = rows.findIndex((r) => r.length === 1 && r[0] === "");
  return rows.slice(blank + 1).filter((r) => !(r.length === 1 && r[0] === ""));
}

async function csv(search: string, id: string, session?: TestSession): Promise<string[][]> {
  const res = await csvLoader({ request: getAs(`${BASE}/charts/${id}.csv?${search}`, session), params: { id }, context: {} });
  expect(res.status).toBe(200);
  return csvTable(await res.text());
}

/** Every count of people a chart's data holds (null: withheld). */
function countsOf(chart: LoadedChart): (number | null)[] {
  const d = chart.data as { counts?: { people: number | null }[]; cases?: { people: number | null }[] | { indigenous: number | null; total: number | null } };
  const cases = d.cases;
  return [...(d.counts ?? []).map((c) => c.people), ...(Array.isArray(cases) ? cases.map((c) => c.people) : cases ? [cases.indigenous, cases.total] : [])];
}

const small = (n: number | null) => n !== null && n >= 1 && n < 3;

beforeAll(async () => {
  // Oaxaca: one record of each status but verified; Tabasco: one verified; Campeche: four verified.
  for (const status of ["reported", "disputed", "rejected"]) await staffRecord("OAX", status);
  await staffRecord("TAB", "verified");
  for (let i = 0; i < 4; i++) await staffRecord("CAM", "verified");
});

describe("anonymous readers never reach unverified staff records", () => {
  it("the issue's request: state breakdown of reported staff records answers no Oaxaca", async () => {
    const rows = await csv("origin=staff&verification=reported&from=2025", "state-breakdown");
    expect(rows.some((r) => r[0] === "Oaxaca")).toBe(false);
    // The verified ones are what it counts instead, Tabasco's single record withheld.
    expect(rows).toContainEqual(["Campeche", "4"]);
    expect(rows).toContainEqual(["Tabasco", FEWER]);
  });

  it("a signed-in viewer still filters by verification and sees exact counts", async () => {
    const viewer = await signInAs("viewer");
    const rows = await csv("origin=staff&verification=reported&from=2025", "state-breakdown", viewer);
    expect(rows).toContainEqual(["Oaxaca", "1"]);
    expect((await csv("from=2025", "state-breakdown", viewer)).find((r) => r[0] === "Tabasco")).toEqual(["Tabasco", "1"]);
  });

  const origins = ["", "origin=staff", "origin=staff&origin=gw_dataset"];
  const verifications = [
    "",
    "verification=reported",
    "verification=disputed&verification=rejected",
    "verification=verified",
    "verification=reported&verification=verified",
  ];
  const states = ["", "state=OAX", "state=TAB", "state=OAX&state=CAM&state=unknown"];
  const sectors = ["", "sector=mining_extractives"];
  const combos = origins.flatMap((o) =>
    verifications.flatMap((v) => states.flatMap((s) => sectors.map((c) => ["from=2025", o, v, s, c].filter(Boolean).join("&")))),
  );

  it(`sweeping ${combos.length} filter combinations over every chart's data: no unverified record, no count of 1 or 2`, async () => {
    for (const search of combos) {
      const page = await settled(await trendsLoader({ request: getAs(`${BASE}/trends?${search}`), params: {}, context: {} }));
      expect(page.problems).toEqual([]);
      const counted = page.charts.flatMap((c) => countsOf(c as LoadedChart));
      expect(counted.filter(small), search).toEqual([]);
      // 2025 holds at most the five verified people (Tabasco 1, Campeche 4): never Oaxaca's three.
      const state = page.charts.find((c) => c.id === "state-breakdown") as LoadedChart<"state-breakdown">;
      expect(
        state.data.counts.some((c) => c.key === "OAX"),
        search,
      ).toBe(false);
      for (const chart of page.charts) {
        const people = countsOf(chart as LoadedChart).reduce<number>((s, n) => s + (n ?? 0), 0);
        expect(people, `${chart.id} ${search}`).toBeLessThanOrEqual(5);
      }
    }
  });

  it("every chart's CSV, for the public, writes no count of 1 or 2 and says 'fewer than 3' where one was withheld", async () => {
    const t = getFixedT("en");
    for (const search of ["from=2025", "from=2025&origin=staff&verification=reported", "from=2025&state=TAB", "from=2025&state=OAX&verification=rejected"]) {
      for (const id of CHART_IDS) {
        const rows = await csv(search, id);
        const header = rows[0];
        // Columns of people counted in case records (published figures and years are other columns).
        const countColumns = header
          .map((h, i) => [h, i] as const)
          .filter(([h]) =>
            [
              t("trends.series.people"),
              t("trends.series.caseRecords"),
              t("trends.series.caseRecordsLethal"),
              t("taxonomy.outcome.killed"),
              t("taxonomy.outcome.disappeared"),
            ].includes(h),
          )
          .map(([, i]) => i);
        for (const row of rows.slice(1)) for (const i of countColumns) expect(["1", "2"], `${id} ${search} ${row.join(",")}`).not.toContain(row[i]);
        expect(
          rows.some((r) => r.includes("Oaxaca") && r.some((c) => /^[1-9]/.test(c))),
          `${id} ${search}`,
        ).toBe(false);
      }
    }
    const map = await csv("from=2025", "state-map");
    expect(map).toContainEqual(["Tabasco", FEWER]);
    expect(map).toContainEqual(["Campeche", "4"]);
    expect(map).toContainEqual(["Oaxaca", "0"]);
  });

  it("the embed, the PNG and the page say the same: withheld, with a note saying why", async () => {
    const embed = await embedLoader({ request: getAs(`${BASE}/embed/state-breakdown?from=2025&state=TAB`), params: { id: "state-breakdown" }, context: {} });
    expect(embed.chart.data).toMatchObject({ smallCountThreshold: 3, counts: [{ key: "TAB", people: null }] });
    const ctx = { t: getFixedT("en"), lng: "en" as const };
    expect(chartTable(embed.chart as LoadedChart, ctx).rows).toContainEqual(["Tabasco", FEWER]);
    for (const id of ["state-breakdown", "state-map", "indigenous-share", "killed-disappeared"]) {
      const png = await pngLoader({ request: getAs(`${BASE}/charts/${id}.png?from=2025&state=TAB`), params: { id }, context: {} });
      expect(png.headers.get("Content-Type")).toBe("image/png");
      expect((await png.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    const text = (
      await (await csvLoader({ request: getAs(`${BASE}/charts/state-breakdown.csv?from=2025`), params: { id: "state-breakdown" }, context: {} })).text()
    ).replace(/^\uFEFF/, "");
    expect(text).toContain("are shown as “fewer than 3”");
  });

  it("Global Witness records alone are public data: their small counts are shown exactly", async () => {
    const rows = await csv("origin=gw_dataset", "state-breakdown");
    const numbers = rows.slice(1).map((r) => r[1]);
    expect(numbers).not.toContain(FEWER);
    expect(numbers.some((n) => n === "1" || n === "2")).toBe(true);
  });
});
