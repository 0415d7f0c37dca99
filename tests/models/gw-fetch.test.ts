// Fetching the dataset from its configured address (msw: tests/mocks/gw-dataset.ts):
// a good download is previewed; a failed, incomplete or malformed one changes nothing.
import { delay, http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { fetchGwImportPreview } from "~/models/gw-import.server.ts";
import { server } from "../mocks/index.ts";
import { GW_DATASET_TEST_URL } from "../mocks/gw-dataset.ts";
import { gwCsv } from "../setup/gw-csv.ts";

const download = { timeoutMs: 200, attempts: 2, backoffMs: 1 };
const fetchPreview = () => fetchGwImportPreview({ url: GW_DATASET_TEST_URL, actorId: null, download });

async function state() {
  return { jobs: await prisma.gwImportJob.count(), incidents: await prisma.incident.count(), audit: await prisma.auditEvent.count() };
}

describe("fetching the dataset from GW_DATASET_URL", () => {
  it("previews a good download without writing any record", async () => {
    const before = await state();
    const result = await fetchPreview();
    if (!result.ok) throw new Error(result.refusal.problem);
    expect(result.job).toMatchObject({ origin: "url", sourceName: GW_DATASET_TEST_URL, status: "previewed", preview: { counts: { unchanged: 154 } } });
    expect(await state()).toEqual({ ...before, jobs: before.jobs + 1 });
  });

  it.each([
    ["a 404", () => new HttpResponse("Not here", { status: 404 }), { problem: "http", status: 404, attempts: 1 }],
    ["a malformed file", () => HttpResponse.text("<!doctype html><title>Maintenance</title>"), { problem: "header" }],
    [
      "a body cut off before its announced length",
      () => new HttpResponse(gwCsv([{ id: "x1" }]), { headers: { "Content-Length": "100000" } }),
      { problem: "incomplete" },
    ],
    ["a body cut off in its last line", () => HttpResponse.text(gwCsv([{ id: "x1" }, { id: "x2" }]).slice(0, -20)), { problem: "truncated" }],
  ])("refuses %s, saying why, and changes nothing", async (_name, answer, refusal) => {
    server.use(http.get(GW_DATASET_TEST_URL, answer));
    const before = await state();
    const result = await fetchPreview();
    expect(result).toMatchObject({ ok: false, refusal });
    expect(await state()).toEqual(before);
  });

  it("refuses a server that never answers, after retrying, and changes nothing", async () => {
    server.use(
      http.get(GW_DATASET_TEST_URL, async () => {
        await delay("infinite");
        return HttpResponse.text("");
      }),
    );
    const before = await state();
    expect(await fetchGwImportPreview({ url: GW_DATASET_TEST_URL, actorId: null, download: { ...download, timeoutMs: 20 } })).toMatchObject({
      ok: false,
      refusal: { problem: "timeout", attempts: 2 },
    });
    expect(await state()).toEqual(before);
  });

  it("says when no address is configured", async () => {
    expect(await fetchGwImportPreview({ url: null, actorId: null })).toMatchObject({ ok: false, refusal: { problem: "notConfigured" } });
  });
});
