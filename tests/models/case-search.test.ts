// Case search (decision 065) on each database: accents and case do not count,
// every word must appear, it combines with the list's filters, it reads public
// text only, the index follows every write, and the query uses the index.
import { beforeAll, describe, expect, it } from "vitest";
import { databaseKind, prisma } from "~/lib/db.server.ts";
import { searchTerms } from "~/domain/case-search.ts";
import { listIncidents } from "~/models/incident.server.ts";
import { explainIncidentSearch, findIncidentsMatching } from "~/models/incident-search.server.ts";
import { makeIncident } from "../setup/incidents.ts";

let jose: string;
let other: string;

const find = async (q: string) => (await findIncidentsMatching(searchTerms(q))).ids;
const listed = async (q: string, filter = {}) =>
  (await listIncidents({ filter: { verification: ["reported", "verified"], ...filter }, q, size: 200 })).rows.map((r) => r.id);

beforeAll(async () => {
  jose = await makeIncident((v) => {
    v.victimName = "José Ñandú Martínez";
    v.municipality = "San Andrés Cohamiata";
    v.description = "Asesinado tras denunciar la minería en el ejido de Ixtepec.";
    v.stateCode = "OAX";
    v.confidential.witnesses = "Testigo Zorrillo reservado";
  });
  other = await makeIncident((v) => {
    v.victimName = "Josefina Sánchez";
    v.stateCode = "GRO";
    v.description = "Amenazas en la comunidad.";
  });
});

describe("case search", () => {
  it("finds José when asked for Jose, whatever the case", async () => {
    for (const q of ["Jose", "JOSÉ", "jose nandu", "martinez", "MARTÍNEZ ñandú"]) expect(await find(q), q).toContain(jose);
  });

  it("finds a part of a word at its start, in the municipality and the description", async () => {
    expect(await find("Ixtep")).toContain(jose);
    expect(await find("andres cohamiata")).toContain(jose);
    expect(await find("mineria")).toContain(jose);
  });

  it("needs every word", async () => {
    expect(await find("jose sanchez")).not.toContain(jose);
    expect(await find("josefina sanchez")).toEqual([other]);
  });

  it("never reads a sensitive field", async () => {
    expect(await find("Zorrillo")).toEqual([]);
  });

  it("combines with the list's filters, and finds a staff record by its state's name", async () => {
    expect(await listed("jos")).toEqual(expect.arrayContaining([jose, other]));
    const inGuerrero = await listed("jos", { states: ["GRO"] });
    expect(inGuerrero).toContain(other);
    expect(inGuerrero).not.toContain(jose);
    // Every word in the text, or every word in the state's name: not some of each.
    expect(await listed("oaxaca jose")).not.toContain(jose);
    expect(await listed("Guerrero")).toContain(other);
    expect(await listed("Guerrero")).not.toContain(jose);
  });

  it("follows edits and deletions (triggers on SQLite, the expression index on PostgreSQL)", async () => {
    await prisma.incident.update({ where: { id: other }, data: { description: "Desplazamiento forzado en Tlachinollan." } });
    expect(await find("tlachinollan")).toEqual([other]);
    expect(await find("amenazas comunidad")).not.toContain(other);
    await prisma.incident.delete({ where: { id: other } });
    expect(await find("tlachinollan")).toEqual([]);
  });

  it("lists and counts a search matching thousands of records (more than SQLite's 999 bound values Prisma assumed)", async () => {
    const many = 2500;
    const base = {
      origin: "gw_dataset",
      occurredOn: new Date("2019-06-01"),
      year: 2019,
      sector: "mining_extractives",
      perpetratorType: "hitmen",
      outcome: "killed",
    };
    for (let i = 0; i < many; i += 500) {
      await prisma.incident.createMany({
        data: Array.from({ length: Math.min(500, many - i) }, (_, k) => ({ ...base, victimName: `Persona ${i + k}`, description: "Caso del ejido Xochipala" })),
      });
    }
    const page = await listIncidents({ filter: {}, q: "xochipala", size: 50 });
    expect(page.searchTooBroad).toBe(false);
    expect(page.total).toBe(many);
    expect(page.rows).toHaveLength(50);
    const combined = await listIncidents({ filter: { yearFrom: 2019, yearTo: 2019, sectors: ["mining_extractives"] }, q: "xochipala persona", size: 10 });
    expect(combined.total).toBe(many);
  });

  it("answers through the index", async () => {
    if (databaseKind() === "sqlite") {
      expect(await explainIncidentSearch(["jose"])).toMatch(/SCAN IncidentSearch VIRTUAL TABLE INDEX/);
      const triggers = await prisma.$queryRawUnsafe<{ name: string }[]>(
        `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Incident' AND name LIKE 'Incident_search_%' ORDER BY name`,
      );
      expect(triggers.map((t) => t.name)).toEqual(["Incident_search_delete", "Incident_search_insert", "Incident_search_update"]);
    } else {
      // A few hundred rows are cheaper to scan: forbid the scan to see that the index can answer.
      const plan = await prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
          `EXPLAIN SELECT "id" FROM "Incident" WHERE vigia_incident_search_text("victimName", "regionRaw", "municipality", "description") LIKE vigia_search_fold($1)`,
          "%jose%",
        );
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
      expect(plan).toMatch(/Incident_search_trgm_idx/);
    }
  });
});
