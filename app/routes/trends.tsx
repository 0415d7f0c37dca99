import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { startCharts } from "~/models/chart-data.server.ts";
import { FILTER_FIELDS, problemMessage } from "~/charts/problems.ts";
import { chartQueryString, chartReaderOf, parseChartQuery, previewPngUrl } from "~/charts/query.ts";
import { chartTitle, type ChartId, type LoadedChart } from "~/charts/registry.ts";
import { DeferredChart } from "~/components/deferred-chart.tsx";
import { RegistryChart } from "~/components/registry-chart.tsx";
import { rawFilterValues, TrendsFilterForm } from "~/components/trends-filter-form.tsx";
import { countryName } from "~/domain/countries.server.ts";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { listIncidentCountries } from "~/models/incident.server.ts";
import { getFixedT, isLanguage, loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaLanguage, useLanguage } from "~/lib/language.ts";

export const handle = { i18n: ["charts", "common", "taxonomy", "trends"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

/** The charts of the trends page, in reading order. */
export const TRENDS_CHARTS = [
  "mexico-annual",
  "killed-disappeared",
  "sector-breakdown",
  "indigenous-share",
  "perpetrator-breakdown",
  "state-breakdown",
  "state-map",
  "mining-by-year",
  "reconciliation",
  "annual-trend",
] as const satisfies readonly ChartId[];

/** The chart whose server-rendered PNG is the page's social preview. */
const PREVIEW_CHART: ChartId = "mexico-annual";

/**
 * The page's cheap part (filters, headings, the list of charts) is awaited; each chart's
 * data is a promise of its own, streamed into the page as its aggregate is ready
 * (decision 127). A chart that fails marks the page partial, so that it is not kept whole.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireDashboardReader(request);
  const url = new URL(request.url);
  const lng = await detectLanguage(request);
  const { query, problems } = parseChartQuery(url.searchParams);
  // The cheap part first: on SQLite every query waits its turn, and the country list queued
  // behind ten aggregates would hold the first byte back as long as they do.
  const countries = await listIncidentCountries();
  // The aggregates start once the page's first bytes are out, when the server says it will say so.
  const started = (context?.holdStreamedData ? new Promise<void>((start) => (context.startStreamedData = start)) : Promise.resolve()).then(() =>
    startCharts(TRENDS_CHARTS, query, lng, chartReaderOf(user)),
  );
  // In the order of TRENDS_CHARTS, each settling after the one before it: the page fills from the
  // top, and the streamed data come in one order, so the same page is the same bytes (one ETag,
  // and a kept page equal to a fresh render).
  let previous: Promise<unknown> = Promise.resolve();
  const charts = TRENDS_CHARTS.map((_, i) => {
    const own = started.then((all) => all[i]);
    own.catch(() => {}); // read below, once the chart before it settled
    const inOrder = previous.then(
      () => own,
      () => own,
    );
    previous = inOrder;
    const streamed = inOrder.catch((error: unknown) => {
      if (context) context.partialPage = true;
      throw error;
    });
    // Handled where the page renders it (the chart's error); never an unhandled rejection meanwhile.
    streamed.catch(() => {});
    return streamed;
  });
  const lngParam = url.searchParams.get("lng");
  return {
    lng,
    query,
    problems,
    charts,
    origin: url.origin,
    values: rawFilterValues(url.searchParams, FILTER_FIELDS),
    lngParam: isLanguage(lngParam) ? lngParam : null,
    // Names in the reader's language, made here: browsers and Node name some countries differently.
    countries: countries.map((c) => ({ code: c.code, name: countryName(c.code, lng) })),
  };
}

/** Without JavaScript: each streamed chart shown where it arrived (React's hidden parts), its loading line hidden. */
const NO_SCRIPT_STYLE = '[data-chart-pending]{display:none}div[hidden][id^="S:"]{display:block}';

export default function Trends() {
  const { query, problems, charts, origin, values, lngParam, countries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="trends">
      {/* A signed-in reader's page streams each chart after a placeholder (decision 127); without
          JavaScript no script moves the chart into place, so it is shown where it arrived, after the rest. */}
      <noscript>
        {/* Set as HTML: React would escape the quotes, and a style element's text is never unescaped. */}
        <style dangerouslySetInnerHTML={{ __html: NO_SCRIPT_STYLE }} />
      </noscript>
      <h1>{t("trends.title")}</h1>
      <p className="lede">{t("trends.intro")}</p>

      {problems.length ? (
        <div className="filter-problems" role="alert" aria-labelledby="filter-problems-title">
          <p id="filter-problems-title">
            <strong>{t("trends.problems.title")}</strong>
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <a href={`#filter-${p.param}`}>{problemMessage(p, { t })}</a>
              </li>
            ))}
          </ul>
          <p>{t("trends.problems.fix")}</p>
        </div>
      ) : null}

      <TrendsFilterForm values={values} problems={problems} lng={lngParam} countries={countries} />

      <nav aria-labelledby="trends-toc" className="trends-toc">
        <h2 id="trends-toc" className="small-heading">
          {t("trends.onThisPage")}
        </h2>
        <ol>
          {TRENDS_CHARTS.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>{chartTitle(id, { t, lng: language })}</a>
            </li>
          ))}
        </ol>
      </nav>

      {TRENDS_CHARTS.map((id, i) => (
        // Single fetch streams promises at any depth; its types see them at the top level only.
        <DeferredChart key={id} id={id} title={chartTitle(id, { t, lng: language })} resolve={charts[i] as unknown as Promise<LoadedChart>}>
          {(chart) => <RegistryChart chart={chart} query={query} lng={language} origin={origin} />}
        </DeferredChart>
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lng = metaLanguage(matches);
  const t = getFixedT(lng);
  const title = `${t("trends.title")} · Vigía`;
  if (!data) return [{ title }];
  // The head is written before any chart's data: what it says of the preview chart needs none.
  const previewTitle = chartTitle(PREVIEW_CHART, { t, lng });
  const qs = chartQueryString(data.query, lng);
  const image = previewPngUrl(data.origin, PREVIEW_CHART, data.query, lng);
  return [
    { title },
    { name: "description", content: t("trends.intro") },
    { property: "og:type", content: "website" },
    { property: "og:title", content: `${previewTitle} · Vigía` },
    { property: "og:description", content: t("trends.intro") },
    { property: "og:url", content: `${data.origin}/trends${qs}` },
    { property: "og:image", content: image },
    { property: "og:image:alt", content: previewTitle },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:image", content: image },
  ];
};
