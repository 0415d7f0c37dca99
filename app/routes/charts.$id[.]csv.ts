import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentExport, readExportRequest } from "~/charts/export.server.ts";
import { chartDocument } from "~/charts/registry.ts";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { ChartLoadContext, chartExportMemo, loadChart } from "~/models/chart-data.server.ts";

/**
 * GET /charts/<id>.csv?<query>: exactly the plotted numbers (the chart's data
 * table), after header lines naming the chart, its filters, its source and its date.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const { id, query, lng, permalink } = await readExportRequest(request, params.id);
  const context = new ChartLoadContext(query, lng);
  const chart = await loadChart(id, context);
  const ctx = { t: getFixedT(lng), lng };
  return documentExport("csv", chartDocument(chart, ctx), ctx, {
    credit: ctx.t("trends.export.credit", { url: permalink }),
    filename: `vigia-${chart.id}-${lng}`,
    memo: chartExportMemo(id, context, "csv", permalink),
  });
}
