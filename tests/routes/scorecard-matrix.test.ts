// Scorecard and matrix counts against a direct SQL count of accepted links (the
// same SQL on SQLite and PostgreSQL), after a realistic mix of decisions: exact
// for a signed-in reader; for an anonymous one, small counts withheld wherever
// staff records are counted, and every total that includes one (decision 109).
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { createLinkSuggestionJob, runLinkSuggestionJob } from "~/models/link-job.server.ts";
import { suggestLinksForIncident } from "~/models/link.server.ts";
import { loader as scorecardLoader } from "~/routes/provisions.$code.scorecard.tsx";
import { loader as scorecardCsv } from "~/routes/provisions.$code.scorecard[.]csv.ts";
import { loader as scorecardPng } from "~/routes/provisions.$code.scorecard[.]png.ts";
import { loader as casesLoader } from "~/routes/provisions.$code.cases.tsx";
import { loader as matrixLoader } from "~/routes/matrix.tsx";
import { loader as matrixCsv } from "~/routes/matrix[.]csv.ts";
import { loader as matrixPng } from "~/routes/matrix[.]png.ts";
import { loader as detailLoader } from "~/routes/provisions.$code._index.tsx";
import { loader as provisionsLoader } from "~/routes/provisions._index.tsx";
import { getAs, signInAs, type TestSession } from "../setup/auth.ts";

let viewer: TestSession;
/** A signed-in viewer's request: exact counts. */
const args = (url: string, params: Record<string, string> = {}) => ({ request: getAs(url, viewer), params, context: {} });
/** An anonymous reader's request: small counts of staff records withheld. */
const anon = (url: string, params: Record<string, string> = {}) => ({ request: getAs(url), params, context: {} });
/** What an anonymous reader is shown for an exact count n: n itself, or null (withheld) from 1 to 2. */
const shown = (n: number) => (n >= 1 && n < 3 ? null : n);

/** An export CSV's header lines (title, filters, source, date, notes, credit; as parsed cells) and its table's raw lines, split at the empty line between them. */
function csvParts(text: string): [string[], string[]] {
  const [header, table] = text.replace(/^\uFEFF/, "").split("\r\n\r\n");
  return [(parse(header) as string[][]).map((row) => row.join(",")), table.trim().split("\r\n")];
}

/** Accepted (or given-status) links per provision and year, counted directly in SQL, as the published rule says: not deleted, Global Witness or verified. */
async function sqlCounts(statuses: string[], sector: string | null): Promise<Map<string, number>> {
  type Row = { code: string; year: number | bigint; n: number | bigint };
  const [a, b = statuses[0]] = statuses;
  const rows = sector
    ? await prisma.$queryRaw<Row[]>`
        SELECT p."code" AS "code", i."year" AS "year", COUNT(*) AS "n"
        FROM "IncidentProvisionLink" l
        JOIN "Incident" i ON i."id" = l."incidentId"
        JOIN "Provision" p ON p."id" = l."provisionId"
        WHERE l."status" IN (${a}, ${b}) AND i."sector" = ${sector}
          AND i."deletedAt" IS NULL AND (i."origin" = 'gw_dataset' OR i."verificationStatus" = 'verified')
        GROUP BY p."code", i."year"`
    : await prisma.$queryRaw<Row[]>`
        SELECT p."code" AS "code", i."year" AS "year", COUNT(*) AS "n"
        FROM "IncidentProvisionLink" l
        JOIN "Incident" i ON i."id" = l."incidentId"
        JOIN "Provision" p ON p."id" = l."provisionId"
        WHERE l."status" IN (${a}, ${b})
          AND i."deletedAt" IS NULL AND (i."origin" = 'gw_dataset' OR i."verificationStatus" = 'verified')
        GROUP BY p."code", i."year"`;
  return new Map(rows.map((r) => [`${r.code}:${Number(r.year)}`, Number(r.n)]));
}

async function sqlWindow(code: string, from: string, to: string | null): Promise<number> {
  const rows = await prisma.$queryRaw<{ n: number | bigint }[]>`
    SELECT COUNT(*) AS "n"
    FROM "IncidentProvisionLink" l
    JOIN "Incident" i ON i."id" = l."incidentId"
    JOIN "Provision" p ON p."id" = l."provisionId"
    WHERE p."code" = ${code} AND l."status" = 'accepted'
      AND i."deletedAt" IS NULL
      AND (i."origin" = 'gw_dataset' OR i."verificationStatus" = 'verified')
      AND i."occurredOn" >= ${new Date(`${from}T00:00:00Z`)}
      AND i."occurredOn" < ${new Date(`${to ?? "9999-01-01"}T00:00:00Z`)}`;
  return Number(rows[0].n);
}

async function staffCase(date: string, over: Record<string, unknown> = {}) {
  const incident = await prisma.incident.create({
    data: {
      origin: "staff",
      occurredOn: new Date(`${date}T00:00:00Z`),
      year: Number(date.slice(0, 4)),
      sector: "mining_extractives",
      perpetratorType: "hitmen",
      outcome: "threat",
      verificationStatus: "verified",
      victimName: "Test person",
      ...over,
    },
  });
  await prisma.$transaction((tx) => suggestLinksForIncident(tx, incident.id));
  return incident;
}

async function setStatus(incidentId: string, code: string, status: string) {
  await prisma.incidentProvisionLink.updateMany({ where: { incidentId, provision: { code } }, data: { status } });
}

beforeAll(async () => {
  viewer = await signInAs("viewer");
  const { job } = await createLinkSuggestionJob(null);
  await runLinkSuggestionJob(job.id);
  // Global Witness mining cases: 20 accepted, 3 rejected, 4 left suggested.
  const mining = await prisma.incident.findMany({
    where: { origin: "gw_dataset", sector: "mining_extractives" },
    orderBy: { externalId: "asc" },
    select: { id: true },
  });
  for (const [i, { id }] of mining.entries()) {
    await setStatus(id, "AP-I-MIN", i < 20 ? "accepted" : i < 23 ? "rejected" : "suggested");
    if (i % 2 === 0) await setStatus(id, "ESCAZU-ART9", "accepted");
  }
  // Non-mining cases accepted on Escazú: must disappear under the default mining filter.
  const others = await prisma.incident.findMany({ where: { origin: "gw_dataset", sector: "logging" }, take: 7, select: { id: true } });
  for (const { id } of others) await setStatus(id, "ESCAZU-ART9", "accepted");
  // Staff cases around the partnership launch (2025-09-18), 12-month windows.
  for (const date of ["2024-09-17", "2024-09-18", "2025-03-01", "2025-09-17", "2025-09-18", "2025-10-01", "2026-09-17", "2026-09-18"]) {
    const c = await staffCase(date);
    await setStatus(c.id, "AP-I-MIN", "accepted");
  }
  // Not counted: an unverified record and a deleted one, both with accepted links.
  await setStatus((await staffCase("2025-11-01", { verificationStatus: "reported" })).id, "AP-I-MIN", "accepted");
  await setStatus((await staffCase("2025-11-02", { deletedAt: new Date() })).id, "AP-I-MIN", "accepted");
  // A name that must not be shown.
  await staffCase("2025-12-01", { victimNamePublic: false, victimName: "Hidden Name" }).then((c) => setStatus(c.id, "AP-I-MIN", "accepted"));
});

describe("the scorecard", () => {
  it("counts accepted links per year exactly as a direct SQL count does", async () => {
    const data = (await scorecardLoader(args("http://localhost/provisions/AP-I-MIN/scorecard", { code: "AP-I-MIN" }))) as any;
    const sql = await sqlCounts(["accepted"], null);
    let total = 0;
    const suggested = await sqlCounts(["suggested"], null);
    for (const row of data.data.rows) {
      if (row.year === 2022 || row.year === 2023) {
        // No case record of any origin covers these years: "no case-level data", never 0.
        expect(row.records, String(row.year)).toBeNull();
        expect(row.suggested, String(row.year)).toBeNull();
        continue;
      }
      expect(row.records, String(row.year)).toBe(sql.get(`AP-I-MIN:${row.year}`) ?? 0);
      expect(row.suggested, String(row.year)).toBe(suggested.get(`AP-I-MIN:${row.year}`) ?? 0);
      total += row.records;
    }
    expect(total).toBe([...sql].filter(([k]) => k.startsWith("AP-I-MIN:")).reduce((s, [, n]) => s + n, 0));
    expect(total).toBe(20 + 8 + 1);
  });

  it("compares 12 months before and after the partnership launch by default, and counts since the commitment was made", async () => {
    const data = (await scorecardLoader(args("http://localhost/provisions/AP-I-MIN/scorecard", { code: "AP-I-MIN" }))) as any;
    expect(data.params).toEqual({ milestoneKey: "csp-launch", months: 12 });
    expect(data.data.before).toEqual({
      from: "2024-09-18",
      to: "2025-09-18",
      covered: true,
      records: await sqlWindow("AP-I-MIN", "2024-09-18", "2025-09-18"),
      suggested: 0,
      published: [],
    });
    expect(data.data.after).toMatchObject({ from: "2025-09-18", to: "2026-09-18", records: await sqlWindow("AP-I-MIN", "2025-09-18", "2026-09-18") });
    expect(data.data.before.records).toBe(3); // 2024-09-18, 2025-03-01, 2025-09-17
    expect(data.data.after.records).toBe(4); // 2025-09-18, 2025-10-01, 2025-12-01, 2026-09-17
    expect(data.data.sinceMade).toEqual({ from: "2025-09-18", covered: true, records: await sqlWindow("AP-I-MIN", "2025-09-18", null), suggested: 0 });
    expect(data.pending).toBe(4 + 0);
  });

  it("lets the reader choose the milestone and the window, and explains a bad choice", async () => {
    const data = (await scorecardLoader(
      args("http://localhost/provisions/AP-I-MIN/scorecard?milestone=escazu-in-force-mx&months=6", { code: "AP-I-MIN" }),
    )) as any;
    expect(data.data.before).toMatchObject({ from: "2020-10-22", to: "2021-04-22", records: await sqlWindow("AP-I-MIN", "2020-10-22", "2021-04-22") });
    expect(data.data.after).toMatchObject({ from: "2021-04-22", to: "2021-10-22", records: await sqlWindow("AP-I-MIN", "2021-04-22", "2021-10-22") });
    const bad = (await scorecardLoader(args("http://localhost/provisions/AP-I-MIN/scorecard?milestone=nope&months=abc", { code: "AP-I-MIN" }))) as any;
    expect(bad.params).toEqual({ milestoneKey: "csp-launch", months: 12 });
    expect(bad.problems.map((p: any) => p.param)).toEqual(["milestone", "months"]);
  });

  it("says plainly when the commitment's date is not known", async () => {
    const data = (await scorecardLoader(args("http://localhost/provisions/CA-CORE/scorecard", { code: "CA-CORE" }))) as any;
    expect(data.data.sinceMade).toBeNull();
    expect(data.provision.madeOn).toBeNull();
  });

  it("exports the same numbers as CSV, and the chart as a PNG", async () => {
    const page = (await scorecardLoader(args("http://localhost/provisions/AP-I-MIN/scorecard", { code: "AP-I-MIN" }))) as any;
    const csv = (await scorecardCsv(args("http://localhost/provisions/AP-I-MIN/scorecard.csv", { code: "AP-I-MIN" }))) as Response;
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toMatch(/vigia-scorecard-AP-I-MIN-csp-launch-12m\.csv/);
    const [header, body] = csvParts(await csv.text());
    expect(header[0]).toBe(`Scorecard: AP-I-MIN · ${page.provision.title.text}`);
    expect(header[1]).toBe(
      `Accepted links only, 2012–${page.data.rows.at(-1).year}; milestones marked. Before and after ${page.data.milestone.label} (September 18, 2025): ` +
        `12 months before: ${page.data.before.records} accepted, 0 suggested, not yet reviewed · 12 months after: ${page.data.after.records} accepted, 0 suggested, not yet reviewed · ` +
        `since the commitment was made (September 18, 2025): ${page.data.sinceMade.records} accepted, 0 suggested, not yet reviewed`,
    );
    expect(header[2]).toBe(
      "Source: Vigía case records: Global Witness dataset of lethal attacks 2012–2021 (case records, downloaded 22 Sep 2022); cases logged and verified by Vigía staff. Links reviewed by Vigía staff.",
    );
    expect(header[3]).toMatch(/^Data as of /);
    expect(header).toContain("Case records with an accepted link; suggestions not yet reviewed are not counted.");
    expect(header).toContain("4 suggestions for this provision await review and are not counted.");
    expect(header.at(-1)).toBe("Made with Vigía: http://localhost/provisions/AP-I-MIN/scorecard?milestone=csp-launch&months=12&lng=en");
    const lines = body;
    expect(lines[0]).toBe('Period,From,To,Case records with an accepted link,"Case records suggested, not yet reviewed",Published figures (context)');
    const y2021 = page.data.rows.find((r: any) => r.year === 2021);
    expect(lines).toContain(`2021,2021-01-01,2021-12-31,${y2021.records},${y2021.suggested},`);
    expect(lines).toContain("2022,2022-01-01,2022-12-31,no case-level data,no case-level data,");
    expect(lines.at(-3)).toMatch(new RegExp(`^"12 months before .*",2024-09-18,2025-09-17,${page.data.before.records},0,$`));
    expect(lines.at(-2)).toMatch(new RegExp(`,2025-09-18,2026-09-17,${page.data.after.records},0,$`));
    expect(lines.at(-1)).toBe(`Since the commitment was made,2025-09-18,,${page.data.sinceMade.records},0,`);

    const png = (await scorecardPng(args("http://localhost/provisions/AP-I-MIN/scorecard.png?lng=es", { code: "AP-I-MIN" }))) as Response;
    expect(png.headers.get("Content-Type")).toBe("image/png");
    const bytes = new Uint8Array(await png.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join("")).toBe("PNG");
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(16)).toBe(2000); // width: 1000 CSS px at 2x, like every chart image
    const preview = (await scorecardPng(args("http://localhost/provisions/AP-I-MIN/scorecard.png?lng=es&size=preview", { code: "AP-I-MIN" }))) as Response;
    expect(new DataView(await preview.arrayBuffer()).getUint32(16)).toBe(1000);
    expect(view.getUint32(20)).toBeGreaterThan(500); // height: text + chart
    await expect(scorecardCsv(args("http://localhost/provisions/NOPE/scorecard.csv", { code: "NOPE" }))).rejects.toMatchObject({ status: 404 });
  });

  it("shows the same yearly counts on the provision page", async () => {
    const page = (await detailLoader(args("http://localhost/provisions/AP-I-MIN", { code: "AP-I-MIN" }))) as any;
    expect(page.counts).toMatchObject({ accepted: 20 + 8 + 1, rejected: 3, suggested: 4 });
    expect(page.accepted).toHaveLength(29);
    // Anonymous readers see the suggestions as their own layer, with the rule behind each.
    expect(page.suggested).toHaveLength(4);
    expect(page.suggested.every((l: any) => l.status === "suggested" && l.rulesFired.includes("sector-mining"))).toBe(true);
    const sql = await sqlCounts(["accepted"], null);
    const suggested = await sqlCounts(["suggested"], null);
    for (const y of page.rows.filter((r: any) => r.covered)) {
      expect(y.records, String(y.year)).toBe(sql.get(`AP-I-MIN:${y.year}`) ?? 0);
      expect(y.suggested, String(y.year)).toBe(suggested.get(`AP-I-MIN:${y.year}`) ?? 0);
    }
    expect(page.smallCountThreshold).toBeNull();
    expect(page.accepted.find((l: any) => l.incident.nameWithheld)).toMatchObject({ incident: { victimName: null } });
  });
});

describe("the accountability matrix", () => {
  it("defaults to mining and extractives, both layers apart, 2012 to this year, and matches a direct SQL count in every cell", async () => {
    const data = (await matrixLoader(args("http://localhost/matrix"))) as any;
    expect(data.filter).toEqual({ sector: "mining_extractives", yearFrom: 2012, yearTo: new Date().getUTCFullYear(), status: "both", linkType: null });
    const accepted = await sqlCounts(["accepted"], "mining_extractives");
    const suggested = await sqlCounts(["suggested"], "mining_extractives");
    expect(data.data.rows).toHaveLength(26);
    let cells = 0;
    for (const row of data.data.rows) {
      data.data.years.forEach((year: number, i: number) => {
        if (!data.data.covered[i]) {
          expect(row.accepted[i], `${row.code} ${year}`).toBeNull();
          expect(row.suggested[i], `${row.code} ${year}`).toBeNull();
          return;
        }
        expect(row.accepted[i], `${row.code} ${year}`).toBe(accepted.get(`${row.code}:${year}`) ?? 0);
        expect(row.suggested[i], `${row.code} ${year}`).toBe(suggested.get(`${row.code}:${year}`) ?? 0);
        cells += row.accepted[i];
      });
    }
    expect(cells).toBe([...accepted.values()].reduce((a, b) => a + b, 0));
    expect(data.data.rows.find((r: any) => r.code === "ESCAZU-ART9").acceptedTotal).toBe(14); // half the Global Witness mining cases; the logging ones are left out
    // 2022 and 2023: no case records of any origin, so no count at all.
    expect(data.data.covered[data.data.years.indexOf(2022)]).toBe(false);
    expect(data.data.covered[data.data.years.indexOf(2021)]).toBe(true);
  });

  it("counts every sector, each layer apart and never summed, and still matches SQL", async () => {
    const data = (await matrixLoader(args("http://localhost/matrix?sector=all&status=both&from=2012&to=2021"))) as any;
    expect(data.data.layers).toEqual({ accepted: true, suggested: true });
    const accepted = await sqlCounts(["accepted"], null);
    const suggested = await sqlCounts(["suggested"], null);
    for (const row of data.data.rows)
      data.data.years.forEach((year: number, i: number) => {
        expect(row.accepted[i], `${row.code} ${year}`).toBe(accepted.get(`${row.code}:${year}`) ?? 0);
        expect(row.suggested[i], `${row.code} ${year}`).toBe(suggested.get(`${row.code}:${year}`) ?? 0);
      });
    const escazu = data.data.rows.find((r: any) => r.code === "ESCAZU-ART9");
    expect(escazu.acceptedTotal + escazu.suggestedTotal).toBe(154); // every Global Witness case is in one layer or the other
    expect(escazu.acceptedTotal).toBe(14 + 7);
  });

  it("reports bad filters instead of failing", async () => {
    const data = (await matrixLoader(args("http://localhost/matrix?sector=gold&from=20x&status=maybe"))) as any;
    expect(data.filter.sector).toBe("mining_extractives");
    expect(data.problems.map((p: any) => p.param).sort()).toEqual(["from", "sector", "status"]);
  });

  it("exports CSV rows equal to the matrix, and a PNG", async () => {
    const data = (await matrixLoader(args("http://localhost/matrix?from=2019&to=2021"))) as any;
    const csv = (await matrixCsv(args("http://localhost/matrix.csv?from=2019&to=2021"))) as Response;
    const [header, lines] = csvParts(await csv.text());
    expect(header.slice(0, 3)).toEqual([
      "Case records linked to each provision, by year",
      "Mining and extractives · 2019–2021 · accepted and suggested links",
      "Source: Vigía case records: Global Witness dataset of lethal attacks 2012–2021 (case records, downloaded 22 Sep 2022); cases logged and verified by Vigía staff. Links reviewed by Vigía staff.",
    ]);
    expect(header[3]).toMatch(/^Data as of /);
    expect(header.at(-1)).toBe("Made with Vigía: http://localhost/matrix?sector=mining_extractives&from=2019&to=2021&status=both&lng=en");
    expect(header).toContain(
      "Number on a hatched band (lower half): case records suggested by a rule or terms, not yet reviewed; never added to the accepted number.",
    );
    expect(lines[0]).toBe(
      'Code,Provision,2019 · accepted,"2019 · suggested, not yet reviewed",2020 · accepted,"2020 · suggested, not yet reviewed",2021 · accepted,"2021 · suggested, not yet reviewed",Total · accepted,"Total · suggested, not yet reviewed"',
    );
    const min = data.data.rows.find((r: any) => r.code === "AP-I-MIN");
    const pairs = data.data.years.flatMap((_: number, i: number) => [min.accepted[i], min.suggested[i]]);
    expect(lines.find((l) => l.startsWith("AP-I-MIN,"))).toBe(`AP-I-MIN,${min.title},${pairs.join(",")},${min.acceptedTotal},${min.suggestedTotal}`);
    expect(lines).toHaveLength(27);
    const png = (await matrixPng(args("http://localhost/matrix.png?from=2019&to=2021&lng=fr"))) as Response;
    expect(png.headers.get("Content-Type")).toBe("image/png");
    expect(new DataView(await png.arrayBuffer()).getUint32(16)).toBe(2000); // 1000 CSS px at 2x: three years need no more
    // The preview size (decision 112): the same layout at 1x, kept apart from the download.
    const preview = (await matrixPng(args("http://localhost/matrix.png?from=2019&to=2021&lng=fr&size=preview"))) as Response;
    expect(new DataView(await preview.arrayBuffer()).getUint32(16)).toBe(1000);
    expect(((await matrixPng(args("http://localhost/matrix.png?from=2019&to=2021&lng=fr&size=big")).catch((e: Response) => e)) as Response).status).toBe(400);
  });

  it("opens the case records behind a cell", async () => {
    const matrix = (await matrixLoader(args("http://localhost/matrix"))) as any;
    const min = matrix.data.rows.find((r: any) => r.code === "AP-I-MIN");
    const i2021 = matrix.data.years.indexOf(2021);
    const cell = (await casesLoader(
      args("http://localhost/provisions/AP-I-MIN/cases?year=2021&sector=mining_extractives&status=accepted", { code: "AP-I-MIN" }),
    )) as any;
    expect(cell.cases).toHaveLength(min.accepted[i2021]);
    expect(cell.cases.every((c: any) => c.year === 2021 && c.sector === "mining_extractives" && c.linkStatus === "accepted")).toBe(true);
    const y2025 = (await casesLoader(args("http://localhost/provisions/AP-I-MIN/cases?year=2025", { code: "AP-I-MIN" }))) as any;
    expect(y2025.cases.map((c: any) => c.occurredOn)).toEqual(["2025-03-01", "2025-09-17", "2025-09-18", "2025-10-01", "2025-12-01"]);
    expect(y2025.cases.at(-1)).toMatchObject({ victimName: null, nameWithheld: true });
    expect(JSON.stringify(y2025)).not.toContain("Hidden Name");
  });
});

describe("anonymous readers: small counts of staff records withheld (decision 109)", () => {
  it("the matrix withholds every cell from 1 to 2 in each layer apart, and every total that includes one", async () => {
    const [data, exact] = (await Promise.all([matrixLoader(anon("http://localhost/matrix")), matrixLoader(args("http://localhost/matrix"))])) as any[];
    expect(data.data.smallCountThreshold).toBe(3);
    expect(exact.data.smallCountThreshold).toBeUndefined();
    const accepted = await sqlCounts(["accepted"], "mining_extractives");
    const suggested = await sqlCounts(["suggested"], "mining_extractives");
    let withheld = 0;
    for (const row of data.data.rows) {
      const exactRow = exact.data.rows.find((r: any) => r.code === row.code);
      data.data.years.forEach((year: number, i: number) => {
        if (!data.data.covered[i]) return expect(row.accepted[i]).toBeNull();
        expect(row.accepted[i], `${row.code} ${year}`).toBe(shown(accepted.get(`${row.code}:${year}`) ?? 0));
        expect(row.suggested[i], `${row.code} ${year}`).toBe(shown(suggested.get(`${row.code}:${year}`) ?? 0));
        if (row.accepted[i] === null) withheld++;
      });
      // A total is shown only when none of its cells is withheld: else total minus the shown cells gives one away.
      for (const layer of ["accepted", "suggested"] as const) {
        const total = row[`${layer}Total`];
        const anyWithheld = row[layer].some((v: number | null, i: number) => v === null && data.data.covered[i]);
        expect(total, `${row.code} ${layer} total`).toBe(anyWithheld ? null : shown(exactRow[`${layer}Total`]));
      }
    }
    expect(withheld).toBeGreaterThan(0);
    const min = data.data.rows.find((r: any) => r.code === "AP-I-MIN");
    // The staff cases of 2024 (two) and the current year (two) are withheld; 2025 (five) is shown; the total is withheld.
    expect(min.accepted[data.data.years.indexOf(2024)]).toBeNull();
    expect(min.accepted[data.data.years.indexOf(2025)]).toBe(5);
    expect(min.acceptedTotal).toBeNull();
    expect(exact.data.rows.find((r: any) => r.code === "AP-I-MIN").acceptedTotal).toBe(29);
  });

  it("a window without staff records is not withheld (Global Witness counts are public record by record)", async () => {
    const data = (await matrixLoader(anon("http://localhost/matrix?sector=all&from=2012&to=2021"))) as any;
    expect(data.data.smallCountThreshold).toBeUndefined();
    const accepted = await sqlCounts(["accepted"], null);
    const min = data.data.rows.find((r: any) => r.code === "AP-I-MIN");
    data.data.years.forEach((year: number, i: number) => expect(min.accepted[i]).toBe(accepted.get(`AP-I-MIN:${year}`) ?? 0));
  });

  it('the matrix CSV says "fewer than 3" where the page withholds, and its PNG is drawn apart from a signed-in reader\'s', async () => {
    const url = "http://localhost/matrix.csv?from=2023&to=2026";
    const data = (await matrixLoader(anon("http://localhost/matrix?from=2023&to=2026"))) as any;
    const [header, lines] = csvParts(await ((await matrixCsv(anon(url))) as Response).text());
    expect(header).toContain(
      "Counts of case records below 3 that include records logged by staff are shown as “fewer than 3”, and so is any total that includes one, so that no one can be singled out or worked out by subtraction.",
    );
    const min = data.data.rows.find((r: any) => r.code === "AP-I-MIN");
    const cell = (v: number | null, i: number) => (!data.data.covered[i] ? "no case-level data" : v === null ? "fewer than 3" : v);
    const pairs = data.data.years.flatMap((_: number, i: number) => [cell(min.accepted[i], i), cell(min.suggested[i], i)]);
    expect(lines.find((l) => l.startsWith("AP-I-MIN,"))).toBe(`AP-I-MIN,${min.title},${pairs.join(",")},fewer than 3,0`);
    expect(pairs).toContain("fewer than 3");
    const [, exactLines] = csvParts(await ((await matrixCsv(args(url))) as Response).text());
    expect(exactLines.find((l) => l.startsWith("AP-I-MIN,"))).toMatch(/,2,0,5,0,2,0,9,0$/);
    expect(exactLines.join("\n")).not.toContain("fewer than");
    // The PNG is the same document drawn: the anonymous one carries "<3" in the cells, so it differs from the exact one.
    const png = async (a: ReturnType<typeof anon>) => Buffer.from(await ((await matrixPng(a)) as Response).arrayBuffer());
    const [anonPng, exactPng, anonAgain] = await Promise.all([
      png(anon("http://localhost/matrix.png?from=2023&to=2026")),
      png(args("http://localhost/matrix.png?from=2023&to=2026")),
      png(anon("http://localhost/matrix.png?from=2023&to=2026")),
    ]);
    expect(anonPng.subarray(1, 4).toString()).toBe("PNG");
    expect(anonPng.equals(exactPng)).toBe(false);
    expect(anonPng.equals(anonAgain)).toBe(true);
  });

  it("the scorecard withholds small years, and every window or total overlapping a withheld year", async () => {
    const data = (await scorecardLoader(anon("http://localhost/provisions/AP-I-MIN/scorecard", { code: "AP-I-MIN" }))) as any;
    const exact = (await scorecardLoader(args("http://localhost/provisions/AP-I-MIN/scorecard", { code: "AP-I-MIN" }))) as any;
    expect(data.data.smallCountThreshold).toBe(3);
    data.data.rows.forEach((row: any, i: number) => {
      const e = exact.data.rows[i];
      expect(row.covered).toBe(e.covered);
      expect(row.records, String(row.year)).toBe(e.covered ? shown(e.records) : null);
      expect(row.suggested, String(row.year)).toBe(e.covered ? shown(e.suggested) : null);
    });
    // Exactly 3 before and 4 after, but both overlap a withheld year (2024: two cases; this year: two cases).
    expect(exact.data.before.records).toBe(3);
    expect(data.data.before).toMatchObject({ covered: true, records: null });
    expect(data.data.after).toMatchObject({ covered: true, records: null });
    expect(data.data.sinceMade).toMatchObject({ covered: true, records: null });
    // Suggestions: 4 pending, but a year of them holds fewer than 3, so the total would give it away.
    expect(exact.pending).toBe(4);
    const suggestedYearWithheld = data.data.rows.some((r: any) => r.covered && r.suggested === null);
    expect(data.pending).toBe(suggestedYearWithheld ? null : 4);
    // Another milestone: the windows around Escazú (2021) hold Global Witness years only, none withheld.
    const escazu = (await scorecardLoader(
      anon("http://localhost/provisions/AP-I-MIN/scorecard?milestone=escazu-in-force-mx&months=6", { code: "AP-I-MIN" }),
    )) as any;
    const before = await sqlWindow("AP-I-MIN", "2020-10-22", "2021-04-22");
    const overlaps = escazu.data.rows.some((r: any) => (r.year === 2020 || r.year === 2021) && r.covered && r.records === null);
    expect(escazu.data.before.records).toBe(overlaps ? null : shown(before));
  });

  it('the scorecard CSV and PNG say the same as the page: "fewer than 3" for the anonymous reader, exact numbers signed in', async () => {
    const page = (await scorecardLoader(anon("http://localhost/provisions/AP-I-MIN/scorecard", { code: "AP-I-MIN" }))) as any;
    const csv = (await scorecardCsv(anon("http://localhost/provisions/AP-I-MIN/scorecard.csv", { code: "AP-I-MIN" }))) as Response;
    const [header, lines] = csvParts(await csv.text());
    expect(header[1]).toContain(
      "12 months before: fewer than 3 accepted, 0 suggested, not yet reviewed · 12 months after: fewer than 3 accepted, 0 suggested, not yet reviewed · since the commitment was made (September 18, 2025): fewer than 3 accepted, 0 suggested, not yet reviewed",
    );
    expect(header.join("\n")).not.toContain("4 suggestions for this provision");
    expect(lines).toContain("2024,2024-01-01,2024-12-31,fewer than 3,0,");
    expect(lines).toContain("2025,2025-01-01,2025-12-31,5,0,");
    expect(lines).toContain("2022,2022-01-01,2022-12-31,no case-level data,no case-level data,");
    expect(lines.at(-1)).toBe("Since the commitment was made,2025-09-18,,fewer than 3,0,");
    const y2014 = page.data.rows.find((r: any) => r.year === 2014);
    expect(lines.find((l) => l.startsWith("2014,"))).toBe(
      `2014,2014-01-01,2014-12-31,${y2014.records ?? "fewer than 3"},${y2014.suggested ?? "fewer than 3"},`,
    );
    const signedIn = await ((await scorecardCsv(args("http://localhost/provisions/AP-I-MIN/scorecard.csv", { code: "AP-I-MIN" }))) as Response).text();
    expect(signedIn).not.toContain("fewer than");
    expect(signedIn).toContain("2024,2024-01-01,2024-12-31,2,0,");
    const png = async (a: ReturnType<typeof anon>) => Buffer.from(await ((await scorecardPng(a)) as Response).arrayBuffer());
    const [anonPng, exactPng] = await Promise.all([
      png(anon("http://localhost/provisions/AP-I-MIN/scorecard.png", { code: "AP-I-MIN" })),
      png(args("http://localhost/provisions/AP-I-MIN/scorecard.png", { code: "AP-I-MIN" })),
    ]);
    expect(anonPng.subarray(1, 4).toString()).toBe("PNG");
    // The subtitle drawn in the image says "fewer than 3" where the signed-in one says 3 and 4.
    expect(anonPng.equals(exactPng)).toBe(false);
  });

  it("the provision page and the list of provisions withhold the same counts, and their totals", async () => {
    const page = (await detailLoader(anon("http://localhost/provisions/AP-I-MIN", { code: "AP-I-MIN" }))) as any;
    const exact = (await detailLoader(args("http://localhost/provisions/AP-I-MIN", { code: "AP-I-MIN" }))) as any;
    const card = (await scorecardLoader(anon("http://localhost/provisions/AP-I-MIN/scorecard", { code: "AP-I-MIN" }))) as any;
    expect(page.smallCountThreshold).toBe(3);
    expect(page.rows).toEqual(card.data.rows);
    expect(exact.rows.find((r: any) => r.year === 2024).records).toBe(2);
    expect(page.rows.find((r: any) => r.year === 2024).records).toBeNull();
    // 29 accepted in all, but 2024 is withheld: the total minus the shown years would give it away.
    expect(exact.counts.accepted).toBe(29);
    expect(page.counts.accepted).toBeNull();
    const list = (await provisionsLoader(anon("http://localhost/provisions"))) as any;
    const listed = (code: string, l: any) => l.instruments.flatMap((i: any) => i.pillars.flatMap((p: any) => p.provisions)).find((p: any) => p.code === code);
    expect(listed("AP-I-MIN", list).links.accepted).toBeNull();
    expect(listed("AP-I-MIN", (await provisionsLoader(args("http://localhost/provisions"))) as any).links.accepted).toBe(29);
    // A provision whose every year is large enough or zero keeps its total (here: none withheld means the exact count).
    const escazu = (await detailLoader(anon("http://localhost/provisions/ESCAZU-ART9", { code: "ESCAZU-ART9" }))) as any;
    const escazuExact = (await detailLoader(args("http://localhost/provisions/ESCAZU-ART9", { code: "ESCAZU-ART9" }))) as any;
    const anyWithheld = escazu.rows.some((r: any) => r.covered && r.records === null);
    expect(escazu.counts.accepted).toBe(anyWithheld ? null : shown(escazuExact.counts.accepted));
    expect(listed("ESCAZU-ART9", list).links.accepted).toBe(escazu.counts.accepted);
  });
});
