// The case list's exports (/incidents.csv, /incidents.json): exactly the filtered
// records, in the shape the reader's role allows, every export audited, and a
// file of Global Witness records that the import engine reads back unchanged.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { parseGwCsv } from "~/domain/gw-dataset.ts";
import { applyGwImport, importSourceLine } from "~/models/gw-import.server.ts";
import { exportIncidentBatches } from "~/models/incident-export.server.ts";
import { loader as csvLoader } from "~/routes/incidents[.]csv.ts";
import { loader as jsonLoader } from "~/routes/incidents[.]json.ts";
import { getAs, signInAs, type TestSession } from "../setup/auth.ts";
import { gwCsv } from "../setup/gw-csv.ts";
import { makeIncident } from "../setup/incidents.ts";
import { BASE } from "../setup/route.ts";

let viewer: TestSession;
let staff: TestSession;
let hidden: string;

const source = importSourceLine("test.csv", null, new Date("2026-01-01T00:00:00Z"));

async function importCsv(text: string) {
  const parsed = parseGwCsv(text);
  if (!parsed.ok) throw new Error(`refused: ${parsed.problem}`);
  return { parsed, result: await applyGwImport(prisma, parsed.records, parsed.invalid.length, { actorId: null, source }) };
}

async function fetchExport(loader: typeof csvLoader, path: string, session?: TestSession): Promise<Response> {
  try {
    return (await loader({ request: getAs(BASE + path, session), params: {}, context: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The body as sent, byte-order mark included (Response.text() would drop it). */
async function body(res: Response): Promise<string> {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
}

const NAMES = ["José Ñúñez Ávila", "Δημήτρης Παπαδόπουλος", "李小龙", "Ахмед Юсупов", '=HYPERLINK("http://evil.example/","x")'];

beforeAll(async () => {
  [viewer, staff] = [await signInAs("viewer"), await signInAs("staff")];
  // Global Witness rows with accents, non-Latin names, a formula, an unknown sector and characteristic (kept as "other").
  await importCsv(
    gwCsv(
      NAMES.map((name, i) => ({
        id: `export-test-${i}`,
        name,
        country: "Mexico",
        country_numeric: "484",
        local_region: i === 0 ? "Michoacán" : "Oaxaca",
        date: `2019-0${i + 1}-1${i}`,
        industry_driver: i === 1 ? "Lithium brine, unlisted" : "Mining & Extractives",
        person_characteristics: i === 2 ? "Indigenous peoples; Water guardian" : "",
      })),
    ),
  );
  // A verified staff record whose name may not be published, with sensitive fields.
  hidden = await makeIncident((v) => {
    v.victimName = "Nombre Reservado Sánchez";
    v.victimNamePublic = false;
    v.confidential.witnesses = "Testigo confidencial XYZ";
    v.confidential.contacts = "+52 555 000 1111";
  });
  await prisma.incident.update({ where: { id: hidden }, data: { verificationStatus: "verified" } });
});

describe("case list export", () => {
  it("exports the Global Witness records as a CSV that imports back with nothing changed", async () => {
    const gwTotal = await prisma.incident.count({ where: { origin: "gw_dataset", deletedAt: null, countryCode: "MX" } });
    const res = await fetchExport(csvLoader, "/incidents.csv?origin=gw_dataset", viewer);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const text = await body(res);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const { parsed, result } = await importCsv(text);
    expect(parsed.invalid).toEqual([]);
    expect(parsed.records).toHaveLength(gwTotal);
    expect(result.counts).toMatchObject({ created: 0, updated: 0, unchanged: gwTotal, conflicts: 0 });
  });

  it("keeps accents and non-Latin names in CSV and JSON, and neutralises formula cells in the CSV", async () => {
    const csv = await (await fetchExport(csvLoader, "/incidents.csv?origin=gw_dataset&from=2019&to=2019", viewer)).text();
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    const names = rows.map((r) => r.name);
    for (const name of NAMES.slice(0, 4)) expect(names).toContain(name);
    expect(names).toContain(`'${NAMES[4]}`);
    expect(names.some((n) => n.startsWith("="))).toBe(false);
    // Unknown category texts come out as the dataset wrote them, beside Vigía's code.
    const lithium = rows.find((r) => r.id === "export-test-1")!;
    expect(lithium).toMatchObject({ industry_driver: "Lithium brine, unlisted", sector_code: "other", country: "Mexico", country_numeric: "484" });
    expect(rows.find((r) => r.id === "export-test-2")!.person_characteristics).toBe("Indigenous peoples; Water guardian");

    const json = JSON.parse(await (await fetchExport(jsonLoader, "/incidents.json?origin=gw_dataset&from=2019&to=2019", viewer)).text());
    const jsonNames = json.data.map((r: { victimName: string }) => r.victimName);
    for (const name of NAMES) expect(jsonNames).toContain(name);
    expect(json.query).toBe("from=2019&to=2019&origin=gw_dataset");
  });

  it("exports exactly the searched records: the search combines with the filters", async () => {
    const json = JSON.parse(await body(await fetchExport(jsonLoader, "/incidents.json?origin=gw_dataset&q=nunez%20avila", viewer)));
    expect(json.data.map((r: { externalId: string }) => r.externalId)).toEqual(["export-test-0"]);
    expect(json.query).toBe("origin=gw_dataset&q=nunez+avila");
    const csv = await body(await fetchExport(csvLoader, "/incidents.csv?origin=staff&q=nunez", viewer));
    expect(parse(csv, { bom: true, columns: true })).toEqual([]);
  });

  it("offers a semicolon-separated CSV for French and Spanish spreadsheets", async () => {
    const csv = await body(await fetchExport(csvLoader, "/incidents.csv?origin=gw_dataset&from=2019&to=2019&sep=semicolon", viewer));
    const header = csv.slice(1).split("\r\n")[0];
    expect(header.startsWith("id;date;name;")).toBe(true);
    const rows = parse(csv, { bom: true, columns: true, delimiter: ";" }) as Record<string, string>[];
    expect(rows.find((r) => r.id === "export-test-1")!.industry_driver).toBe("Lithium brine, unlisted");
  });

  it("never gives a viewer staff-only fields, and gives staff no sensitive field either", async () => {
    const viewerCsv = await (await fetchExport(csvLoader, "/incidents.csv?origin=staff", viewer)).text();
    const viewerJson = await (await fetchExport(jsonLoader, "/incidents.json?origin=staff", viewer)).text();
    for (const body of [viewerCsv, viewerJson]) {
      expect(body).toContain(hidden);
      for (const secret of ["Nombre Reservado", "Testigo confidencial XYZ", "+52 555 000 1111", "name_public", "victimNamePublic", "witnesses"]) {
        expect(body).not.toContain(secret);
      }
    }
    const record = JSON.parse(viewerJson).data.find((r: { id: string }) => r.id === hidden);
    expect(record).toMatchObject({ victimName: null, nameWithheld: true });

    const staffCsv = await (await fetchExport(csvLoader, "/incidents.csv?origin=staff", staff)).text();
    const staffJson = await (await fetchExport(jsonLoader, "/incidents.json?origin=staff", staff)).text();
    for (const body of [staffCsv, staffJson]) {
      expect(body).toContain("Nombre Reservado Sánchez");
      expect(body).not.toContain("Testigo confidencial XYZ");
      expect(body).not.toContain("+52 555 000 1111");
    }
    const row = (parse(staffCsv, { bom: true, columns: true }) as Record<string, string>[]).find((r) => r.vigia_id === hidden)!;
    expect(row).toMatchObject({ name_public: "no", name_withheld: "yes" });
  });

  it("writes one audit row per export, naming the filter and the number of records", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "case_export" } });
    const expected = await prisma.incident.count({ where: { origin: "gw_dataset", year: 2019, deletedAt: null, countryCode: "MX" } });
    await (await fetchExport(csvLoader, "/incidents.csv?origin=gw_dataset&from=2019&to=2019", viewer)).text();
    await (await fetchExport(jsonLoader, "/incidents.json?origin=gw_dataset&from=2019&to=2019", staff)).text();
    const events = await prisma.auditEvent.findMany({ where: { action: "case_export" }, orderBy: { createdAt: "asc" }, skip: before });
    expect(events).toHaveLength(2);
    expect(events.map((e) => [e.entityType, e.entityId, e.actorId])).toEqual([
      ["case_list", "csv", viewer.userId],
      ["case_list", "json", staff.userId],
    ]);
    expect(JSON.parse(events[0].after!)).toEqual({
      format: "csv",
      query: "from=2019&to=2019&origin=gw_dataset",
      records: expected,
      staffFields: false,
      via: "list",
    });
  });

  it("refuses a bad filter with 400 and sends anonymous readers to sign in, writing no audit row", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "case_export" } });
    expect((await fetchExport(csvLoader, "/incidents.csv?from=banana", viewer)).status).toBe(400);
    expect((await fetchExport(jsonLoader, "/incidents.json?sector=nope", viewer)).status).toBe(400);
    const anonymous = await fetchExport(csvLoader, "/incidents.csv");
    expect([302, 303]).toContain(anonymous.status);
    expect(await prisma.auditEvent.count({ where: { action: "case_export" } })).toBe(before);
  });

  it("reads in keyset batches that give every record exactly once", async () => {
    const filter = { countries: ["all"] };
    const ids: string[] = [];
    for await (const batch of exportIncidentBatches({ filter, staff: false }, 7)) {
      expect(batch.length).toBeLessThanOrEqual(7);
      ids.push(...batch.map((r) => r.id));
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(await prisma.incident.count({ where: { deletedAt: null, OR: [{ origin: "gw_dataset" }, { verificationStatus: "verified" }] } }));
  });
});
