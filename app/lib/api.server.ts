// How the read-only JSON API (/api/v1) answers: JSON bodies under the one cache
// rule of every response (decision 092: the same weak ETag the server would give
// the same bytes, so a repeated read with If-None-Match gets 304 and no body),
// pages as {data, next}, and errors as {"error":{"status","message"}} (decision 067).
import { env } from "./env.server.ts";
import { cacheDecision, etagMatches, weakEtag } from "./http.server.ts";

/** public: what anyone may read (cacheable a minute); signed-in: for one reader only (never stored). */
export type ApiAudience = "public" | "signed-in";

/** What the API asks of the one cache rule: public answers may be kept a minute where dashboards are public. */
export function apiCacheHeaders(audience: ApiAudience): Record<string, string> {
  const asked = audience === "public" && env().publicDashboards ? "public, max-age=60" : "private, no-store";
  const decision = cacheDecision({ method: "GET", signedIn: audience === "signed-in", status: 200, cacheControl: asked });
  return decision.etag ? { "Cache-Control": decision.cacheControl, Vary: "Cookie, Accept-Language" } : { "Cache-Control": decision.cacheControl };
}

/** A JSON answer with its ETag and cache rule; 304 when the reader already holds it. */
export function apiJson(request: Request, value: unknown, audience: ApiAudience): Response {
  const body = JSON.stringify(value);
  const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8", ...apiCacheHeaders(audience) };
  // A signed-in reader's answer is never stored, so it has no tag to send back (as the server rules for pages).
  if (!headers.Vary) return new Response(body, { status: 200, headers });
  const etag = weakEtag(new TextEncoder().encode(body));
  headers.ETag = etag;
  if (etagMatches(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

/** One page of a list: its rows under `data`, and the address of the next page under `next` (absent on the last). */
export function apiPage(request: Request, rows: unknown[], nextCursor: string | null): { data: unknown[]; next?: string } {
  if (!nextCursor) return { data: rows };
  const url = new URL(request.url);
  url.searchParams.set("after", nextCursor);
  return { data: rows, next: url.toString() };
}

/** The one shape of an API error. */
export function apiError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { status, message } }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}
