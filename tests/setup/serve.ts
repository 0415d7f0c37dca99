// A GET answered in process the way the HTTP server answers it (scripts/server.ts): the
// rendered-page cache in front of the export route (rendering with `pageCache: true` in
// the load context, as the server does), else the route itself, then the one cache rule
// (cachedResponse: ETag, 304, Cache-Control). For the export routes only.
import { cachedResponse } from "~/lib/http.server.ts";
import { cachedPage } from "~/models/page-cache.server.ts";
import { loader as chartCsv } from "~/routes/charts.$id[.]csv.ts";
import { loader as chartPng } from "~/routes/charts.$id[.]png.ts";
import { loader as matrixCsv } from "~/routes/matrix[.]csv.ts";
import { loader as matrixPng } from "~/routes/matrix[.]png.ts";
import { loader as scorecardCsv } from "~/routes/provisions.$code.scorecard[.]csv.ts";
import { loader as scorecardPng } from "~/routes/provisions.$code.scorecard[.]png.ts";
import { BASE } from "./route.ts";

type ExportLoader = typeof chartPng;

function routeOf(path: string): { loader: ExportLoader; params: Record<string, string> } {
  const { pathname } = new URL(path, BASE);
  const chart = /^\/charts\/([^/]+)\.(png|csv)$/.exec(pathname);
  if (chart) return { loader: chart[2] === "png" ? chartPng : chartCsv, params: { id: chart[1] } };
  const scorecard = /^\/provisions\/([^/]+)\/scorecard\.(png|csv)$/.exec(pathname);
  if (scorecard) return { loader: scorecard[2] === "png" ? scorecardPng : scorecardCsv, params: { code: decodeURIComponent(scorecard[1]) } };
  const matrix = /^\/matrix\.(png|csv)$/.exec(pathname);
  if (matrix) return { loader: matrix[1] === "png" ? matrixPng : matrixCsv, params: {} };
  throw new Error(`no export route for ${path}`);
}

/** The nonce every answer of this helper is given (exports carry none). */
const NONCE = "test-nonce";

/**
 * GET `path` from `address` with `headers`, as the server answers it. `render` (optional) stands
 * between the page cache and the route, for tests that need to hold a render back.
 */
export async function serveExport(
  path: string,
  {
    headers = {},
    address = "192.0.2.10",
    render,
  }: { headers?: Record<string, string>; address?: string; render?: (draw: () => Promise<Response>) => Promise<Response> } = {},
): Promise<Response> {
  const request = new Request(new URL(path, BASE), { headers });
  const { loader, params } = routeOf(path);
  const route = async (r: Request, pageCache: boolean): Promise<Response> => {
    try {
      return await loader({ request: r, params, context: { clientAddress: address, pageCache } });
    } catch (error) {
      if (error instanceof Response) return error;
      throw error;
    }
  };
  const viaCache = await cachedPage(request, NONCE, (r) => (render ? render(() => route(r, true)) : route(r, true)));
  return cachedResponse({ method: "GET", headers: request.headers }, viaCache ?? (await route(request, false)), NONCE);
}

/** The body's bytes. */
export async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}
