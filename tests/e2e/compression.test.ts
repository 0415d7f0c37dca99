// Compression on the real server (scripts/server.ts): brotli or gzip as the client
// asks, for HTML, JSON, CSV and JS (gzip for pages from the rendered-page cache);
// PNG left alone; nothing for a client that asks for nothing. Raw node:http, so
// that the headers and bytes are the ones sent.
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./app.ts";

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.url}${path}`, { headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

function decode(encoding: string | undefined, body: Buffer): string {
  if (encoding === "br") return brotliDecompressSync(body).toString("utf8");
  if (encoding === "gzip") return gunzipSync(body).toString("utf8");
  return body.toString("utf8");
}

describe("compression", () => {
  it("sends pages in brotli or gzip, as the client asks, and plain to a client that asks for neither", async () => {
    const br = await get("/login", "br, gzip");
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(String(br.headers.vary)).toMatch(/Accept-Encoding/i);
    const html = decode("br", br.body);
    expect(html).toContain("<html");
    expect(br.body.length).toBeLessThan(Buffer.byteLength(html) / 3);

    // A public page from the rendered-page cache (decision 111) goes in gzip, assembled from
    // pieces compressed once, even to a client that would take brotli.
    const cached = await get("/", "br, gzip");
    expect(cached.headers["content-encoding"]).toBe("gzip");
    expect(String(cached.headers.vary)).toMatch(/Accept-Encoding/i);
    const page = decode("gzip", cached.body);
    expect(page).toContain("<html");
    expect(cached.body.length).toBeLessThan(Buffer.byteLength(page) / 3);

    const gz = await get("/", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(decode("gzip", gz.body)).toContain("<html");

    const plain = await get("/", "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toContain("<html");
  });

  it("compresses JSON, CSV and the built JavaScript, and leaves PNG alone", async () => {
    const csv = await get("/charts/sector-breakdown.csv", "gzip");
    expect(csv.status).toBe(200);
    expect(csv.headers["content-encoding"]).toBe("gzip");
    expect(decode("gzip", csv.body)).toMatch(/;|,/);

    const page = decode(undefined, (await get("/", "identity")).body);
    const scripts = [...new Set(page.match(/\/build\/[^"]+\.js/g))];
    expect(scripts.length).toBeGreaterThan(2);
    let compressed = 0;
    for (const script of scripts) {
      const js = await get(script, "br");
      expect(String(js.headers["cache-control"])).toMatch(/immutable/);
      const size = Buffer.byteLength(decode(js.headers["content-encoding"] as string | undefined, js.body));
      // Below the 1 KB threshold a file goes as it is; above it, always compressed.
      if (size > 1024) {
        expect(js.headers["content-encoding"], script).toBe("br");
        compressed++;
      }
    }
    expect(compressed).toBeGreaterThan(0);

    // Loader data for client navigations (single fetch): the app's JSON.
    const data = await get("/trends.data", "gzip");
    expect(data.status).toBe(200);
    expect(data.headers["content-encoding"]).toBe("gzip");
    expect(decode("gzip", data.body).length).toBeGreaterThan(1024);

    const png = await get("/charts/sector-breakdown.png", "br, gzip");
    expect(png.status).toBe(200);
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.headers["content-encoding"]).toBeUndefined();
  });
});
