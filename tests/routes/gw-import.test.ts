// /admin/import and /admin/import/<id>: upload (multipart, with a size limit) or
// fetch, preview with nothing written, confirm, progress and result.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { parseGwCsv } from "~/domain/gw-dataset.ts";
import { readUnmapped } from "~/domain/gw-unmapped.ts";
import { applyGwImport, getGwImportJob, importSourceLine } from "~/models/gw-import.server.ts";
import { loader as casePageLoader } from "~/routes/incidents.$id._index.tsx";
import { action as importAction, loader as importLoader } from "~/routes/admin.import._index.tsx";
import { MAX_UPLOAD_BYTES } from "~/lib/upload.server.ts";
import { action as jobAction, loader as jobLoader, meta as jobMeta } from "~/routes/admin.import.$id.tsx";
import { GW_DATASET_TEST_URL } from "../mocks/gw-dataset.ts";
import { signInAs, type TestSession } from "../setup/auth.ts";
import { gwCsv, mexicoCsvWith } from "../setup/gw-csv.ts";
import { BASE, get, post, run } from "../setup/route.ts";

let admin: TestSession;
beforeAll(async () => {
  admin = await signInAs("admin");
});

function upload(text: string, name = "gw.csv", session = admin): Request {
  const form = new FormData();
  form.set("csrf", session.csrf);
  form.set("intent", "upload");
  form.set("file", new File([text], name, { type: "text/csv" }));
  return new Request(`${BASE}/admin/import`, { method: "POST", body: form, headers: { Origin: BASE, Cookie: session.cookie } });
}

async function finished(id: string) {
  for (let i = 0; i < 600; i++) {
    const job = await getGwImportJob(id);
    if (job && (job.status === "done" || job.status === "failed")) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the import did not finish");
}

const jobId = (location: string | null) => location!.match(/^\/admin\/import\/(\w+)$/)![1];

describe("the dataset import pages", () => {
  it("previews an uploaded file without writing, then imports it when confirmed, with a decision on a conflict", async () => {
    // A record staff changed, which the file also changes: a conflict.
    const edited = await prisma.incident.findFirstOrThrow({ where: { externalId: "recOvgrwvsXzldUdj" } });
    await prisma.incident.update({ where: { id: edited.id }, data: { version: 2, municipality: "Juchitán" } });
    const text = mexicoCsvWith({
      recDbhANvghG4t1de: { age: "44" },
      recOvgrwvsXzldUdj: { age: "61" },
      recF30GQx4kMNBIqw: { date: "2012-02-31" },
    }).concat("new-1,2021-03-03,Nueva Persona,Female,,Indigenous peoples,Mining & Extractives,Police,Americas,Guatemala,320,Huehuetenango,1\n");
    const incidents = await prisma.incident.count();

    const uploaded = await run(importAction, upload(text));
    expect(uploaded.status).toBe(302);
    const id = jobId(uploaded.location);
    expect(await prisma.incident.count(), "a preview writes nothing").toBe(incidents);

    const page = await get(jobLoader, `/admin/import/${id}`, admin, { id });
    expect(page.data.job).toMatchObject({
      status: "previewed",
      preview: {
        rows: 155,
        counts: { created: 1, updated: 1, unchanged: 151, invalid: 1, conflicts: 1 },
        invalid: [{ line: 4, id: "recF30GQx4kMNBIqw", reason: "badDate", detail: "2012-02-31" }],
        changed: [{ line: 2, externalId: "recDbhANvghG4t1de", fields: [{ field: "age", before: null, after: 44 }] }],
        conflicts: [{ externalId: "recOvgrwvsXzldUdj", reason: "edited", version: 2 }],
      },
    });
    expect(jobMeta({ data: page.data } as any)).not.toContainEqual(expect.objectContaining({ httpEquiv: "refresh" }));

    const confirmed = await post(jobAction, `/admin/import/${id}`, { intent: "confirm", "decision.recOvgrwvsXzldUdj": "take" }, admin, { id });
    expect(confirmed).toMatchObject({ status: 302, location: `/admin/import/${id}` });
    const job = await finished(id);
    expect(job).toMatchObject({ status: "done", result: { created: 1, updated: 2, unchanged: 151, invalid: 1, conflicts: 0 } });
    expect(await prisma.incident.findUniqueOrThrow({ where: { id: edited.id } })).toMatchObject({ age: 61, version: 3 });
    expect(await prisma.incident.findUniqueOrThrow({ where: { externalId: "new-1" } })).toMatchObject({ countryCode: "GT", stateCode: null });
    const done = await get(jobLoader, `/admin/import/${id}`, admin, { id });
    expect(done.data.job.result).toMatchObject({ created: 1 });

    const list = await get(importLoader, "/admin/import", admin);
    expect(list.data.jobs[0]).toMatchObject({ id, status: "done", sourceName: "gw.csv" });
  });

  it("says why a file is refused, writing nothing", async () => {
    const jobs = await prisma.gwImportJob.count();
    const refused = await run(importAction, upload("name;date\nAna;2020\n"));
    expect(refused).toMatchObject({ status: 400, data: { refusal: { problem: "header" } } });
    const none = await post(importAction, "/admin/import", { intent: "upload" }, admin);
    expect(none).toMatchObject({ status: 400, data: { refusal: { problem: "noFile" } } });
    expect(await prisma.gwImportJob.count()).toBe(jobs);
  });

  it("refuses an upload over the size limit without reading it all", async () => {
    const big = gwCsv([{ id: "big", name: "x".repeat(MAX_UPLOAD_BYTES) }]);
    const refused = await run(importAction, upload(big));
    expect(refused).toMatchObject({ status: 413, data: { refusal: { problem: "tooLarge" } } });
  });

  it("fetches from the configured address, and discards a preview on request", async () => {
    const config = env();
    const before = config.gwDatasetUrl;
    config.gwDatasetUrl = GW_DATASET_TEST_URL;
    try {
      expect((await get(importLoader, "/admin/import", admin)).data.datasetUrl).toBe(GW_DATASET_TEST_URL);
      const fetched = await post(importAction, "/admin/import", { intent: "fetch" }, admin);
      expect(fetched.status).toBe(302);
      const id = jobId(fetched.location);
      expect((await getGwImportJob(id))?.origin).toBe("url");
      const discarded = await post(jobAction, `/admin/import/${id}`, { intent: "discard" }, admin, { id });
      expect(discarded).toMatchObject({ status: 302, location: "/admin/import" });
      expect(await prisma.gwImportJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "discarded", csv: null });
      // A discarded import cannot be run.
      await post(jobAction, `/admin/import/${id}`, { intent: "confirm" }, admin, { id });
      expect((await getGwImportJob(id))?.status).toBe("discarded");
    } finally {
      config.gwDatasetUrl = before;
    }
  });

  it("shows an imported record's country and the texts Vigía has no code for on its page", async () => {
    const parsed = parseGwCsv(gwCsv([{ id: "page-1", country: "Peru", country_numeric: "604", industry_driver: "Tourism", local_region: "Cusco" }]));
    if (!parsed.ok) throw new Error(parsed.problem);
    await applyGwImport(prisma, parsed.records, 0, { actorId: null, source: importSourceLine("peru.csv", null) });
    const record = await prisma.incident.findUniqueOrThrow({ where: { externalId: "page-1" } });
    const page = await get(casePageLoader, `/incidents/${record.id}`, await signInAs("viewer"), { id: record.id });
    expect(page.data).toMatchObject({ countries: { PE: "Peru" }, incident: { sector: "other", regionRaw: "Cusco", countryCode: "PE" } });
    expect(readUnmapped(page.data.incident.unmappedText)).toEqual({ industry_driver: "Tourism" });
  });

  it("refreshes the page itself while an import runs", () => {
    const running = { lng: "en", job: { status: "running", stalled: false } };
    expect(jobMeta({ data: running } as any)).toContainEqual({ httpEquiv: "refresh", content: "2" });
  });
});
