// Rendered public pages for anonymous readers, kept by what they show: the address
// (origin, path, query in a stable order), the reader's language, the UTC day and the
// data version (decision 077), so that a repeated read skips the loaders and the React
// render. The CSP nonce of decision 093 stays unique per response: a page is rendered
// for the cache with a per-process placeholder of 256 random bits in place of the
// nonce, and every response gets this request's fresh nonce substituted for it.
// Public dashboard exports (PNG, CSV) are kept the same way, whole (decision 120).
// docs/decisions/111-rendered-page-cache.md, docs/decisions/120-exports-from-the-page-cache.md
import { randomBytes } from "node:crypto";
import { acceptsGzip, deflatePiece, gzipPieces, type DeflatedPiece } from "~/lib/gzip-pieces.server.ts";
import { concernsSignedInReader, PAGE_ETAG_HEADER, weakEtag } from "~/lib/http.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { getDataVersion, memoByVersion } from "./data-version.server.ts";

/**
 * Stands for the nonce in a cached page. Never sent: every response replaces each
 * occurrence with its own nonce. Random per process, so no reader can know it and
 * plant it in anything a page shows.
 */
export const NONCE_PLACEHOLDER = `vigia-nonce-${randomBytes(32).toString("hex")}`;

/**
 * The public pages whose content depends only on the address, the language, the day and
 * the versioned data (every table they read bumps the data version). Documents and the
 * dashboards' exports only: loader data for client navigations (`.data`) is served from
 * the aggregate cache.
 */
const CACHEABLE_PAGES = [
  /^\/$/,
  /^\/trends$/,
  /^\/charts$/,
  /^\/matrix$/,
  /^\/provisions$/,
  /^\/provisions\/[^/]+$/,
  /^\/provisions\/[^/]+\/scorecard$/,
  /^\/embed\/[^/]+$/,
  // Dashboard exports (decision 120): kept only when they say they are public (exportCacheHeaders).
  /^\/charts\/[^/]+\.(png|csv)$/,
  /^\/matrix\.(png|csv)$/,
  /^\/provisions\/[^/]+\/scorecard\.(png|csv)$/,
];

/** An export kept beside pages: text (CSV) compressed like a page, an image as it is. */
const EXPORT_TYPE = /^(text\/csv|image\/png)\b/i;

/** Bytes sent as they are: already compressed (PNG). */
const BINARY_TYPE = /^image\//i;

/**
 * A rendered page as kept: status, headers, its text cut where the nonce goes and each piece
 * deflated once (or, for an image, its bytes as they are), and its ETag (the nonce left out, as
 * decision 092 tags pages).
 */
interface KeptPage {
  status: number;
  headers: [string, string][];
  body: { pieces: DeflatedPiece[] } | { bytes: Buffer };
  etag: string;
}

/** A rendered answer that must not be kept (an error page, a redirect, a cookie, a 429); still served once, with the nonce in place. */
class NotKept extends Error {
  constructor(readonly page: { status: number; headers: [string, string][]; bytes: Buffer }) {
    super("not kept");
  }
}

/** True when `request` may be answered from the page cache: an anonymous GET of a cacheable page. */
export function mayUsePageCache(request: Request): boolean {
  if (request.method !== "GET") return false;
  if (concernsSignedInReader(request.headers.get("Cookie"), [])) return false;
  const path = new URL(request.url).pathname.replace(/(.)\/$/, "$1");
  return CACHEABLE_PAGES.some((pattern) => pattern.test(path));
}

/** The address with its query parameters in a stable order (a parameter's repeated values keep theirs). */
export function normalisedAddress(url: URL): string {
  const params = [...url.searchParams].map((pair, i) => ({ pair, i }));
  params.sort((a, b) => (a.pair[0] < b.pair[0] ? -1 : a.pair[0] > b.pair[0] ? 1 : a.i - b.i));
  const query = new URLSearchParams(params.map((p) => p.pair)).toString();
  return `${url.origin}${url.pathname}${query ? `?${query}` : ""}`;
}

/**
 * What may be kept: an HTML page, or a dashboard export that says any cache may keep it
 * (`public`: never a signed-in reader's, never one of a deployment with private dashboards).
 */
function mayKeep(response: Response): boolean {
  const type = response.headers.get("Content-Type") ?? "";
  if (response.status !== 200 || response.headers.has("Set-Cookie")) return false;
  // A page that says so (one rendered with a failed part, decision 127) is served once and dropped.
  if (/\bno-store\b/i.test(response.headers.get("Cache-Control") ?? "")) return false;
  return /^text\/html/i.test(type) || (EXPORT_TYPE.test(type) && /\bpublic\b/i.test(response.headers.get("Cache-Control") ?? ""));
}

async function keep(response: Response): Promise<KeptPage> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const headers = [...response.headers.entries()];
  if (!mayKeep(response)) throw new NotKept({ status: response.status, headers, bytes });
  if (BINARY_TYPE.test(response.headers.get("Content-Type") ?? "")) return { status: response.status, headers, body: { bytes }, etag: weakEtag(bytes) };
  const pieces = bytes
    .toString("utf8")
    .split(NONCE_PLACEHOLDER)
    .map((piece) => deflatePiece(Buffer.from(piece, "utf8")));
  return { status: response.status, headers, body: { pieces }, etag: weakEtag(Buffer.concat(pieces.map((p) => p.bytes))) };
}

/** The bytes an LRU entry holds, for its bound. */
function keptSize(page: KeptPage): number {
  if ("bytes" in page.body) return page.body.bytes.length + 1024;
  return page.body.pieces.reduce((n, piece) => n + piece.length + piece.blocks.length, 1024);
}

const bytesOf = (buffer: Buffer) => new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.length);

/** The kept page with this response's nonce where the placeholder was: gzip-encoded when the reader accepts it (decision 111). */
function withNonce(page: KeptPage, nonce: string, acceptEncoding: string | null): Response {
  const between = Buffer.from(nonce, "utf8");
  const headers = new Headers(page.headers);
  headers.set(PAGE_ETAG_HEADER, page.etag);
  if ("bytes" in page.body) return new Response(bytesOf(page.body.bytes), { status: page.status, headers });
  const { pieces } = page.body;
  if (acceptsGzip(acceptEncoding)) {
    headers.set("Content-Encoding", "gzip");
    headers.append("Vary", "Accept-Encoding");
    return new Response(bytesOf(gzipPieces(pieces, between)), { status: page.status, headers });
  }
  const parts = pieces.flatMap((piece, i) => (i === 0 ? [piece.bytes] : [between, piece.bytes]));
  return new Response(bytesOf(Buffer.concat(parts)), { status: page.status, headers });
}

/** An answer that was not kept, served to the reader it was rendered for, with its nonce where the placeholder was (text only). */
function notKept({ status, headers, bytes }: NotKept["page"], nonce: string): Response {
  const type = new Headers(headers).get("Content-Type") ?? "";
  const body = BINARY_TYPE.test(type) ? bytes : Buffer.from(bytes.toString("utf8").replaceAll(NONCE_PLACEHOLDER, nonce), "utf8");
  return new Response(status === 204 || status === 304 ? null : bytesOf(body), { status, headers });
}

/**
 * The answer to an anonymous GET of a cacheable page, from the cache when this address,
 * language, day and data version were rendered before, else from `render` (which must
 * render with the nonce it is given) and kept. Concurrent requests for the same entry
 * share one render; when that render is not kept (an error, a redirect, a 429 for the
 * address that asked first), each of them is rendered for itself. Null when the request
 * may not use the cache: the caller renders it as usual. `nonce` is this response's own
 * CSP nonce.
 */
export async function cachedPage(request: Request, nonce: string, render: (request: Request, cspNonce: string) => Promise<Response>): Promise<Response | null> {
  if (!mayUsePageCache(request)) return null;
  const url = new URL(request.url);
  const [language, version] = await Promise.all([detectLanguage(request), getDataVersion()]);
  const key = JSON.stringify(["page", normalisedAddress(url), language, new Date().toISOString().slice(0, 10)]);
  // The shared render must not stop when the reader who started it goes away: a request of its own, without that reader's signal.
  const shared = new Request(request.url, { method: "GET", headers: request.headers });
  let mine = false;
  try {
    const page = await memoByVersion(
      key,
      version,
      async () => {
        mine = true;
        return keep(await render(shared, NONCE_PLACEHOLDER));
      },
      keptSize,
    );
    return withNonce(page, nonce, request.headers.get("Accept-Encoding"));
  } catch (error) {
    if (!(error instanceof NotKept)) throw error;
    // Rendered for another reader (their address, their limit): this one is rendered for itself.
    return mine ? notKept(error.page, nonce) : render(request, nonce);
  }
}
