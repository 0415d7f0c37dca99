// Public dashboard exports from the rendered-page cache (decision 120): a repeated
// anonymous PNG or CSV is the kept answer, not drawn or written again, with its ETag and
// 304; each language, query and size is its own entry; a signed-in reader is never
// served a kept answer; a write (the data version) gives a fresh one; and the kept PNG
// is kept once (the export memo keeps no second copy of it).
import { gunzipSync } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import * as render from "~/charts/render.server.ts";
import { prisma } from "~/lib/db.server.ts";
import { cachedPage } from "~/models/page-cache.server.ts";
import { loader as chartPng } from "~/routes/charts.$id[.]png.ts";
import { signInAs } from "../setup/auth.ts";
import { BASE } from "../setup/route.ts";
import { bytesOf, serveExport } from "../setup/serve.ts";

// Every drawing counted: the real renderer, watched.
vi.mock("~/charts/render.server.ts", async (importOriginal) => {
  const real = await importOriginal<typeof render>();
  return { ...real, renderDocumentPng: vi.fn(real.renderDocumentPng) };
});
const draws = () => vi.mocked(render.renderDocumentPng).mock.calls.length;

describe("public exports from the rendered-page cache", () => {
  it("serves a repeated anonymous PNG as the kept one: drawn once, the same bytes and ETag, 304 for that ETag", async () => {
    const path = "/charts/sector-breakdown.png?from=2014&to=2021";
    const before = draws();
    // The route itself runs once: every repeat is answered before it (no rate limit, no aggregate read).
    let routeRuns = 0;
    const render = (route: () => Promise<Response>) => (routeRuns++, route());
    const first = await serveExport(path, { render });
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Type")).toBe("image/png");
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(first.headers.get("Vary")).toMatch(/Cookie/);
    const etag = first.headers.get("ETag");
    expect(etag).toMatch(/^W\/"/);
    const bytes = await bytesOf(first);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(draws()).toBe(before + 1);

    for (let i = 0; i < 3; i++) {
      const again = await serveExport(path, { address: `198.51.100.${i}`, render });
      expect(again.headers.get("ETag")).toBe(etag);
      expect((await bytesOf(again)).equals(bytes)).toBe(true);
    }
    // The same query in another order is the same entry.
    expect((await serveExport("/charts/sector-breakdown.png?to=2021&from=2014")).headers.get("ETag")).toBe(etag);
    const notModified = await serveExport(path, { headers: { "If-None-Match": etag! } });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("ETag")).toBe(etag);
    expect(draws()).toBe(before + 1);
    expect(routeRuns).toBe(1);
  });

  it("serves a repeated CSV as the kept one, gzip-encoded when accepted, with one ETag", async () => {
    const path = "/charts/sector-breakdown.csv?from=2014&to=2020";
    const plain = await serveExport(path);
    expect(plain.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(plain.headers.get("Content-Disposition")).toMatch(/^attachment; filename="vigia-sector-breakdown-en\.csv"$/);
    const text = (await bytesOf(plain)).toString("utf8");
    expect(text).toContain("2014");
    const gzip = await serveExport(path, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(gzip.headers.get("Content-Encoding")).toBe("gzip");
    expect(gzip.headers.get("Vary")).toMatch(/Accept-Encoding/);
    expect(gunzipSync(await bytesOf(gzip)).toString("utf8")).toBe(text);
    expect(gzip.headers.get("ETag")).toBe(plain.headers.get("ETag"));
  });

  it("keeps each language, query and size apart", async () => {
    const before = draws();
    const answers = await Promise.all(
      [
        ["/charts/annual-trend.png?from=2013", {}],
        ["/charts/annual-trend.png?from=2013", { "Accept-Language": "es" }],
        ["/charts/annual-trend.png?from=2013&lng=fr", {}],
        ["/charts/annual-trend.png?from=2013", { Cookie: `vigia_lng=${encodeURIComponent(btoa(JSON.stringify("fr")))}` }],
        ["/charts/annual-trend.png?from=2016", {}],
        ["/charts/annual-trend.png?from=2013&size=preview", {}],
      ].map(async ([path, headers]) => (await bytesOf(await serveExport(path as string, { headers: headers as Record<string, string> }))).toString("base64")),
    );
    // French by cookie and by ?lng=fr: the same image, under two addresses (two entries).
    expect(answers[3]).toBe(answers[2]);
    expect(new Set([answers[0], answers[1], answers[2], answers[4], answers[5]]).size).toBe(5);
    expect(draws()).toBe(before + 6);
    // Each asked again: all kept.
    await serveExport("/charts/annual-trend.png?from=2013", { headers: { "Accept-Language": "es" } });
    await serveExport("/charts/annual-trend.png?size=preview&from=2013");
    expect(draws()).toBe(before + 6);
  });

  it("never serves a signed-in reader a kept export, nor keeps theirs", async () => {
    const path = "/matrix.png?from=2019&to=2021";
    const anonymous = await serveExport(path);
    const etag = anonymous.headers.get("ETag");
    expect(etag).toBeTruthy();
    const viewer = await signInAs("viewer");
    // The page cache does not answer a request with a session cookie: the route draws it.
    expect(
      await cachedPage(new Request(`${BASE}${path}`, { headers: { Cookie: viewer.cookie } }), "n", () => Promise.reject(new Error("not rendered"))),
    ).toBeNull();
    const before = draws();
    const signedIn = await serveExport(path, { headers: { Cookie: viewer.cookie } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("Cache-Control")).toBe("private, no-store");
    expect(signedIn.headers.get("ETag")).toBeNull();
    expect(draws()).toBe(before + 1);
    // The next anonymous reader still gets the kept anonymous image.
    expect((await serveExport(path)).headers.get("ETag")).toBe(etag);
    expect(draws()).toBe(before + 1);
  });

  it("draws a fresh PNG after a write (the data version), and keeps it once", async () => {
    const path = "/charts/sector-breakdown.png?lng=en";
    const first = await bytesOf(await serveExport(path));
    const before = draws();
    const victim = await prisma.incident.findFirstOrThrow({ where: { origin: "gw_dataset", deletedAt: null, victimCount: 1 }, select: { id: true } });
    await prisma.incident.update({ where: { id: victim.id }, data: { deletedAt: new Date() } });
    try {
      const after = await bytesOf(await serveExport(path));
      expect(after.equals(first)).toBe(false);
      expect(draws()).toBe(before + 1);
      expect((await bytesOf(await serveExport(path))).equals(after)).toBe(true);
      expect(draws()).toBe(before + 1);
      // One store: the export memo holds no copy of what the page cache keeps, so the route called
      // without the page cache in front draws it (and from then on keeps its own copy).
      const direct = () => chartPng({ request: new Request(`${BASE}${path}`), params: { id: "sector-breakdown" }, context: {} });
      expect((await bytesOf(await direct())).equals(after)).toBe(true);
      expect(draws()).toBe(before + 2);
      await direct();
      expect(draws()).toBe(before + 2);
    } finally {
      await prisma.incident.update({ where: { id: victim.id }, data: { deletedAt: null } });
    }
  });
});
