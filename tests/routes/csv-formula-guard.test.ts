// Proof that no CSV Vigía serves can carry a live spreadsheet formula. A formula
// payload goes into every text field a person can type (case records, their
// sources and confidential fields, instruments, provisions, milestones, sources,
// link rationales and terms), then every CSV route found on disk is requested, in
// every language, and every cell of every file is read back with csv-parse: none
// may start with a formula character unless it is a plain number.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { CHART_IDS } from "~/charts/registry.ts";
import { prisma } from "~/lib/db.server.ts";
import { LANGUAGES } from "~/lib/i18n.ts";
import { signInAs, getAs, type TestSession } from "../setup/auth.ts";

const PAYLOADS = ['=HYPERLINK("http://evil.example/","x")', "+1", "-1+2", "@SUM(1)", "\t=1+1", "\r=2+2", "  =3+3", "＝4+4"];

/** A cell a spreadsheet would run: a formula start, also after leading whitespace; a plain (negative) number is data. */
const UNGUARDED = /^\s*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const ROUTES_DIR = resolve(import.meta.dirname, "../../app/routes");
const CSV_ROUTE = /\[\.\]csv\.tsx?$/;
const routes = import.meta.glob("../../app/routes/*.{ts,tsx}", { eager: true }) as Record<string, { loader?: (args: any) => Promise<unknown> }>;

// ---------- The text fields: every String column of the models people write, tainted or said why not ----------

/** The models whose text people type (forms) or import; every String column of them must be listed below. */
const MODELS = ["Incident", "IncidentSource", "IncidentConfidential", "Instrument", "Provision", "Milestone", "IncidentProvisionLink", "Source"] as const;

const TAINTED: Record<(typeof MODELS)[number], string[]> = {
  Incident: ["victimName", "regionRaw", "municipality", "companyName", "companyCountry", "description", "verificationNote", "unmappedText"],
  IncidentSource: ["url", "title"],
  IncidentConfidential: ["witnesses", "contacts", "exactLocation", "confidentialNotes"],
  Instrument: ["name", "nameEs", "nameFr"],
  Provision: ["pillar", "title", "titleEs", "titleFr", "summary", "summaryEs", "summaryFr", "statusNote", "termsEn", "termsEs"],
  Milestone: ["label", "labelEs", "labelFr", "note"],
  IncidentProvisionLink: ["rationale", "matchedTerms"],
  Source: ["title", "publisher", "url", "note"],
};

/** Not free text: ids, codes from fixed lists, identifiers the forms validate, dates kept as text. */
const NOT_FREE_TEXT: Record<(typeof MODELS)[number], string[]> = {
  Incident: [
    "id",
    "externalId", // the import's row identifier
    "origin",
    "datePrecision",
    "gender",
    "sector",
    "perpetratorType",
    "outcome",
    "countryCode",
    "stateCode",
    "verificationStatus",
    "verifiedById",
    "createdById",
    "updatedById",
    "importedValues", // the import's own record of the dataset's last values (JSON), never shown or exported
  ],
  IncidentSource: ["id", "incidentId"],
  IncidentConfidential: ["incidentId"],
  Instrument: ["id", "code", "kind", "sourceId"], // code: ^[A-Z0-9]+(-[A-Z0-9]+)*$, validated by the form
  Provision: ["id", "code", "instrumentId", "status", "sourceId"],
  Milestone: ["id", "key", "instrumentId", "sourceId"], // key: lower-case letters, digits and dashes
  IncidentProvisionLink: ["id", "incidentId", "provisionId", "method", "rulesFired", "status", "linkType", "reviewedById"],
  Source: ["id", "key", "kind", "publishedOn", "accessedOn"],
};

function stringColumns(model: string): string[] {
  const schema = readFileSync(resolve(import.meta.dirname, "../../prisma/models.prisma"), "utf8");
  const body = new RegExp(`model ${model} \\{([\\s\\S]*?)\\n\\}`).exec(schema)?.[1];
  if (!body) throw new Error(`model ${model} not found`);
  return [...body.matchAll(/^\s+(\w+)\s+String\??(\s|$)/gm)].map((m) => m[1]);
}

// ---------- The fixture ----------

const payload = (i: number) => PAYLOADS[i % PAYLOADS.length];
const terms = (i: number) => JSON.stringify([payload(i), payload(i + 1)]);
const MILESTONE_KEY = "csv-guard-milestone";
/** One tainted provision per payload, its titles rotated so that each language's matrix shows every payload as a whole cell. */
const PROVISION_CODES = PAYLOADS.map((_, i) => `FX-CSV-${i}`);

async function taint(): Promise<void> {
  const source = await prisma.source.create({
    data: { key: "csv-guard-source", title: payload(0), publisher: payload(1), url: payload(2), note: payload(3), kind: "news" },
  });
  const instrument = await prisma.instrument.create({
    data: { code: "FX-CSV-I", name: payload(0), nameEs: payload(1), nameFr: payload(2), kind: "law", sourceId: source.id },
  });
  await prisma.milestone.create({
    data: {
      key: MILESTONE_KEY,
      date: new Date("2020-03-15T00:00:00Z"),
      label: payload(0),
      labelEs: payload(1),
      labelFr: payload(2),
      note: payload(3),
      instrumentId: instrument.id,
      sourceId: source.id,
    },
  });
  const incident = await prisma.incident.create({
    data: {
      origin: "staff",
      occurredOn: new Date("2020-06-01T00:00:00Z"),
      year: 2020,
      sector: "mining_extractives",
      perpetratorType: "hitmen",
      outcome: "killed",
      stateCode: "OAX",
      verificationStatus: "verified",
      victimName: payload(0),
      regionRaw: payload(1),
      municipality: payload(2),
      companyName: payload(3),
      companyCountry: payload(4),
      description: payload(5),
      verificationNote: payload(6),
      // The source's own texts where Vigía has no code (JSON, as the import stores them).
      unmappedText: JSON.stringify({ industry_driver: payload(5) }),
      sources: { create: [{ url: payload(7), title: payload(0) }] },
      confidential: { create: { witnesses: payload(1), contacts: payload(2), exactLocation: payload(3), confidentialNotes: payload(4) } },
    },
  });
  for (const [i, code] of PROVISION_CODES.entries()) {
    const provision = await prisma.provision.create({
      data: {
        code,
        instrumentId: instrument.id,
        pillar: payload(i + 3),
        title: payload(i),
        titleEs: payload(i + 1),
        titleFr: payload(i + 2),
        summary: payload(i + 4),
        summaryEs: payload(i + 5),
        summaryFr: payload(i + 6),
        status: "reported",
        statusNote: payload(i + 7),
        madeOn: new Date("2019-01-01T00:00:00Z"),
        sourceId: source.id,
        termsEn: terms(i),
        termsEs: terms(i + 1),
      },
    });
    await prisma.incidentProvisionLink.create({
      data: { incidentId: incident.id, provisionId: provision.id, method: "manual", rationale: payload(i), matchedTerms: terms(i + 2), status: "accepted" },
    });
  }
}

// ---------- Every CSV route, and the addresses that exercise it ----------

type Request = { url: string; params?: Record<string, string> };
const thisYear = new Date().getUTCFullYear();

const CSV_REQUESTS: Record<string, (lng: string) => Request[]> = {
  "api.v1.cases[.]csv.ts": (lng) => [{ url: `/api/v1/cases.csv?country=all&verification=reported,verified,disputed,rejected&sep=semicolon&lng=${lng}` }],
  "incidents[.]csv.ts": (lng) => [
    { url: `/incidents.csv?country=all&verification=reported,verified,disputed,rejected&lng=${lng}` },
    { url: `/incidents.csv?country=all&verification=reported,verified,disputed,rejected&sep=semicolon&lng=${lng}` },
  ],
  "charts.$id[.]csv.ts": (lng) => CHART_IDS.map((id) => ({ url: `/charts/${id}.csv?from=2012&to=${thisYear}&lng=${lng}`, params: { id } })),
  "matrix[.]csv.ts": (lng) => [{ url: `/matrix.csv?sector=all&status=both&from=2012&to=${thisYear}&lng=${lng}` }, { url: `/matrix.csv?lng=${lng}` }],
  "provisions.$code.scorecard[.]csv.ts": (lng) => [
    ...PROVISION_CODES.map((code) => ({ url: `/provisions/${code}/scorecard.csv?milestone=${MILESTONE_KEY}&months=12&lng=${lng}`, params: { code } })),
    { url: `/provisions/AP-I-MIN/scorecard.csv?lng=${lng}`, params: { code: "AP-I-MIN" } },
  ],
};

interface Served {
  label: string;
  cells: string[];
}

let served: Served[] = [];
let admin: TestSession;

beforeAll(async () => {
  await taint();
  admin = await signInAs("admin");
  served = [];
  for (const [file, requests] of Object.entries(CSV_REQUESTS)) {
    const loader = routes[`../../app/routes/${file}`]?.loader;
    if (!loader) continue;
    for (const lng of LANGUAGES) {
      for (const r of requests(lng)) {
        const response = (await loader({ request: getAs(`http://localhost${r.url}`, admin), params: r.params ?? {}, context: {} })) as Response;
        expect(response.status, r.url).toBe(200);
        expect(response.headers.get("Content-Type"), r.url).toBe("text/csv; charset=utf-8");
        const text = await response.text();
        const delimiter = r.url.includes("sep=semicolon") ? ";" : ",";
        const rows = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
        served.push({ label: `${file} ${r.url}`, cells: rows.flat() });
      }
    }
  }
}, 120_000);

describe("formula payloads in every text field", () => {
  it("taints every String column of the models people write, or says why a column is not free text", () => {
    for (const model of MODELS) {
      const listed = [...TAINTED[model], ...NOT_FREE_TEXT[model]].sort();
      expect(listed, `${model}: each String column is tainted or said not to be free text`).toEqual(stringColumns(model).sort());
    }
  });

  it("requests every CSV route there is", () => {
    const files = readdirSync(ROUTES_DIR)
      .filter((f) => CSV_ROUTE.test(f))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    expect(Object.keys(CSV_REQUESTS).sort(), "a CSV route needs addresses in CSV_REQUESTS").toEqual(files);
    for (const file of files)
      expect(
        served.some((s) => s.label.startsWith(`${file} `)),
        file,
      ).toBe(true);
  });

  it("finds no cell in any served CSV that a spreadsheet would run as a formula", () => {
    expect(served.length).toBe(LANGUAGES.length * (1 + 2 + CHART_IDS.length + 2 + PROVISION_CODES.length + 1));
    const unguarded = served.flatMap((s) => s.cells.filter((c) => UNGUARDED.test(c) && !NUMBER.test(c)).map((c) => `${s.label}: ${JSON.stringify(c)}`));
    expect(unguarded).toEqual([]);
  });

  it("did put the payloads into the CSVs: each one, whole, as a guarded cell of the matrix in every language", () => {
    for (const lng of LANGUAGES) {
      const matrix = served.find((s) => s.label.startsWith("matrix[.]csv.ts /matrix.csv?sector=all") && s.label.endsWith(`lng=${lng}`))!;
      for (const p of PAYLOADS) expect(matrix.cells, `${lng}: ${JSON.stringify(p)}`).toContain(`'${p}`);
    }
  });

  it("did reach the chart and scorecard CSVs too: milestone labels, provision titles and source titles, inside their cells", () => {
    const milestoneLabels = { en: payload(0), es: payload(1), fr: payload(2) } as const;
    for (const lng of LANGUAGES) {
      const chart = served.find((s) => s.label.includes("/charts/mexico-annual.csv") && s.label.endsWith(`lng=${lng}`))!;
      const inside = (s: Served, text: string) => s.cells.some((c) => c.includes(text) && !c.startsWith(text));
      expect(inside(chart, milestoneLabels[lng]), lng).toBe(true);
      const scorecard = served.find((s) => s.label.includes(`/provisions/${PROVISION_CODES[0]}/`) && s.label.endsWith(`lng=${lng}`))!;
      expect(inside(scorecard, milestoneLabels[lng]), lng).toBe(true);
      expect(inside(scorecard, `: ${payload(0)}`), lng).toBe(true); // the provision's source title, after "Provision: "
    }
  });
});
