// The accountability matrix as a PNG heat map, with title, filters, source and date in the image.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildMatrixChart, matrixChartHeight } from "~/charts/accountability-matrix.ts";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { formatDate } from "~/lib/format.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { pngResponse, renderChartPng } from "~/lib/provision-export.server.ts";
import { describeMatrixFilter } from "~/domain/matrix-filter.ts";
import { getMatrix } from "~/models/matrix.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const lng = await detectLanguage(request);
  const t = getFixedT(lng);
  const { filter, data, today } = await getMatrix(lng, new URL(request.url).searchParams);
  const png = await renderChartPng(buildMatrixChart(data, { t, lng }), {
    title: t("provisions.matrix.chartTitle"),
    subtitle: describeMatrixFilter(filter, t),
    source: t("charts.sourceLine", { source: t("provisions.matrix.source") }),
    notes: [
      ...(data.includesSuggested ? [t("provisions.matrix.suggestedWarning")] : []),
      `${t("provisions.matrix.note")} ${t("charts.dataAsOf", { date: formatDate(today, lng) })} · Vigía`,
    ],
    width: 1400,
    chartHeight: matrixChartHeight(data),
  });
  return pngResponse(png, `vigia-matrix-${filter.sector}-${filter.yearFrom}-${filter.yearTo}.png`);
}
