import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { annualTrendTable, buildAnnualTrendChart, milestonesInRange, shapeAnnualTrend } from "~/charts/annual-trend.ts";
import { buildSectorBreakdownChart, sectorBreakdownTable, shapeSectorBreakdown } from "~/charts/sector-breakdown.ts";
import { ChartFigure } from "~/components/chart-figure.tsx";
import { figureText, HeadlineFigure } from "~/components/headline-figure.tsx";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { formatDate, formatPercent } from "~/lib/format.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { countIncidentsBySector, GW_CASE_RECORDS } from "~/models/incident.server.ts";
import { listMilestones } from "~/models/milestone.server.ts";
import { getHeadlineFigures, listAnnualFigures } from "~/models/published-figure.server.ts";

/** The overview's time axis: the published annual figures (2012–2024) and the year of the partnership launch. */
const TREND_FROM = 2012;
const TREND_TO = 2025;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const lng = await detectLanguage(request);
  const [headline, annual, sectors, milestones] = await Promise.all([
    getHeadlineFigures(),
    listAnnualFigures(TREND_FROM, TREND_TO),
    countIncidentsBySector(GW_CASE_RECORDS),
    listMilestones(lng),
  ]);
  return { lng, headline, annual, sectors, milestones };
}

export default function Overview() {
  const { lng, headline, annual, sectors, milestones } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const ctx = { t, lng: lng as Language };

  const trend = { rows: shapeAnnualTrend(annual, TREND_FROM, TREND_TO), milestones };
  const { inside, outside } = milestonesInRange(milestones, TREND_FROM, TREND_TO);
  const sectorRows = shapeSectorBreakdown(sectors);

  const total = headline.total;
  const indigenous = headline.indigenous;
  const population = headline.indigenousPopulation;
  const totalText = total ? figureText(total, t, lng as Language) : null;
  const share = indigenous?.value != null && total?.value ? indigenous.value / total.value : null;

  return (
    <div className="overview">
      <h1>{t("overview.title")}</h1>
      <p className="lede">{t("overview.intro")}</p>

      <section aria-labelledby="headlines-title">
        <h2 id="headlines-title">{t("overview.headlines")}</h2>
        <div className="headline-grid">
          <HeadlineFigure id="headline-total" figure={total} label={t("overview.total.label")} />
          <HeadlineFigure
            id="headline-2024"
            figure={headline.killed2024}
            label={t("overview.year2024.label")}
            value={
              <>
                {t("overview.year2024.killed", { count: headline.killed2024?.value ?? 0 })}
                {" · "}
                {headline.disappeared2024 ? (
                  t("overview.year2024.disappeared", { count: headline.disappeared2024.value ?? 0 })
                ) : (
                  <span className="muted">{t("common.notFound")}</span>
                )}
              </>
            }
          />
          <HeadlineFigure id="headline-indigenous" figure={indigenous} label={t("overview.indigenous.label")}>
            {share !== null && total && indigenous ? (
              <div className="share-compare">
                <p className="share-note">
                  {t("overview.of", { total: totalText })} ({formatPercent(share, lng as Language)}, {t("common.derived")})
                </p>
                <ShareBar label={t("overview.indigenous.defendersBar")} share={share} lng={lng as Language} tone="defenders" />
                {population?.value != null ? (
                  <ShareBar label={t("overview.indigenous.populationBar")} share={population.value} lng={lng as Language} tone="population" />
                ) : null}
                <p className="small muted">
                  {t("overview.indigenous.shareNote", { value: indigenous.value, total: total.value })}{" "}
                  {population ? t("overview.indigenous.population", { share: formatPercent(population.value ?? 0, lng as Language) }) : null}
                </p>
              </div>
            ) : null}
          </HeadlineFigure>
          <HeadlineFigure id="headline-mining" figure={headline.mining} label={t("overview.mining.label")}>
            {totalText ? <p className="small">{t("overview.of", { total: totalText })}</p> : null}
          </HeadlineFigure>
          <HeadlineFigure id="headline-police" figure={headline.police} label={t("overview.police.label")}>
            {totalText ? <p className="small">{t("overview.of", { total: totalText })}</p> : null}
          </HeadlineFigure>
        </div>
      </section>

      <ChartFigure
        id="annual-trend"
        title={t("charts.annualTrend.title")}
        subtitle={t("charts.annualTrend.subtitle")}
        source={t("charts.annualTrend.source")}
        config={buildAnnualTrendChart(trend, ctx)}
        table={annualTrendTable(trend, ctx)}
        height={400}
      >
        <p>{t("charts.annualTrend.note")}</p>
        {inside.length ? (
          <>
            <h3 className="small-heading">{t("charts.milestones")}</h3>
            <ol className="milestone-list">
              {inside.map((m) => (
                <li key={m.key}>
                  <time dateTime={m.date}>{formatDate(m.date, lng as Language)}</time>: {m.label}
                </li>
              ))}
            </ol>
          </>
        ) : null}
        {outside.length ? (
          <p className="small">
            {t("charts.milestonesOutside", {
              list: outside.map((m) => `${formatDate(m.date, lng as Language)}: ${m.label}`).join("; "),
            })}
          </p>
        ) : null}
      </ChartFigure>

      <ChartFigure
        id="sector-breakdown"
        title={t("charts.sectorBreakdown.title")}
        subtitle={t("charts.sectorBreakdown.subtitle")}
        source={t("charts.sectorBreakdown.source")}
        config={buildSectorBreakdownChart(sectorRows, ctx)}
        table={sectorBreakdownTable(sectorRows, ctx)}
        height={380}
      >
        <p>
          <strong>{t("charts.sectorBreakdown.coverage")}</strong>
        </p>
        <p className="small">{t("overview.casesNote")}</p>
      </ChartFigure>
    </div>
  );
}

function ShareBar({ label, share, lng, tone }: { label: string; share: number; lng: Language; tone: string }) {
  return (
    <div className="share-bar">
      <span className="share-bar-label">{label}</span>
      <span className="share-bar-track" aria-hidden="true">
        <span className={`share-bar-fill share-${tone}`} style={{ width: `${Math.round(share * 100)}%` }} />
      </span>
      <span className="share-bar-value">{formatPercent(share, lng)}</span>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = getFixedT((data?.lng as Language) ?? "en");
  return [{ title: `${t("overview.title")} · Vigía` }, { name: "description", content: t("overview.intro") }];
};
