// Rendered public pages for anonymous readers, kept by what they show: the address
// (origin, path, query in a stable order), the reader's language, the UTC day and the
// data version (decision 077), so that a repeated read skips the loaders and the React
// render. The CSP nonce of decision 093 stays unique per response: a page is rendered
// for the cache with a per-process placeholder of 256 random bits in place of the
// nonce, and every response gets this request's fresh nonce substituted for it.
// docs/decisions/111-rendered-page-cache.md
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
 * the versioned data (every table they read bumps the data version). Documents only:
 * loader data for client navigations (`.data`) is served from the aggregate cache.
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
];

/** A rendered page as kept: status, headers, its bytes cut where the nonce goes, and its ETag (the nonce left out, as decision 092 tags pages). */
interface KeptPage {
  status: number;
  headers: [string, string][];
  pieces: DeflatedPiece[];
  etag: string;
}

/** A rendered answer that must not be kept (an error page, a redirect, a cookie); still served once, with the nonce in place. */
class NotKept extends Error {
  constructor(readonly page: { status: number; headers: [string, string][]; text: string }) {
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

async function keep(response: Response): Promise<KeptPage> {
  const text = await response.text();
  const isHtml = /^text\/html/i.test(response.headers.get("Content-Type") ?? "");
  if (response.status !== 200 || !isHtml || response.headers.has("Set-Cookie")) {
    throw new NotKept({ status: response.status, headers: [...response.headers.entries()], text });
  }
  const pieces = text.split(NONCE_PLACEHOLDER).map((piece) => deflatePiece(Buffer.from(piece, "utf8")));
  return { status: response.status, headers: [...response.headers.entries()], pieces, etag: weakEtag(Buffer.concat(pieces.map((p) => p.bytes))) };
}

const bytesOf = (buffer: Buffer) => new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.length);

/** The kept page with this response's nonce where the placeholder was: gzip-encoded when the reader accepts it (decision 111). */
function withNonce(page: KeptPage, nonce: string, acceptEncoding: string | null): Response {
  const between = Buffer.from(nonce, "utf8");
  const headers = new Headers(page.headers);
  headers.set(PAGE_ETAG_HEADER, page.etag);
  if (acceptsGzip(acceptEncoding)) {
    headers.set("Content-Encoding", "gzip");
    headers.append("Vary", "Accept-Encoding");
    return new Response(bytesOf(gzipPieces(page.pieces, between)), { status: page.status, headers });
  }
  const parts = page.pieces.flatMap((piece, i) => (i === 0 ? [piece.bytes] : [between, piece.bytes]));
  return new Response(bytesOf(Buffer.concat(parts)), { status: page.status, headers });
}

/**
 * The answer to an anonymous GET of a cacheable page, from the cache when this address,
 * language, day and data version were rendered before, else from `render` (which must
 * render with the nonce it is given) and kept. Concurrent requests for the same entry
 * share one render. Null when the request may not use the cache: the caller renders it
 * as usual. `nonce` is this response's own CSP nonce.
 */
export async function cachedPage(request: Request, nonce: string, render: (request: Request, cspNonce: string) => Promise<Response>): Promise<Response | null> {
  if (!mayUsePageCache(request)) return null;
  const url = new URL(request.url);
  const [language, version] = await Promise.all([detectLanguage(request), getDataVersion()]);
  const key = JSON.stringify(["page", normalisedAddress(url), language, new Date().toISOString().slice(0, 10)]);
  // The shared render must not stop when the reader who started it goes away: a request of its own, without that reader's signal.
  const shared = new Request(request.url, { method: "GET", headers: request.headers });
  try {
    const page = await memoByVersion(
      key,
      version,
      async () => keep(await render(shared, NONCE_PLACEHOLDER)),
      (p) => p.pieces.reduce((n, piece) => n + piece.length + piece.blocks.length, 1024),
    );
    return withNonce(page, nonce, request.headers.get("Accept-Encoding"));
  } catch (error) {
    if (error instanceof NotKept) {
      const { status, headers, text } = error.page;
      return new Response(text.replaceAll(NONCE_PLACEHOLDER, nonce), { status, headers });
    }
    throw error;
  }
}
