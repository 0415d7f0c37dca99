// HTTP answers decided once: how every export (a file a reader downloads or links:
// CSV, PNG) is served, and the 404 of a missing page or record.
// Who may fetch a file decides whether anything between Vigía and the reader may
// keep a copy, so the caching rule is written once here, per kind of export.
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
