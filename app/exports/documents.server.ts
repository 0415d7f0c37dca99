// The export loaders. Every exported document (a trends chart, the accountability
// matrix, a provision's scorecard) is served as a CSV and as a PNG by two routes
// that differ only in the format; each document's loader is written once here,
// and its two routes name the format. Export routes import this layer; nothing
// else does (eslint.config.js). An export counts against the exports-per-address
// rate limit (decision 095) when it is drawn or written, not when a kept body is
// served (decision 120). An anonymous export answered through the rendered-page
// cache is kept there whole, so it keeps no second copy in the export memo.
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { matrixDocument } from "~/charts/accountability-matrix.ts";
import { documentExport, readExportRequest, refuseUnknownPngSize } from "~/charts/export.server.ts";
import { scorecardDocument } from "~/charts/provision-years.ts";
import { chartReaderOf } from "~/charts/query.ts";
import { chartDocument } from "~/charts/registry.ts";
import { matrixFilterToParams, parseMatrixFilter } from "~/domain/matrix-filter.ts";
import { parseScorecardParams, scorecardQuery } from "~/domain/scorecard-params.ts";
import { exportLimit, requireDashboardReader } from "~/lib/auth.server.ts";
import type { ExportFormat } from "~/lib/http.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { ChartLoadContext, chartExportMemo, loadChart } from "~/models/chart-data.server.ts";
import { getMatrix } from "~/models/matrix.server.ts";
import { exportMemo } from "~/models/data-version.server.ts";
import { listMilestones } from "~/models/milestone.server.ts";
import { getScorecard } from "~/models/scorecard.server.ts";

/** True when the rendered-page cache keeps this answer whole (decision 120): the body is then kept there only. */
function keptByPageCache(context: AppLoadContext | undefined): boolean {
  return context?.pageCache === true;
}

/** GET /charts/<id>.<format>?<query>: a trends chart, with exactly the plotted numbers, its filters, source and date. */
export async function chartExport({ request, params, context: loadContext }: LoaderFunctionArgs, format: ExportFormat): Promise<Response> {
  const user = await requireDashboardReader(request);
  const { id, query, lng, size, permalink } = await readExportRequest(request, params.id);
  const context = new ChartLoadContext(query, lng, chartReaderOf(user));
  const chart = await loadChart(id, context);
  const ctx = { t: getFixedT(lng), lng };
  // Values on the bars of the image unless values=0 (decision 087); the CSV has them anyway.
  return documentExport(format, { ...chartDocument(chart, ctx), barValues: query.values !== false }, ctx, {
    credit: ctx.t("trends.export.credit", { url: permalink }),
    filename: `vigia-${chart.id}-${lng}`,
    pngSize: size,
    // Drawn or written once per data version and size (docs/decisions/077-data-versioned-cache.md).
    memo: keptByPageCache(loadContext) ? undefined : await chartExportMemo(id, context, format, permalink, format === "png" ? size : undefined),
    beforeMake: exportLimit(loadContext),
  });
}

/** GET /matrix.<format>?sector=&from=&to=&status=: the accountability matrix, one row per provision, one column per year. */
export async function matrixExport({ request, context }: LoaderFunctionArgs, format: ExportFormat): Promise<Response> {
  const reader = chartReaderOf(await requireDashboardReader(request));
  const size = await refuseUnknownPngSize(request);
  const lng = await detectLanguage(request);
  const url = new URL(request.url);
  const { filter } = parseMatrixFilter(url.searchParams, new Date().getUTCFullYear());
  const { data, today } = await getMatrix(lng, filter, reader);
  const ctx = { t: getFixedT(lng), lng };
  const query = matrixFilterToParams(filter);
  const permalink = `${url.origin}/matrix?${query}&lng=${lng}`;
  return documentExport(format, matrixDocument({ filter, data, today }, ctx), ctx, {
    credit: ctx.t("trends.export.credit", { url: permalink }),
    filename: `vigia-matrix-${filter.sector}-${filter.yearFrom}-${filter.yearTo}-${filter.status}`,
    // The same for every reader while no count is withheld (decision 109): drawn once per data version, size and day.
    pngSize: size,
    memo: keptByPageCache(context) ? undefined : exportMemo([format, size, "matrix", data.smallCountThreshold ?? "exact", permalink, today]),
    beforeMake: exportLimit(context),
  });
}

/**
 * GET /provisions/<code>/scorecard.<format>?milestone=&months=: the scorecard's numbers (every year, the
 * two windows around the milestone, the count since the commitment was made) and its chart.
 */
export async function scorecardExport({ request, params, context }: LoaderFunctionArgs, format: ExportFormat): Promise<Response> {
  const reader = chartReaderOf(await requireDashboardReader(request));
  const size = await refuseUnknownPngSize(request);
  const lng = await detectLanguage(request);
  const url = new URL(request.url);
  const milestones = await listMilestones(lng);
  const choice = parseScorecardParams(url.searchParams, milestones);
  const scorecard = await getScorecard(params.code!, lng, { milestones, milestone: choice.milestone, months: choice.params.months }, reader);
  if (!scorecard) throw notFound();
  const ctx = { t: getFixedT(lng), lng };
  const { code } = scorecard.provision;
  const permalink = `${url.origin}/provisions/${encodeURIComponent(code)}/scorecard?${scorecardQuery(choice.params)}&lng=${lng}`;
  return documentExport(format, scorecardDocument(scorecard, ctx), ctx, {
    credit: ctx.t("trends.export.credit", { url: permalink }),
    pngSize: size,
    memo: keptByPageCache(context)
      ? undefined
      : exportMemo([format, size, "scorecard", scorecard.data.smallCountThreshold ?? "exact", permalink, new Date().toISOString().slice(0, 10)]),
    beforeMake: exportLimit(context),
    filename: `vigia-scorecard-${code}-${choice.params.milestoneKey ?? "no-milestone"}-${choice.params.months}m`,
  });
}
