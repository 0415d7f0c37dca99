// How the read-only JSON API (/api/v1) answers: JSON bodies with an ETag (a
// repeated read with If-None-Match gets 304 and no body), the cache rule of its
// audience, and errors as {"error":{"status","message"}} (decision 067).
import { createHash } from "node:crypto";
import { env } from "./env.server.ts";

/** public: what anyone may read (cacheable a minute); signed-in: for one reader only (never stored). */
export type ApiAudience = "public" | "signed-in";

export function apiCacheHeaders(audience: ApiAudience): Record<string, string> {
  if (audience === "public" && env().publicDashboards) return { "Cache-Control": "public, max-age=60", Vary: "Cookie, Accept-Language" };
  return { "Cache-Control": "private, no-store" };
}

/** A strong ETag of a body: the same bytes, the same tag. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function matches(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  return header.trim() === "*" || header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** A JSON answer with its ETag and cache rule; 304 when the reader already holds it. */
export function apiJson(request: Request, value: unknown, audience: ApiAudience): Response {
  const body = JSON.stringify(value);
  const etag = etagOf(body);
  const headers = { "Content-Type": "application/json; charset=utf-8", ETag: etag, ...apiCacheHeaders(audience) };
  if (matches(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}

/** The one shape of an API error. */
export function apiError(status: number, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { status, message } }), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers },
  });
}
