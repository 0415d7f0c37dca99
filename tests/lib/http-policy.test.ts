// The rules the HTTP server applies to every request and response (decisions 091-093).
import { describe, expect, it } from "vitest";
import { readEnv } from "~/lib/env.server.ts";
import { cacheDecision, concernsSignedInReader, contentSecurityPolicy, etagMatches, isCrossSite, isFormContentType, weakEtag } from "~/lib/http.server.ts";

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name.toLowerCase()] ?? null });

describe("cache rule", () => {
  it("never stores anything for a signed-in reader or a write", () => {
    for (const status of [200, 302, 404]) {
      for (const cacheControl of [null, "public, max-age=300"]) {
        expect(cacheDecision({ method: "GET", signedIn: true, status, cacheControl })).toEqual({ cacheControl: "private, no-store", etag: false });
      }
    }
    expect(cacheDecision({ method: "POST", signedIn: false, status: 200, cacheControl: null }).cacheControl).toBe("private, no-store");
  });

  it("keeps a non-public export's no-store, stores no anonymous redirect or error, tags public pages and exports", () => {
    expect(cacheDecision({ method: "GET", signedIn: false, status: 200, cacheControl: "private, no-store" })).toEqual({
      cacheControl: "private, no-store",
      etag: false,
    });
    expect(cacheDecision({ method: "GET", signedIn: false, status: 302, cacheControl: null })).toEqual({ cacheControl: "no-store", etag: false });
    expect(cacheDecision({ method: "GET", signedIn: false, status: 200, cacheControl: "public, max-age=300" })).toEqual({
      cacheControl: "public, max-age=300",
      etag: true,
    });
    expect(cacheDecision({ method: "GET", signedIn: false, status: 200, cacheControl: null })).toEqual({ cacheControl: "no-cache", etag: true });
  });

  it("a session cookie sent or set makes the answer a signed-in reader's", () => {
    expect(concernsSignedInReader("lng=es; vigia_session=abc.def", [])).toBe(true);
    expect(concernsSignedInReader("lng=es; vigia_session=", [])).toBe(false);
    expect(concernsSignedInReader(null, ["vigia_session=abc; Path=/; HttpOnly"])).toBe(true);
    expect(concernsSignedInReader("lng=es", ["lng=fr; Path=/"])).toBe(false);
  });

  it("weak ETags compare weakly, in lists and as *", () => {
    const tag = weakEtag(new TextEncoder().encode("page"));
    expect(tag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`"x", ${tag.slice(2)}`, tag)).toBe(true);
    expect(etagMatches("*", tag)).toBe(true);
    expect(etagMatches('W/"other"', tag)).toBe(false);
    expect(etagMatches(null, tag)).toBe(false);
  });
});

describe("write guards", () => {
  it("cross-site by Sec-Fetch-Site, Origin, Referer or a null origin; same-origin and header-less clients pass", () => {
    expect(isCrossSite(headers({ "sec-fetch-site": "cross-site" }), "vigia.example")).toBe(true);
    expect(isCrossSite(headers({ "sec-fetch-site": "same-site" }), "vigia.example")).toBe(true);
    expect(isCrossSite(headers({ origin: "https://evil.example" }), "vigia.example")).toBe(true);
    expect(isCrossSite(headers({ origin: "null" }), "vigia.example")).toBe(true);
    expect(isCrossSite(headers({ referer: "https://evil.example/x" }), "vigia.example")).toBe(true);
    expect(isCrossSite(headers({ origin: "not a url" }), "vigia.example")).toBe(true);
    expect(isCrossSite(headers({ origin: "https://vigia.example", "sec-fetch-site": "same-origin" }), "vigia.example")).toBe(false);
    expect(isCrossSite(headers({}), "vigia.example")).toBe(false);
  });

  it("only forms are read", () => {
    expect(isFormContentType("application/x-www-form-urlencoded;charset=UTF-8")).toBe(true);
    expect(isFormContentType("multipart/form-data; boundary=x")).toBe(true);
    for (const t of ["application/json", "text/plain", "", null, "application/x-www-form-urlencodedx"]) expect(isFormContentType(t)).toBe(false);
  });
});

describe("CSP and configuration", () => {
  it("the policy names the nonce and frames only embeds", () => {
    expect(contentSecurityPolicy("abc", false)).toBe(
      "script-src 'nonce-abc' 'strict-dynamic'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; report-uri /csp-report",
    );
    expect(contentSecurityPolicy("abc", true)).toContain("frame-ancestors *");
  });

  it("TRUST_PROXY, BODY_LIMIT and the deployment npm start passes on", () => {
    expect(readEnv({}).trustProxy).toBe(false);
    expect(readEnv({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(readEnv({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(readEnv({ TRUST_PROXY: "loopback" }).trustProxy).toBe("loopback");
    expect(readEnv({}).bodyLimit).toBe(1024 * 1024);
    expect(readEnv({ BODY_LIMIT: "2mb" }).bodyLimit).toBe(2 * 1024 * 1024);
    expect(readEnv({ BODY_LIMIT: "500kb" }).bodyLimit).toBe(500 * 1024);
    expect(() => readEnv({ BODY_LIMIT: "lots" })).toThrow(/BODY_LIMIT "lots" is not a size/);
    expect(readEnv({ NODE_ENV: "production", VIGIA_DEPLOYMENT: "development" }).isProduction).toBe(false);
    expect(readEnv({ NODE_ENV: "production" }).isProduction).toBe(true);
  });
});
