// Case search (decisions 065, 117) on each database: accents and case do not count,
// every word must appear, it combines with the list's filters, it reads public
// text only, the index follows every write, every match is listed (no cap), and
// the query Prisma sends starts from the index, also with stale statistics.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { databaseKind, prisma } from "~/lib/db.server.ts";
import { searchTerms } from "~/domain/case-search.ts";
import { incidentListWhere, listIncidents } from "~/models/incident.server.ts";
import { exportIncidentBatches } from "~/models/incident-export.server.ts";
import { addXochipalaRecords } from "../setup/bulk-records.ts";
import { makeIncident } from "../setup/incidents.ts";
import { explainCaseSearch, recordingDb } from "../setup/search-plan.ts";

let jose: string;
let other: string;

/** Ids of every record (deleted ones too) the search finds, whatever the filters. */
const find = async (q: string) => {
  const where = await incidentListWhere({}, q);
  // Only the search: the filter's own conditions (first of the AND) are left out.
  const search = (where.AND as object[])[1];
  expect(searchTerms(q).length).toBeGreaterThan(0);
  return (await prisma.incident.findMany({ where: search, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
};
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

  it("follows edits and deletions (triggers on both databases)", async () => {
    await prisma.incident.update({ where: { id: other }, data: { description: "Desplazamiento forzado en Tlachinollan." } });
    expect(await find("tlachinollan")).toEqual([other]);
    expect(await find("amenazas comunidad")).not.toContain(other);
    await prisma.incident.delete({ where: { id: other } });
    expect(await find("tlachinollan")).toEqual([]);
  });

  it("lists, counts and exports every record of a search matching more than 10,000 (no cap)", { timeout: 120_000 }, async () => {
    const many = 10_200;
    // createMany and no ANALYZE: the statistics still describe the template's few hundred records.
    await addXochipalaRecords(prisma, many);
    const page = await listIncidents({ filter: {}, q: "xochipala", size: 50 });
    expect(page.total).toBe(many);
    expect(page.rows).toHaveLength(50);
    let exported = 0;
    for await (const batch of exportIncidentBatches({ filter: {}, q: "xochipala", staff: false })) exported += batch.length;
    expect(exported).toBe(many);
    // Exact: one more word narrows it to the one record that holds it.
    expect((await listIncidents({ filter: {}, q: "xochipala 10199", size: 50 })).total).toBe(1);
  });

  it("starts from the index once, not once per record, with stale statistics", async () => {
    // The records of the previous test were added by createMany without ANALYZE; a new
    // connection (a new process) is what the app opens after such a bulk insert.
    const filter = { yearFrom: 2019, yearTo: 2019, sectors: ["mining_extractives"] };
    const recording = recordingDb();
    const { db } = recording;
    try {
      const plan = await explainCaseSearch(filter, "xochipala persona", recording);
      if (databaseKind() === "sqlite") {
        // The FTS5 table is the outer loop (the plan's first line), searched by MATCH alone
        // ("M5"; "M5=" would be a MATCH per record, given its rowid).
        expect(plan.split("\n")[0]).toMatch(/^SCAN IncidentSearch VIRTUAL TABLE INDEX 0:M\d+$/);
        expect(plan).not.toMatch(/IncidentSearch VIRTUAL TABLE INDEX 0:M\d+=/);
      }
      expect(await db.incident.count({ where: await incidentListWhere(filter, "xochipala persona") })).toBe(10_200);
    } finally {
      await db.$disconnect();
    }
  });

  it("answers through the index", async () => {
    // After the 10,200 records above: a rare word (one record) is looked up in the index.
    const plan = await explainCaseSearch({}, databaseKind() === "sqlite" ? "jose" : "10199");
    if (databaseKind() === "sqlite") {
      expect(plan).toMatch(/SCAN IncidentSearch VIRTUAL TABLE INDEX/);
      const triggers = await prisma.$queryRawUnsafe<{ name: string }[]>(
        `SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Incident' AND name LIKE 'Incident_search_%' ORDER BY name`,
      );
      expect(triggers.map((t) => t.name)).toEqual(["Incident_search_delete", "Incident_search_insert", "Incident_search_update"]);
    } else {
      // The index on the stored folded text (decision 128), kept by statement triggers
      // (deletions: the foreign key's cascade).
      expect(plan).toMatch(/IncidentSearch_text_trgm_idx/);
      const triggers = await prisma.$queryRaw<{ name: string }[]>`
        SELECT tgname AS name FROM pg_trigger WHERE tgrelid = '"Incident"'::regclass AND tgname LIKE 'Incident_search_%' ORDER BY tgname`;
      expect(triggers.map((t) => t.name)).toEqual(["Incident_search_insert", "Incident_search_update"]);
    }
  });

  // PostgreSQL only: SQLite's FTS5 table stores tokens, checked by the searches above.
  if (inject("templateDatabase").kind === "postgresql")
    it("stores the text of every record, folded again only when a searched field changes (PostgreSQL)", async () => {
      const stored = async (id: string) =>
        (await prisma.$queryRaw<{ text: string; ctid: string }[]>`SELECT "text", ctid::text FROM "IncidentSearch" WHERE "id" = ${id}`)[0];
      const [{ missing }] = await prisma.$queryRaw<{ missing: number }[]>`
        SELECT count(*)::int AS missing FROM "Incident" i
        WHERE NOT EXISTS (SELECT 1 FROM "IncidentSearch" s WHERE s."id" = i."id"
          AND s."text" = vigia_incident_search_text(i."victimName", i."regionRaw", i."municipality", i."description"))`;
      expect(missing).toBe(0);
      expect((await stored(jose)).text).toContain("jose nandu martinez");
      // An edit that leaves the searched fields as they were leaves the stored row untouched (same tuple).
      const before = await stored(jose);
      await prisma.incident.update({ where: { id: jose }, data: { sector: "agribusiness" } });
      expect(await stored(jose)).toEqual(before);
      await prisma.incident.update({ where: { id: jose }, data: { municipality: "Santa María Chimalapa" } });
      expect((await stored(jose)).text).toContain("santa maria chimalapa");
      expect(await find("chimalapa")).toEqual([jose]);
    });
});
