// The rendered-page cache (decision 111) on the real server (`npm start`): a repeated
// anonymous read of a public page is the fresh render with another nonce, each response
// with its own nonce matching its CSP header; a write (the data version) invalidates it;
// language and query are entries of their own; signed-in readers never get a kept page.
// Public exports (PNG, CSV) are kept the same way (decision 120).
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInByForm, startApp, type RunningApp } from "./app.ts";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  html: string;
  /** The body's bytes, decoded when gzip-encoded. */
  bytes: Buffer;
}

/** One GET on node:http (the bytes as sent), the body decoded when gzip-encoded. */
function get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        const bytes = res.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, html: bytes.toString("utf8"), bytes });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

const noncesIn = (html: string) => new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
const headerNonce = (a: Answer) => /'nonce-([^']+)'/.exec(String(a.headers["content-security-policy"]))?.[1];
const withoutNonces = (html: string) => html.replace(/nonce="[^"]+"/g, 'nonce=""');

/** The page's one nonce, checked against the response's own CSP header; no placeholder ever sent. */
function nonceOf(a: Answer): string {
  expect(a.status).toBe(200);
  expect(a.html).not.toMatch(/vigia-nonce-/);
  const nonces = noncesIn(a.html);
  expect(nonces.size).toBe(1);
  const [nonce] = nonces;
  expect(headerNonce(a)).toBe(nonce);
  return nonce;
}

describe("the rendered-page cache", () => {
  it("serves a repeated read as the fresh render with a new nonce each time, plain or gzip, with its ETag and 304", async () => {
    for (const path of ["/", "/trends", "/provisions", "/matrix"]) {
      const first = await get(path);
      const again = await get(path);
      const gzip = await get(path, { "Accept-Encoding": "gzip, br" });
      // A render the cache cannot serve: a session cookie that names no session is an anonymous
      // reader for the page, but the server never answers it from or into the cache.
      const fresh = await get(path, { Cookie: "vigia_session=not-a-session" });
      const nonces = [first, again, gzip, fresh].map(nonceOf);
      expect(new Set(nonces).size, path).toBe(4);
      expect(gzip.headers["content-encoding"]).toBe("gzip");
      expect(String(gzip.headers.vary)).toMatch(/Accept-Encoding/);
      expect(String(gzip.headers.vary)).toMatch(/Cookie/);
      for (const a of [again, gzip, fresh]) expect(withoutNonces(a.html), path).toBe(withoutNonces(first.html));
      expect(fresh.headers["cache-control"]).toBe("private, no-store");

      expect(again.headers.etag).toBeTruthy();
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(gzip.headers.etag).toBe(first.headers.etag);
      const notModified = await get(path, { "If-None-Match": String(first.headers.etag) });
      expect(notModified.status).toBe(304);
      expect(notModified.html).toBe("");
    }
  });

  it("keeps each language and each query apart, and the same query in another order together", async () => {
    const en = await get("/trends");
    const es = await get("/trends", { "Accept-Language": "es" });
    const fr = await get("/trends?lng=fr");
    expect(en.html).toContain('<html lang="en"');
    expect(es.html).toContain('<html lang="es"');
    expect(fr.html).toContain('<html lang="fr"');
    // The language cookie too, after the header said otherwise.
    const cookieEs = await get("/trends", { Cookie: `vigia_lng=${encodeURIComponent(btoa(JSON.stringify("es")))}`, "Accept-Language": "fr" });
    expect(cookieEs.html).toContain('<html lang="es"');

    const filtered = await get("/trends?from=2016&to=2018");
    expect(filtered.headers.etag).not.toBe(en.headers.etag);
    expect(filtered.html).toContain('value="2016"');
    expect(en.html).not.toContain('value="2016"');
    const reordered = await get("/trends?to=2018&from=2016");
    expect(reordered.headers.etag).toBe(filtered.headers.etag);
    expect(withoutNonces(reordered.html)).toBe(withoutNonces((await get("/trends?from=2016&to=2018", { Cookie: "vigia_session=x" })).html));
  });

  it("serves the new page after a write (the data version moves in the writing transaction)", async () => {
    const before = await get("/trends");
    const label = `Milestone edited ${Date.now()}`;
    expect(before.html).not.toContain(label);
    const db = new Database(app.dbFile);
    try {
      const changed = db.prepare(`UPDATE "Milestone" SET "label" = ? WHERE "key" = (SELECT "key" FROM "Milestone" ORDER BY "date" LIMIT 1)`).run(label);
      expect(changed.changes).toBe(1);
    } finally {
      db.close();
    }
    const after = await get("/trends");
    expect(after.html).toContain(label);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    nonceOf(after);
  });

  it("never serves a signed-in reader a kept page, nor keeps theirs", async () => {
    const cookie = await signInByForm(app.url, "admin");
    await get("/provisions");
    const signedIn = await get("/provisions", { Cookie: cookie });
    expect(signedIn.headers["cache-control"]).toBe("private, no-store");
    expect(signedIn.headers.etag).toBeUndefined();
    expect(signedIn.html).toContain("/logout");
    nonceOf(signedIn);
    // Nothing of the signed-in page reaches the next anonymous reader.
    const anonymous = await get("/provisions");
    expect(anonymous.html).not.toContain("/logout");
    expect(anonymous.headers.etag).toBeTruthy();
  });

  it("serves a repeated anonymous export (PNG, CSV) as kept: the same bytes, one ETag, 304; never to a signed-in reader (decision 120)", async () => {
    const cookie = await signInByForm(app.url, "admin");
    for (const path of ["/charts/sector-breakdown.png?size=preview", "/matrix.csv?from=2019&to=2021"]) {
      const first = await get(path);
      const again = await get(path, { "Accept-Encoding": "gzip, br" });
      expect(first.status, path).toBe(200);
      expect(first.headers["cache-control"]).toBe("public, max-age=300");
      expect(first.headers.etag).toBeTruthy();
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(again.bytes.equals(first.bytes), path).toBe(true);
      const notModified = await get(path, { "If-None-Match": String(first.headers.etag) });
      expect(notModified.status).toBe(304);
      expect(notModified.bytes.length).toBe(0);
      const signedIn = await get(path, { Cookie: cookie });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers["cache-control"]).toBe("private, no-store");
      expect(signedIn.headers.etag).toBeUndefined();
    }
    // A PNG is sent as it is (already compressed); its header names a PNG.
    const png = await get("/charts/sector-breakdown.png?size=preview", { "Accept-Encoding": "gzip, br" });
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.bytes.readUInt32BE(16)).toBe(1000);
  });
});
