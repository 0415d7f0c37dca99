import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentExport, readExportRequest } from "~/charts/export.server.ts";
import { chartDocument } from "~/charts/registry.ts";
import { requireExportReader } from "~/lib/auth.server.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { ChartLoadContext, loadChart } from "~/models/chart-data.server.ts";

/**
 * GET /charts/<id>.csv?<query>: exactly the plotted numbers (the chart's data
 * table), after header lines naming the chart, its filters, its source and its date.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireExportReader(request, context);
  const { id, query, lng, permalink } = await readExportRequest(request, params.id);
  const chart = await loadChart(id, new ChartLoadContext(query, lng));
  const ctx = { t: getFixedT(lng), lng };
  return documentExport("csv", chartDocument(chart, ctx), ctx, {
    credit: ctx.t("trends.export.credit", { url: permalink }),
    filename: `vigia-${chart.id}-${lng}`,
  });
}
