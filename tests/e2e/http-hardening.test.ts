// The HTTP server's guards, through the real server (`npm start`): cross-site
// writes 403, non-form bodies 415, oversized bodies 413 (announced or streamed),
// broken forms 400 on every POST route, never 500; the cache rule (no-store for
// signed-in readers, ETags and 304 for public pages and PNGs); the enforced CSP
// with a per-request nonce and its report endpoint; normal pages in Chromium
// hydrate and cause no CSP violation.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, postSignIn, ROOT, sessionCookie, signInInBrowser, startApp, type RunningApp } from "./app.ts";

let app: RunningApp;
let browser: Browser;
let adminCookie: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const res = await postSignIn(app.url, "admin");
  expect(res.status).toBe(302);
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  adminCookie = sessionCookie(res);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Every route file with an action, as a path a browser could post to (parameters filled with a placeholder). */
function postPaths(): string[] {
  const dir = join(ROOT, "app/routes");
  return readdirSync(dir)
    .filter((f) => /export (async )?function action/.test(readFileSync(join(dir, f), "utf8")))
    .map((f) => {
      const segments = f
        .replace(/\.tsx?$/, "")
        .replace(/\[\.\]/g, "~DOT~")
        .split(".")
        .filter((s) => s !== "_index")
        .map((s) => s.replace(/_$/, "").replace(/^\$.*/, "x1").replace(/~DOT~/g, "."));
      return "/" + segments.join("/");
    });
}

const post = (path: string, init: RequestInit & { headers?: Record<string, string> }) =>
  fetch(app.url + path, { method: "POST", redirect: "manual", ...init, headers: { Origin: app.url, ...init.headers } });

describe("writes the server refuses before any route runs", () => {
  const paths = postPaths();

  it("finds every route with an action", () => {
    expect(paths).toContain("/login");
    expect(paths).toContain("/incidents/x1/edit");
    expect(paths).toContain("/admin/import");
    expect(paths.length).toBeGreaterThanOrEqual(20);
  });

  it("malformed and wrong-type bodies on every POST route: 400 or 415, never 500", async () => {
    const boundary = "----vigia-test-boundary";
    const bodies: { name: string; type?: string; body: string; expected: number }[] = [
      { name: "JSON", type: "application/json", body: '{"email":"a@b.c","password":1}', expected: 415 },
      { name: "broken JSON", type: "application/json", body: '{"email":', expected: 415 },
      { name: "text", type: "text/plain", body: "email=a@b.c", expected: 415 },
      { name: "XML", type: "application/xml", body: "<a/>", expected: 415 },
      { name: "no type", body: "email=x", expected: 415 },
      {
        name: "broken multipart",
        type: `multipart/form-data; boundary=${boundary}`,
        body: `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end`,
        expected: 400,
      },
      { name: "multipart without boundary", type: "multipart/form-data", body: "garbage", expected: 400 },
      { name: "multipart of another boundary", type: `multipart/form-data; boundary=${boundary}`, body: "--other\r\n\r\nx\r\n--other--", expected: 400 },
    ];
    for (const path of paths) {
      for (const b of bodies) {
        for (const cookie of [undefined, adminCookie]) {
          const res = await post(path, { headers: { ...(b.type ? { "Content-Type": b.type } : {}), ...(cookie ? { Cookie: cookie } : {}) }, body: b.body });
          expect(res.status, `${b.name} to ${path}${cookie ? " signed in" : ""}`).toBe(b.expected);
          expect(res.headers.get("cache-control")).toMatch(/no-store/);
        }
      }
    }
  });

  it("garbage that is still a form reaches the routes and never gives 500", async () => {
    for (const path of paths) {
      for (const body of ["%zz&&==&=x&csrf=%", "a=" + "%".repeat(1000), "\u0000\uffff=\ud800"]) {
        for (const cookie of [undefined, adminCookie]) {
          const res = await post(path, { headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) }, body });
          expect(res.status, `${JSON.stringify(body.slice(0, 20))} to ${path}`).toBeLessThan(500);
        }
      }
    }
  });

  it("a cross-site POST is 403 on every route, /language and /login included", async () => {
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    for (const path of paths) {
      const variants: Record<string, string>[] = [
        { Origin: "https://evil.example" },
        { Origin: "null" },
        { Origin: app.url, "Sec-Fetch-Site": "cross-site" },
        { Origin: app.url, "Sec-Fetch-Site": "same-site" },
      ];
      for (const headers of variants) {
        const res = await fetch(app.url + path, { method: "POST", redirect: "manual", headers: { ...form, ...headers }, body: "lng=es&redirectTo=/" });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    const viaReferer = await fetch(`${app.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { ...form, Referer: "https://evil.example/page" },
      body: "lng=es",
    });
    expect(viaReferer.status).toBe(403);
    const sameSite = await post("/language", { headers: { ...form, "Sec-Fetch-Site": "same-origin" }, body: "lng=es&redirectTo=/trends" });
    expect(sameSite.status).toBe(302);
    expect(sameSite.headers.get("location")).toBe("/trends");
  });

  it("a body over 1 MB is 413 before parsing, whether announced or streamed; 1 MB itself is read", async () => {
    const limit = 1024 * 1024;
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    const atLimit = "email=a&password=" + "x".repeat(limit - 17);
    expect(atLimit.length).toBe(limit);
    // Read and parsed: the sign-in itself is refused (400, decision 094), not the body.
    expect((await post("/login", { headers: form, body: atLimit })).status).toBe(400);
    expect((await post("/login", { headers: form, body: atLimit + "x" })).status).toBe(413);
    // Streamed without a Content-Length: the server counts as it reads.
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 3 * limit) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await fetch(`${app.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { ...form, Origin: app.url },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.headers.get("transfer-encoding") ?? "").not.toMatch(/x/);
    expect(streamed.status).toBe(413);
  });

  it("the upload route takes a body larger than 1 MB (its own limit is 50 MB)", async () => {
    const fd = new FormData();
    fd.set("file", new Blob(["x".repeat(2 * 1024 * 1024)], { type: "text/csv" }), "big.csv");
    const res = await fetch(`${app.url}/admin/import`, { method: "POST", redirect: "manual", headers: { Origin: app.url, Cookie: adminCookie }, body: fd });
    expect(res.status).not.toBe(413);
    expect(res.status).toBeLessThan(500);
  });
});

describe("cache rule", () => {
  it("a signed-in reader's pages, data requests, exports and redirects are never stored", async () => {
    for (const path of [
      "/",
      "/incidents",
      "/trends",
      "/charts",
      "/matrix",
      "/provisions",
      "/admin/users",
      "/_root.data",
      "/incidents.data",
      "/matrix.csv",
      "/no-such-page",
      "/login",
    ]) {
      const res = await fetch(app.url + path, { redirect: "manual", headers: { Cookie: adminCookie } });
      expect(res.headers.get("cache-control"), path).toBe("private, no-store");
      expect(res.headers.get("etag"), path).toBeNull();
    }
  });

  it("anonymous public pages and PNGs carry a weak ETag and answer 304 when it matches", async () => {
    const charts = await (await fetch(`${app.url}/charts`)).text();
    const png = charts.match(/\/charts\/[\w-]+\.png/)?.[0];
    expect(png).toBeTruthy();
    for (const path of ["/", "/trends", "/matrix", png!, "/matrix.png"]) {
      const first = await fetch(app.url + path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get("etag");
      expect(etag, path).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers.get("cache-control"), path).toMatch(/^(no-cache|public, max-age=300)$/);
      await first.arrayBuffer();
      // The same page again (a new CSP nonce) has the same tag.
      const again = await fetch(app.url + path, { headers: { "If-None-Match": etag! } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("content-security-policy")).toBeNull();
      expect((await again.arrayBuffer()).byteLength).toBe(0);
    }
    expect((await fetch(app.url + png!)).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("anonymous redirects and the case list's sign-in redirect are not stored", async () => {
    const res = await fetch(`${app.url}/incidents`, { redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });
});

describe("Content-Security-Policy", () => {
  it("every page has a fresh nonce that its scripts carry; only /embed/ may be framed", async () => {
    const a = await fetch(`${app.url}/`);
    const b = await fetch(`${app.url}/`);
    const csp = a.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("report-uri /csp-report");
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    await b.arrayBuffer();
    const charts = await (await fetch(`${app.url}/charts`)).text();
    const embed = charts.match(/\/embed\/[\w-]+/)?.[0] ?? "/embed/annual-trend";
    const framed = await fetch(app.url + embed);
    expect(framed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(framed.headers.get("x-frame-options")).toBeNull();
    expect(a.headers.get("x-frame-options")).toBe("DENY");
  });

  it("the report endpoint logs a violation report and refuses anything else", async () => {
    const report = {
      "csp-report": { "document-uri": `${app.url}/test`, "violated-directive": "script-src-elem", "blocked-uri": "inline", marker: "endpoint-test" },
    };
    const ok = await post("/csp-report", { headers: { "Content-Type": "application/csp-report" }, body: JSON.stringify(report) });
    expect(ok.status).toBe(204);
    const reportsJson = await post("/csp-report", {
      headers: { "Content-Type": "application/reports+json" },
      body: JSON.stringify([{ type: "csp-violation", body: { marker: "reports-json" } }]),
    });
    expect(reportsJson.status).toBe(204);
    await expect.poll(() => app.output()).toMatch(/CSP violation: .*endpoint-test/);
    expect(app.output()).toMatch(/CSP violation: .*reports-json/);
    expect((await post("/csp-report", { headers: { "Content-Type": "text/plain" }, body: "{}" })).status).toBe(415);
    expect((await post("/csp-report", { headers: { "Content-Type": "application/csp-report" }, body: "{" })).status).toBe(400);
    expect((await post("/csp-report", { headers: { "Content-Type": "application/csp-report" }, body: JSON.stringify({ x: "y".repeat(20_000) }) })).status).toBe(
      413,
    );
    expect((await fetch(`${app.url}/csp-report`)).status).toBe(405);
  });

  it("normal pages hydrate in Chromium under the policy and report no violation", async () => {
    const before = app.output().match(/CSP violation/g)?.length ?? 0;
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    await page.exposeFunction("__cspViolation", (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    for (const path of ["/", "/trends", "/charts", "/matrix", "/provisions", "/login"]) {
      await page.goto(app.url + path);
      await page.waitForFunction(() => "__remixRouter" in window);
    }
    // Signed in, with JavaScript: the sign-in form, then the case list through client navigation.
    await signInInBrowser(page, app.url, "staff", { hydrated: true });
    await page.getByRole("link", { name: "Cases" }).click();
    await page.waitForURL(`${app.url}/incidents`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await context.close();
    expect(violations).toEqual([]);
    expect(app.output().match(/CSP violation/g)?.length ?? 0).toBe(before);
  });
});
