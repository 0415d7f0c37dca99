// What every PNG and CSV export route shares: reading a registered chart's id and
// query (refusing wrong filters with a translated explanation), and turning an
// export document into the response, drawn by the one renderer or written by the
// one CSV writer, with the one cache rule of its kind.
import { toCsv, type CsvOptions } from "~/lib/csv.server.ts";
import { exportResponse, type ExportAudience, type ExportFormat } from "~/lib/http.server.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import type { ExportMemo } from "~/models/data-version.server.ts";
import { documentCsvRows, type ChartDocument } from "./document.ts";
import { problemMessages } from "./problems.ts";
import { chartQueryString, parseChartQuery, PNG_SIZE_PARAM, type ChartQuery } from "./query.ts";
import { PNG_SCALES, type PngSize } from "./export-image.ts";
import { isChartId, type ChartId } from "./registry.ts";
import { renderDocumentPng } from "./render.server.ts";
import type { ChartContext } from "./types.ts";

export interface ExportRequest {
  id: ChartId;
  query: ChartQuery;
  lng: Language;
  /** The PNG's size (`size=preview` for previews and social cards; download otherwise). */
  size: PngSize;
  /** The chart on the trends page, with the same query and language. */
  permalink: string;
}

/**
 * The chart an export URL asks for, and with which filters. Throws a 404 for an unknown id and a 400
 * (plain text, in the reader's language, naming each wrong filter) for wrong
 * filters: an export never silently shows something other than what its link says.
 */
export async function readExportRequest(request: Request, id: string | undefined): Promise<ExportRequest> {
  const lng = await detectLanguage(request);
  const t = getFixedT(lng);
  const headers = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
  if (!isChartId(id)) throw new Response(t("trends.errors.unknownChart"), { status: 404, headers });
  const url = new URL(request.url);
  const { query, problems } = parseChartQuery(url.searchParams);
  if (problems.length) {
    throw new Response([t("trends.problems.exportRefused"), ...problemMessages(problems, { t }).map((m) => `- ${m}`)].join("\n"), { status: 400, headers });
  }
  const size = await refuseUnknownPngSize(request);
  return { id, query, lng, size, permalink: `${url.origin}/trends${chartQueryString(query, lng)}#${id}` };
}

/** The PNG size a URL asks for; null for a value that names none. */
export function readPngSize(params: URLSearchParams): PngSize | null {
  const raw = params.get(PNG_SIZE_PARAM)?.trim();
  if (!raw) return "download";
  return Object.hasOwn(PNG_SCALES, raw) ? (raw as PngSize) : null;
}

/** The 400 of a PNG size that names none, in the reader's language, as a wrong filter is refused. */
export async function refuseUnknownPngSize(request: Request): Promise<PngSize> {
  const params = new URL(request.url).searchParams;
  const size = readPngSize(params);
  if (size) return size;
  const t = getFixedT(await detectLanguage(request));
  const message = problemMessages([{ param: PNG_SIZE_PARAM, value: params.get(PNG_SIZE_PARAM) ?? "", reason: "unknownCode" }], { t });
  throw new Response([t("trends.problems.exportRefused"), ...message.map((m) => `- ${m}`)].join("\n"), {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export interface DocumentExportOptions {
  /** "Made with Vigía: <permalink>", the last line of the image and of the CSV's header. */
  credit: string;
  /** Without the extension. */
  filename: string;
  audience?: ExportAudience;
  csv?: CsvOptions;
  /** The PNG's size (decision 112); the route names it in the memo's key too. */
  pngSize?: PngSize;
  /** Keeps the drawn or written body, e.g. by data version (the route hands in the cache); by default every body is made anew. */
  memo?: ExportMemo;
  /** Runs before a body is drawn or written, not when a kept one is served: the exports rate limit (decision 120). */
  beforeMake?: () => Promise<void>;
}

/** No memo: every body is made anew, `beforeMake` first (the rendered-page cache keeps anonymous exports, decision 120). */
const makeEveryTime: ExportMemo = async (make, beforeMake) => {
  await beforeMake?.();
  return make();
};

/** An export document as a PNG (drawn) or a CSV (header lines, then the table). */
export async function documentExport(
  format: ExportFormat,
  doc: ChartDocument,
  ctx: ChartContext,
  { credit, filename, audience = "dashboard", csv, pngSize = "download", memo = makeEveryTime, beforeMake }: DocumentExportOptions,
): Promise<Response> {
  const body = await memo(async () => (format === "png" ? renderDocumentPng(doc, ctx, credit, pngSize) : toCsv(documentCsvRows(doc, credit), csv)), beforeMake);
  return exportResponse(format, body, `${filename}.${format}`, audience);
}
