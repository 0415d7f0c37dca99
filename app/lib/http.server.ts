// HTTP answers decided once: how every export (a file a reader downloads or links:
// CSV, PNG) is served, and the 404 of a missing page or record.
// Who may fetch a file decides whether anything between Vigía and the reader may
// keep a copy, so the caching rule is written once here, per kind of export.
import { createHash } from "node:crypto";
import { env } from "./env.server.ts";

export type ExportFormat = "csv" | "json" | "png";

/**
 * dashboard: an aggregate dashboard's export (charts, matrix, scorecards), the same
 *   for every reader who may see it; public unless PUBLIC_DASHBOARDS=0.
 * signed-in: anything only a signed-in reader may fetch, whatever the deployment says.
 */
export type ExportAudience = "dashboard" | "signed-in";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  png: "image/png",
};

// A CSV is saved; a PNG opens in the browser (and is the page's social preview).
const DISPOSITIONS: Record<ExportFormat, "attachment" | "inline"> = { csv: "attachment", json: "attachment", png: "inline" };

/** Letters, digits, dot, dash and underscore only: a code or key typed by an administrator cannot break the header or name a path. */
export function safeFilename(name: string): string {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/\.{2,}/g, ".")
    .replace(/^[.-]+/, "");
  return cleaned.slice(-120) || "vigia-export";
}

/**
 * The cache rule. Public dashboard exports may be kept for five minutes by any
 * cache (they follow current data closely enough for a briefing, and a link
 * shared widely does not recompute the chart for every reader); they vary with the
 * language a cookie or header may choose. An export that needs a signed-in reader
 * is never stored anywhere: no shared cache may hand it to someone else, and the
 * browser keeps no copy after the session ends.
 */
export function exportCacheHeaders(audience: ExportAudience): Record<string, string> {
  if (audience === "dashboard" && env().publicDashboards) return { "Cache-Control": "public, max-age=300", Vary: "Cookie, Accept-Language" };
  return { "Cache-Control": "private, no-store" };
}

/** Content type, disposition with a safe filename, and the cache rule of an export. */
export function exportHeaders(format: ExportFormat, filename: string, audience: ExportAudience): Record<string, string> {
  return {
    "Content-Type": CONTENT_TYPES[format],
    "Content-Disposition": `${DISPOSITIONS[format]}; filename="${safeFilename(filename)}"`,
    ...exportCacheHeaders(audience),
  };
}

/** The response of an export: a CSV document or PNG bytes with exportHeaders. */
export function exportResponse(
  format: ExportFormat,
  body: string | Uint8Array | ReadableStream<Uint8Array>,
  filename: string,
  audience: ExportAudience,
): Response {
  return new Response(body instanceof Uint8Array ? new Uint8Array(body) : body, { headers: exportHeaders(format, filename, audience) });
}

/**
 * The 404 a loader or action throws for a record or page that does not exist.
 * The route's ErrorBoundary (the root one unless a route has its own) renders
 * "page not found" in the reader's language; a resource route sends the body as it is.
 */
export function notFound(message = "Not found"): Response {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Text pieces as a byte stream, pulled one at a time (the next piece is made only when the reader wants it). */
export function textStream(pieces: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await pieces.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await pieces.return?.();
    },
  });
}

// ---------- Every response: caching, content security, which writes are read ----------
// Applied by the HTTP server (scripts/server.ts) to every answer, whatever route
// produced it, so that no page, data request, export or redirect can forget.

/** The session cookie's name (app/lib/session.server.ts sets it). */
export const SESSION_COOKIE = "vigia_session";

/**
 * Whether a cookie we set is Secure (decision 093, 106): always in production;
 * elsewhere when the request came over HTTPS as Express saw it (X-Forwarded-Proto
 * counts only when TRUST_PROXY says so). Every cookie of ours follows this one rule.
 */
export function cookieSecure(request: Request): boolean {
  return env().isProduction || new URL(request.url).protocol === "https:";
}

/** True when the request carries a session cookie, or the response sets one: the answer concerns a signed-in reader. */
export function concernsSignedInReader(cookieHeader: string | null, setCookies: readonly string[]): boolean {
  const named = (text: string) => text.split(/;\s*/).some((part) => part.startsWith(`${SESSION_COOKIE}=`) && part.length > SESSION_COOKIE.length + 1);
  return (!!cookieHeader && named(cookieHeader)) || setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`));
}

export interface CacheDecision {
  cacheControl: string;
  /** Whether the answer gets a weak ETag from its body (and a 304 when it matches). */
  etag: boolean;
}

/**
 * The one cache rule of every response (decision 092):
 * - anything concerning a signed-in reader, and every write: `private, no-store`,
 *   so that Back after sign-out shows nothing and no cache keeps a case;
 * - an answer that already says no-store (a non-public export) keeps it;
 * - anonymous redirects and errors: `no-store`;
 * - a public dashboard export keeps its `public, max-age=300` (decision 041) and
 *   gets an ETag;
 * - any other anonymous page or data request: `no-cache` with an ETag (a cache may
 *   keep it, but asks every time; a 304 saves sending it again).
 */
export function cacheDecision({
  method,
  signedIn,
  status,
  cacheControl,
}: {
  method: string;
  signedIn: boolean;
  status: number;
  cacheControl: string | null;
}): CacheDecision {
  if (signedIn || (method !== "GET" && method !== "HEAD")) return { cacheControl: "private, no-store", etag: false };
  if (cacheControl && /no-store/i.test(cacheControl)) return { cacheControl, etag: false };
  if (status !== 200) return { cacheControl: "no-store", etag: false };
  if (cacheControl && /\bpublic\b/i.test(cacheControl)) return { cacheControl, etag: true };
  return { cacheControl: "no-cache", etag: true };
}

/**
 * Carries the ETag a cached page was tagged with when it was kept (decision 111), from
 * the page cache to the server, which sends it as the ETag and never sends this header.
 */
export const PAGE_ETAG_HEADER = "X-Vigia-Page-Etag";

/** A weak ETag of a body (the same bytes give the same tag). */
export function weakEtag(body: Uint8Array): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** True when an If-None-Match header names this ETag (weak comparison) or "*". */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/**
 * A route's answer under the one cache rule, as the server sends it (scripts/server.ts
 * calls this for every Remix answer; the authorization matrix calls it too, so that
 * what it checks is what readers get): Cache-Control set by cacheDecision; an
 * anonymous cacheable answer read whole and tagged with a weak ETag of its body (the
 * CSP nonce left out of an HTML page, so that the same page has the same tag; an answer
 * from the page cache, decisions 111 and 120, passed on unread with the tag it was kept with) and
 * `Vary: Cookie, Accept-Language`; a matching If-None-Match answered 304 with only
 * the ETag, Cache-Control and Vary headers. No-store answers keep streaming.
 */
export async function cachedResponse(
  request: { method: string; headers: { get(name: string): string | null | undefined } },
  response: Response,
  nonce = "",
): Promise<Response> {
  const decision = cacheDecision({
    method: request.method,
    signedIn: concernsSignedInReader(request.headers.get("cookie") ?? null, response.headers.getSetCookie()),
    status: response.status,
    cacheControl: response.headers.get("Cache-Control"),
  });
  const headers = new Headers(response.headers);
  // The tag of a page from the rendered-page cache (decision 111), computed once when it was kept.
  const keptEtag = headers.get(PAGE_ETAG_HEADER);
  headers.delete(PAGE_ETAG_HEADER);
  headers.set("Cache-Control", decision.cacheControl);
  if (!decision.etag || request.method !== "GET" || !response.body) {
    if (decision.cacheControl.includes("no-store")) headers.delete("ETag");
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
  // A kept answer's tag is known: its body is passed on as it is, not read whole again (decision 120).
  const bytes = keptEtag ? null : new Uint8Array(await response.arrayBuffer());
  const isHtml = /^text\/html/i.test(headers.get("Content-Type") ?? "");
  const etag = keptEtag ?? weakEtag(isHtml && nonce ? new TextEncoder().encode(new TextDecoder().decode(bytes!).replaceAll(nonce, "")) : bytes!);
  headers.set("ETag", etag);
  // Cookie and Accept-Language besides whatever the answer varies with already (a cached page's gzip: Accept-Encoding).
  const vary = headers.get("Vary");
  if (!vary) headers.set("Vary", "Cookie, Accept-Language");
  else if (!/\bcookie\b/i.test(vary)) headers.set("Vary", `${vary}, Cookie, Accept-Language`);
  if (etagMatches(request.headers.get("if-none-match") ?? null, etag)) {
    const notModified = new Headers();
    for (const name of ["ETag", "Cache-Control", "Vary"]) notModified.set(name, headers.get(name)!);
    if (!bytes) await response.body.cancel();
    return new Response(null, { status: 304, headers: notModified });
  }
  return new Response(bytes ?? response.body, { status: response.status, statusText: response.statusText, headers });
}

export const CSP_REPORT_PATH = "/csp-report";

/**
 * The Content-Security-Policy of a response (decision 093). Scripts run only
 * with this request's nonce (and what they load: 'strict-dynamic'); no plugins;
 * no <base>; forms post only to Vigía; only /embed/ pages may be framed, by anyone.
 */
export function contentSecurityPolicy(nonce: string, framable: boolean): string {
  return [
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    framable ? "frame-ancestors *" : "frame-ancestors 'none'",
    `report-uri ${CSP_REPORT_PATH}`,
  ].join("; ");
}

/** Body types an action reads (request.formData()): anything else is refused with 415. */
export function isFormContentType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/x-www-form-urlencoded" || type === "multipart/form-data";
}

/** Body types of a browser's CSP violation report. */
export function isCspReportContentType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/csp-report" || type === "application/reports+json" || type === "application/json";
}

/**
 * True when a write comes from another site: Sec-Fetch-Site says so, or the
 * Origin (else the Referer) names another host than the one asked. A request
 * with neither (a non-browser client) is not cross-site; a "null" origin is.
 */
export function isCrossSite(headers: { get(name: string): string | null | undefined }, ownHost: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const source = headers.get("origin") ?? headers.get("referer");
  if (!source) return false;
  if (source === "null") return true;
  try {
    return new URL(source).host !== ownHost;
  } catch {
    return true;
  }
}
