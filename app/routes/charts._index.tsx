import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { parseChartQuery } from "~/charts/query.ts";
import { CHART_IDS, chartDefinition } from "~/charts/registry.ts";
import { ChartQueryProblems } from "~/components/chart-query-problems.tsx";
import { chartLinks } from "~/components/registry-chart.tsx";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["charts", "common", "taxonomy", "trends"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

/** GET /charts: every registered chart with its page, PNG, CSV and embed addresses (carrying any filters given). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const url = new URL(request.url);
  const { query, problems } = parseChartQuery(url.searchParams);
  return { query, problems, ids: CHART_IDS, origin: url.origin };
}

export default function ChartList() {
  const { query, problems, ids, origin } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="chart-list">
      <h1>{t("trends.chartList.title")}</h1>
      <p className="lede">{t("trends.chartList.intro")}</p>
      <ChartQueryProblems problems={problems} />
      <div className="table-scroll">
        <table className="data-table chart-index">
          <caption>{t("trends.chartList.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("trends.chartList.chart")}</th>
              <th scope="col">{t("trends.chartList.id")}</th>
              <th scope="col">{t("trends.chartList.links")}</th>
            </tr>
          </thead>
          <tbody>
            {ids.map((id) => {
              const links = chartLinks(id, query, language, origin);
              const title = chartDefinition(id).title({ t, lng: language });
              return (
                <tr key={id} data-chart-row={id}>
                  <th scope="row">{title}</th>
                  <td>
                    <code>{id}</code>
                  </td>
                  <td className="chart-index-links">
                    <a href={links.page} aria-label={`${t("trends.chartList.page")}: ${title}`}>
                      {t("trends.chartList.page")}
                    </a>{" "}
                    <a href={links.png} aria-label={`${t("trends.chartList.png")}: ${title}`}>
                      {t("trends.chartList.png")}
                    </a>{" "}
                    <a href={links.csv} aria-label={`${t("trends.chartList.csv")}: ${title}`}>
                      {t("trends.chartList.csv")}
                    </a>{" "}
                    <a href={links.embed} aria-label={`${t("trends.chartList.embed")}: ${title}`}>
                      {t("trends.chartList.embed")}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("trends.chartList.title")} · Vigía` }, { name: "description", content: t("trends.chartList.intro") }];
};
