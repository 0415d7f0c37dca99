// GET /api/v1/charts/<id>?<the trends filters>: the aggregates behind a chart, as the chart registry loads them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { chartQueryToParams, chartReaderOf, parseChartQuery } from "~/charts/query.ts";
import { isChartId } from "~/charts/registry.ts";
import { apiError, apiJson } from "~/lib/api.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { apiReader } from "~/models/api.server.ts";
import { ChartLoadContext, loadChart } from "~/models/chart-data.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const reader = await apiReader(request, context);
  if (!reader.ok) return reader.response;
  if (!isChartId(params.id)) return apiError(404, `No chart "${params.id}".`);
  const { query, problems } = parseChartQuery(new URL(request.url).searchParams);
  if (problems.length) return apiError(400, `Bad filter: ${problems.map((p) => `${p.param}=${p.value}`).join(", ")}`);
  const lng = await detectLanguage(request);
  const chart = await loadChart(params.id, new ChartLoadContext(query, lng, chartReaderOf(reader.user)));
  return apiJson(request, { id: chart.id, query: chartQueryToParams(query).toString(), data: chart.data }, reader.audience);
}
