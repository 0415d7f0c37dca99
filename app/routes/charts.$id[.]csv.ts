import type { LoaderFunctionArgs } from "@remix-run/node";
import { EXPORT_CACHE_HEADERS, readExportRequest } from "~/charts/export.server.ts";
import { chartTable, chartTexts } from "~/charts/registry.ts";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { ChartLoadContext, loadChart } from "~/models/chart-data.server.ts";
import { toCsv } from "~/lib/csv.server.ts";
import { getFixedT } from "~/lib/i18n.ts";

/**
 * GET /charts/<id>.csv?<query>: exactly the plotted numbers (the chart's data
 * table), after header lines naming the chart, its filters, its source and its date.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const { id, query, lng, permalink } = await readExportRequest(request, params.id);
  const chart = await loadChart(id, new ChartLoadContext(query, lng));
  const ctx = { t: getFixedT(lng), lng };
  const texts = chartTexts(chart, ctx);
  const table = chartTable(chart, ctx);
  const csv = toCsv([
    [texts.title],
    [texts.subtitle],
    [texts.sourceLine],
    [texts.asOf],
    ...texts.notes.map((n) => [n]),
    [ctx.t("trends.export.credit", { url: permalink })],
    [],
    table.columns,
    ...table.rows,
  ]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="vigia-${chart.id}-${lng}.csv"`,
      ...EXPORT_CACHE_HEADERS,
    },
  });
}
