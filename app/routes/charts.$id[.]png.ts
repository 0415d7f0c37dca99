import type { LoaderFunctionArgs } from "@remix-run/node";
import { EXPORT_CACHE_HEADERS, readExportRequest } from "~/charts/export.server.ts";
import { renderChartPng } from "~/charts/render.server.ts";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { ChartLoadContext, loadChart } from "~/models/chart-data.server.ts";
import { getFixedT } from "~/lib/i18n.ts";

/** GET /charts/<id>.png?<query>: the chart drawn on the server, the same as the page's PNG button makes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const { id, query, lng, permalink } = await readExportRequest(request, params.id);
  const chart = await loadChart(id, new ChartLoadContext(query, lng));
  const png = await renderChartPng(chart, lng, getFixedT(lng)("trends.export.credit", { url: permalink }));
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `inline; filename="vigia-${chart.id}-${lng}.png"`,
      ...EXPORT_CACHE_HEADERS,
    },
  });
}
