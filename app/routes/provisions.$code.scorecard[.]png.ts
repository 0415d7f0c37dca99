// The scorecard's chart as a PNG, with its title, the before/after comparison,
// the milestones, the source and the date drawn into the image.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildProvisionYearsChart, milestoneLegend, scorecardComparisonLine } from "~/charts/provision-years.ts";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { formatDate } from "~/lib/format.ts";
import { getFixedT } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { pngResponse, renderChartPng } from "~/lib/provision-export.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { getScorecard } from "~/models/scorecard.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const lng = await detectLanguage(request);
  const scorecard = await getScorecard(params.code!, lng, new URL(request.url).searchParams);
  if (!scorecard) throw notFound();
  const t = getFixedT(lng);
  const ctx = { t, lng };
  const { provision, data } = scorecard;
  const total = data.rows.reduce((sum, r) => sum + r.records, 0);
  const status = `${t("provisions.status.label")}: ${t(`common.figureStatus.${provision.status}`, { defaultValue: provision.status })}${provision.isGap ? ` · ${t("provisions.gap")}` : ""}`;
  const png = await renderChartPng(buildProvisionYearsChart(data, ctx), {
    title: `${t("provisions.scorecard.title")}: ${provision.code} · ${provision.title.text}`,
    subtitle: `${t("provisions.charts.years.subtitle", { from: data.rows[0]?.year, to: data.rows.at(-1)?.year })}. ${scorecardComparisonLine(data, ctx)}`,
    source: t("charts.sourceLine", { source: t("provisions.charts.years.source") }),
    notes: [
      ...(total === 0 ? [t("provisions.charts.years.noneLinked")] : []),
      milestoneLegend(data, ctx),
      `${status}${provision.source ? ` · ${t("provisions.scorecard.provisionSource")}: ${provision.source.title}` : ""}`,
      `${t("provisions.scorecard.countNote")} ${t("charts.dataAsOf", { date: formatDate(scorecard.today, lng) })} · Vigía`,
    ].filter((n): n is string => !!n),
    chartHeight: 380,
  });
  return pngResponse(png, `vigia-scorecard-${provision.code}.png`);
}
