import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { loadCharts } from "~/models/chart-data.server.ts";
import { chartReaderOf, previewPngUrl, VALUES_PARAM, type ChartQuery } from "~/charts/query.ts";
import type { LoadedChart } from "~/charts/registry.ts";
import { figureText, HeadlineFigure } from "~/components/headline-figure.tsx";
import { RegistryChart } from "~/components/registry-chart.tsx";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { formatPercent } from "~/lib/format.ts";
import { getFixedT, type Language, loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaLanguage, useLanguage } from "~/lib/language.ts";
import { GW_CASE_RECORDS } from "~/models/incident.server.ts";
import { getHeadlineFigures } from "~/models/published-figure.server.ts";

export const handle = { i18n: ["charts", "common", "overview", "taxonomy", "trends"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireDashboardReader(request);
  const reader = chartReaderOf(user);
  const lng = await detectLanguage(request);
  // The overview's two charts are registry charts with fixed queries, so they get
  // the same PNG, CSV, permalink and embed as on the trends page. The time axis
  // runs from the first published annual figure (2012) to the partnership's launch (2025).
  // Only the values-on-bars choice (?values=1) is the reader's.
  const values = new URL(request.url).searchParams.get(VALUES_PARAM) === "1" ? { values: true } : {};
  const queries = {
    annualTrend: { filter: { yearFrom: 2012, yearTo: 2025 }, figures: "revised", ...values } satisfies ChartQuery,
    sectorBreakdown: { filter: GW_CASE_RECORDS, figures: "revised", ...values } satisfies ChartQuery,
  };
  const [headline, [annualTrend], [sectorBreakdown]] = await Promise.all([
    getHeadlineFigures(),
    loadCharts(["annual-trend"], queries.annualTrend, lng, reader),
    loadCharts(["sector-breakdown"], queries.sectorBreakdown, lng, reader),
  ]);
  return { lng, headline, annualTrend, sectorBreakdown, queries, origin: new URL(request.url).origin };
}

export default function Overview() {
  const { headline, annualTrend, sectorBreakdown, queries, origin } = useLoaderData<typeof loader>();
  const lng = useLanguage();
  const { t } = useTranslation();

  const total = headline.total;
  const indigenous = headline.indigenous;
  const population = headline.indigenousPopulation;
  const totalText = total ? figureText(total, t, lng) : null;
  const indigenousText = indigenous ? figureText(indigenous, t, lng) : null;
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
                  {t("overview.of", { total: totalText })} ({formatPercent(share, lng)}, {t("common.derived")})
                </p>
                <ShareBar label={t("overview.indigenous.defendersBar")} share={share} lng={lng} tone="defenders" />
                {population?.value != null ? (
                  <ShareBar label={t("overview.indigenous.populationBar")} share={population.value} lng={lng} tone="population" />
                ) : null}
                <p className="small muted">
                  {t("overview.indigenous.shareNote", { value: indigenous.value, total: total.value })}{" "}
                  {population ? t("overview.indigenous.population", { share: formatPercent(population.value ?? 0, lng) }) : null}
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
          {/* The two published subsets of the Indigenous figure, each with its own source and status. */}
          <HeadlineFigure id="headline-indigenous-police" figure={headline.indigenousPolice} label={t("overview.indigenousPolice.label")}>
            {indigenousText ? <p className="small">{t("overview.ofIndigenous", { total: indigenousText })}</p> : null}
          </HeadlineFigure>
          <HeadlineFigure id="headline-indigenous-mining" figure={headline.indigenousMining} label={t("overview.indigenousMining.label")}>
            {indigenousText ? <p className="small">{t("overview.ofIndigenous", { total: indigenousText })}</p> : null}
          </HeadlineFigure>
        </div>
      </section>

      <RegistryChart chart={annualTrend as LoadedChart} query={queries.annualTrend as ChartQuery} lng={lng} origin={origin} />
      <RegistryChart chart={sectorBreakdown as LoadedChart} query={queries.sectorBreakdown as ChartQuery} lng={lng} origin={origin}>
        <p className="small">{t("overview.casesNote")}</p>
      </RegistryChart>
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

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lng = metaLanguage(matches);
  const t = getFixedT(lng);
  const tags = [{ title: `${t("overview.title")} · Vigía` }, { name: "description", content: t("overview.intro") }];
  if (!data) return tags;
  // The social preview is the server's PNG of the overview's trend chart.
  const image = previewPngUrl(data.origin, "annual-trend", data.queries.annualTrend as ChartQuery, lng);
  return [
    ...tags,
    { property: "og:type", content: "website" },
    { property: "og:title", content: t("overview.title") },
    { property: "og:description", content: t("overview.intro") },
    { property: "og:image", content: image },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:image", content: image },
  ];
};
