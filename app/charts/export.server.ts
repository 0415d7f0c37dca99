// What the PNG and CSV routes share: reading the chart id and query, and refusing
// wrong filters with a translated explanation. The routes then load the chart.
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { problemMessages } from "./problems.ts";
import { chartQueryString, parseChartQuery, type ChartQuery } from "./query.ts";
import { isChartId, type ChartId } from "./registry.ts";

export interface ExportRequest {
  id: ChartId;
  query: ChartQuery;
  lng: Language;
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
  return { id, query, lng, permalink: `${url.origin}/trends${chartQueryString(query, lng)}#${id}` };
}

/** Exports follow current data, and vary with the language a cookie or header may choose. */
export const EXPORT_CACHE_HEADERS = { "Cache-Control": "public, max-age=300", Vary: "Cookie, Accept-Language" };
