// The Global Witness import engine on this file's own copy of the seeded database.
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { parseGwCsv, type GwParseResult } from "~/domain/gw-dataset.ts";
import { verifyIncident } from "~/models/incident.server.ts";
import {
  applyGwImport,
  confirmGwImport,
  getGwImportJob,
  getLastGwImportDate,
  importSourceLine,
  planGwImport,
  previewGwImport,
  runGwImportJob,
  type GwApplyOptions,
} from "~/models/gw-import.server.ts";
import { suggestLinksForIncident } from "~/models/link.server.ts";
import { gwCsv, mexicoCsv, mexicoCsvWith } from "../setup/gw-csv.ts";
import { staffId } from "../setup/incidents.ts";

const source = importSourceLine("test.csv", null, new Date("2026-01-01T00:00:00Z"));

function parsed(text: string): Extract<GwParseResult, { ok: true }> {
  const result = parseGwCsv(text);
  if (!result.ok) throw new Error(`refused: ${result.problem}`);
  return result;
}

async function importText(text: string, options: Partial<GwApplyOptions> = {}) {
  const p = parsed(text);
  return applyGwImport(prisma, p.records, p.invalid.length, { actorId: null, source, ...options });
}

async function plan(text: string) {
  const p = parsed(text);
  return planGwImport(prisma, p.records, p.invalid);
}

/** Every stored fact of the Global Witness records, without ids, timestamps and source lines. */
async function gwRecords() {
  const rows = await prisma.incident.findMany({
    where: { origin: "gw_dataset" },
    orderBy: { externalId: "asc" },
    include: { characteristics: { orderBy: { code: "asc" } } },
  });
  return rows.map(({ id: _i, createdAt: _c, updatedAt: _u, characteristics, ...r }) => ({ ...r, characteristics: characteristics.map((c) => c.code) }));
}

async function database() {
  return {
    incidents: await prisma.incident.findMany({ select: { id: true, version: true, updatedAt: true }, orderBy: { id: "asc" } }),
    characteristics: await prisma.incidentCharacteristic.count(),
    sources: await prisma.incidentSource.count(),
    links: await prisma.incidentProvisionLink.count(),
    incidentAudit: await prisma.auditEvent.count({ where: { entityType: "incident" } }),
  };
}

describe("importing the Global Witness dataset", () => {
  it("gives the 154 Mexico rows the same records as the seed, in an empty database", async () => {
    const seeded = await gwRecords();
    expect(seeded).toHaveLength(154);
    await prisma.incident.deleteMany({});
    const result = await importText(mexicoCsv());
    expect(result.counts).toEqual({ created: 154, updated: 0, unchanged: 0, invalid: 0, conflicts: 0 });
    expect(await gwRecords()).toEqual(seeded);
    const one = await prisma.incident.findFirstOrThrow({ where: { externalId: "recYEAwiVaLvDjov4" }, include: { sources: true } });
    expect(one.sources.map((s) => s.title)).toEqual([source.title]);
    // Rows written in bulk read back through Prisma like any other.
    expect(one).toMatchObject({ victimNamePublic: true, version: 1, occurredOn: new Date("2012-03-15T00:00:00Z"), deletedAt: null });
    expect(one.createdAt).toBeInstanceOf(Date);
    expect(await prisma.incident.count({ where: { victimNamePublic: true, origin: "gw_dataset", createdAt: { lte: new Date() } } })).toBe(154);
    // Each new record is audited and gets the link suggestions a staff save would give it.
    expect(await prisma.auditEvent.count({ where: { entityType: "incident", action: "create" } })).toBe(154);
    expect(await prisma.incidentProvisionLink.count({ where: { incidentId: one.id } })).toBeGreaterThan(0);
    expect(await suggestLinksForIncident(prisma, one.id)).toMatchObject({ created: 0, updated: 0, removed: 0 });
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await database();
    expect((await plan(mexicoCsv())).counts).toEqual({ created: 0, updated: 0, unchanged: 154, invalid: 0, conflicts: 0 });
    const result = await importText(mexicoCsv());
    expect(result.counts).toEqual({ created: 0, updated: 0, unchanged: 154, invalid: 0, conflicts: 0 });
    expect(await database()).toEqual(before);
  });

  it("previews a changed row field by field without writing, then updates it, audited", async () => {
    const text = mexicoCsvWith({ recYEAwiVaLvDjov4: { age: "52", industry_driver: "Logging" } });
    const before = await database();
    const preview = await plan(text);
    expect(preview.counts).toEqual({ created: 0, updated: 1, unchanged: 153, invalid: 0, conflicts: 0 });
    expect(preview.changed).toEqual([
      {
        line: 3,
        externalId: "recYEAwiVaLvDjov4",
        incidentId: expect.any(String),
        fields: [
          { field: "age", before: null, after: 52 },
          { field: "sector", before: "mining_extractives", after: "logging" },
        ],
      },
    ]);
    expect(await database(), "a preview writes nothing").toEqual(before);

    const result = await importText(text, { actorId: await staffId() });
    expect(result.counts).toMatchObject({ updated: 1, unchanged: 153 });
    const row = await prisma.incident.findFirstOrThrow({ where: { externalId: "recYEAwiVaLvDjov4" }, include: { sources: true } });
    expect(row).toMatchObject({ age: 52, sector: "logging", version: 2, importedVersion: 2 });
    expect(row.sources.map((s) => s.title)).toContain(source.title);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: row.id, action: "update" } });
    expect(JSON.parse(event.before!)).toEqual({ age: null, sector: "mining_extractives", version: 1 });
    expect(JSON.parse(event.after!)).toEqual({ age: 52, sector: "logging", version: 2 });
    // The suggestions were worked out again from the new sector: the mining rule no longer fires.
    const mining = await prisma.incidentProvisionLink.count({ where: { incidentId: row.id, provision: { code: "AP-I-MIN" }, status: "suggested" } });
    expect(mining).toBe(0);
    expect((await plan(text)).counts.unchanged).toBe(154);
    // Back to the published file, for the tests below.
    expect((await importText(mexicoCsv())).counts).toMatchObject({ updated: 1, unchanged: 153 });
  });

  it("reports a record staff changed since its import as a conflict, never overwriting it, until an admin decides", async () => {
    const row = await prisma.incident.findFirstOrThrow({ where: { externalId: "recF30GQx4kMNBIqw" } });
    const saved = await verifyIncident(row.id, row.version, { status: "disputed", note: "Family says the date is wrong" }, await staffId());
    expect(saved.ok).toBe(true);
    // The dataset has not changed: the edit stands and nothing is reported.
    expect((await plan(mexicoCsv())).counts.conflicts).toBe(0);

    const text = mexicoCsvWith({ recF30GQx4kMNBIqw: { date: "2012-05-17" } });
    const preview = await plan(text);
    expect(preview.counts).toMatchObject({ conflicts: 1, updated: 0 });
    expect(preview.conflicts[0]).toMatchObject({
      externalId: "recF30GQx4kMNBIqw",
      reason: "edited",
      fields: [{ field: "occurredOn", before: "2012-05-16", after: "2012-05-17" }],
    });
    const left = await importText(text);
    expect(left.counts).toMatchObject({ conflicts: 1, updated: 0 });
    expect(await prisma.incident.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      occurredOn: new Date("2012-05-16T00:00:00Z"),
      verificationStatus: "disputed",
    });

    // Keeping the edited record makes this version of the dataset the baseline: not reported again.
    const kept = await importText(text, { resolutions: { recF30GQx4kMNBIqw: "keep" } });
    expect(kept.counts).toMatchObject({ conflicts: 0, unchanged: 154 });
    expect((await plan(text)).counts.conflicts).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: row.id, action: "gw_import_keep" } })).toBe(1);

    // A later change in the dataset is a conflict again; taking it replaces the record, audited.
    const later = mexicoCsvWith({ recF30GQx4kMNBIqw: { date: "2012-05-18" } });
    expect((await plan(later)).counts.conflicts).toBe(1);
    const taken = await importText(later, { resolutions: { recF30GQx4kMNBIqw: "take" } });
    expect(taken.counts).toMatchObject({ updated: 1, conflicts: 0 });
    expect(await prisma.incident.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ occurredOn: new Date("2012-05-18T00:00:00Z") });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: row.id, action: "update" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(event.after!)).toMatchObject({ occurredOn: "2012-05-18", replacedEditsMadeInVigia: true });
  });

  it("reports each bad row of a mixed file with its line, and imports the good ones", async () => {
    const text = gwCsv([
      { id: "mix-1", name: "Berta", industry_driver: "Hydropower", local_region: "Intibucá" },
      { id: "", name: "No id" },
      { id: "mix-3", date: "2020-13-01" },
      "mix-4,2020-01-01,short",
      { id: "mix-5", name: "Ana", country: "Colombia", country_numeric: "170" },
    ]);
    const preview = await plan(text);
    expect(preview.counts).toEqual({ created: 2, updated: 0, unchanged: 0, invalid: 3, conflicts: 0 });
    expect(preview.invalid.map((r) => [r.line, r.reason])).toEqual([
      [3, "missingId"],
      [4, "badDate"],
      [5, "columnCount"],
    ]);
    const result = await importText(text);
    expect(result.counts).toEqual(preview.counts);
    expect(await prisma.incident.findUniqueOrThrow({ where: { externalId: "mix-1" } })).toMatchObject({
      countryCode: "HN",
      stateCode: null,
      regionRaw: "Intibucá",
      sector: "hydropower",
    });
    expect(await prisma.incident.findUniqueOrThrow({ where: { externalId: "mix-5" } })).toMatchObject({ countryCode: "CO" });
  });

  it("keeps a category Vigía does not know as other, with the text as written", async () => {
    await importText(
      gwCsv([{ id: "unk-1", industry_driver: "Tourism", perpetrator_type: "Militia", person_characteristics: "Indigenous peoples;Trade unionist" }]),
    );
    const row = await prisma.incident.findUniqueOrThrow({ where: { externalId: "unk-1" }, include: { characteristics: true } });
    expect(row).toMatchObject({ sector: "other", perpetratorType: "other" });
    expect(row.characteristics.map((c) => c.code).sort()).toEqual(["indigenous", "other"]);
    expect(JSON.parse(row.unmappedText!)).toEqual({ industry_driver: "Tourism", perpetrator_type: "Militia", person_characteristics: ["Trade unionist"] });
  });

  it("commits everything or nothing", async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => ({ id: `atomic-${i}`, name: `Persona ${i}` }));
    const before = await database();
    await expect(
      importText(gwCsv(rows), {
        onProgress: (processed) => {
          if (processed >= 1000) throw new Error("the server stopped");
        },
      }),
    ).rejects.toThrow("the server stopped");
    expect(await database()).toEqual(before);
    expect(await prisma.incident.count({ where: { externalId: { startsWith: "atomic-" } } })).toBe(0);
    // The same file, uninterrupted, in several batches; then again, with nothing to change.
    expect((await importText(gwCsv(rows))).counts).toMatchObject({ created: 1500 });
    expect((await importText(gwCsv(rows))).counts).toMatchObject({ created: 0, unchanged: 1500 });
  });
});

describe("import jobs", () => {
  it("stores a preview without writing records, then imports on confirmation, audited", async () => {
    const before = await database();
    const preview = await previewGwImport({ csv: gwCsv([{ id: "job-1" }, { id: "job-2", date: "x" }]), origin: "upload", sourceName: "gw.csv", actorId: null });
    if (!preview.ok) throw new Error(preview.refusal.problem);
    expect(preview.job).toMatchObject({ status: "previewed", total: 1, preview: { counts: { created: 1, invalid: 1 } } });
    expect(await database()).toEqual(before);

    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@vigia.test" } });
    expect(await confirmGwImport(preview.job.id, {}, admin.id)).toMatchObject({ status: "queued" });
    const seen: number[] = [];
    const done = await runGwImportJob(preview.job.id, (n) => seen.push(n));
    expect(done).toMatchObject({ status: "done", processed: 1, result: { created: 1, invalid: 1, updated: 0, unchanged: 0, conflicts: 0 } });
    expect(seen).toEqual([1]);
    expect((await prisma.gwImportJob.findUniqueOrThrow({ where: { id: preview.job.id } })).csv, "the file is not kept after the import").toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityType: "gw_import", entityId: preview.job.id } });
    expect(event).toMatchObject({ action: "gw_import", actorId: admin.id });
    expect(await prisma.incident.findUniqueOrThrow({ where: { externalId: "job-1" } })).toMatchObject({ createdById: admin.id });
    // Charts of Global Witness records now say they are as recent as this import.
    expect(await getLastGwImportDate()).toBe(new Date().toISOString().slice(0, 10));
    // A finished import cannot be run twice.
    expect(await confirmGwImport(preview.job.id, {}, admin.id)).toBeNull();
    expect((await getGwImportJob(preview.job.id))?.status).toBe("done");
  });

  it("marks its job done in the same commit as the records, so the charts' date never lags the data", async () => {
    const preview = await previewGwImport({ csv: gwCsv([{ id: "same-commit-1" }]), origin: "upload", sourceName: "gw.csv", actorId: null });
    if (!preview.ok) throw new Error(preview.refusal.problem);
    await prisma.gwImportJob.update({ where: { id: preview.job.id }, data: { status: "running" } });
    const p = parsed(gwCsv([{ id: "same-commit-1" }]));
    // The transaction alone, before anything the job runner does after it (ANALYZE).
    await applyGwImport(prisma, p.records, 0, { actorId: null, source, jobId: preview.job.id });
    expect(await getGwImportJob(preview.job.id)).toMatchObject({ status: "done", processed: 1, result: { created: 1 } });
    expect(await getLastGwImportDate()).toBe(new Date().toISOString().slice(0, 10));
  });

  it("refuses a file that is not the dataset and stores nothing", async () => {
    const jobs = await prisma.gwImportJob.count();
    const result = await previewGwImport({ csv: "<!doctype html><p>Not here</p>", origin: "upload", sourceName: "page.html", actorId: null });
    expect(result).toMatchObject({ ok: false, refusal: { problem: "header" } });
    expect(await prisma.gwImportJob.count()).toBe(jobs);
  });
});
