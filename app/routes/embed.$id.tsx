import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ChartLoadContext, loadChart } from "~/models/chart-data.server.ts";
import { chartReaderOf, parseChartQuery } from "~/charts/query.ts";
import { chartTexts, isChartId, type LoadedChart } from "~/charts/registry.ts";
import { ChartQueryProblems } from "~/components/chart-query-problems.tsx";
import { RegistryChart } from "~/components/registry-chart.tsx";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { getFixedT, loadPageSections, type I18nHandle } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaLanguage, useLanguage } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";

/** Shown without the site's header and footer (see the root layout); the server lets other sites frame /embed/ only. */
export const handle = { bare: true, i18n: ["charts", "common", "taxonomy", "trends"] } satisfies I18nHandle & { bare: boolean };
await loadPageSections(handle.i18n);

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Framed on another site, a private deployment's chart needs a signed-in viewer too.
  const user = await requireDashboardReader(request);
  if (!isChartId(params.id)) throw notFound();
  const url = new URL(request.url);
  const lng = await detectLanguage(request);
  const { query, problems } = parseChartQuery(url.searchParams);
  const chart = await loadChart(params.id, new ChartLoadContext(query, lng, chartReaderOf(user)));
  return { lng, query, problems, chart, origin: url.origin };
}

export default function Embed() {
  const { query, problems, chart, origin } = useLoaderData<typeof loader>();
  const lng = useLanguage();
  return (
    <div className="embed">
      <ChartQueryProblems problems={problems} />
      <RegistryChart chart={chart as LoadedChart} query={query} lng={lng} origin={origin} actions={false} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: "Vigía" }];
  const lng = metaLanguage(matches);
  const texts = chartTexts(data.chart as LoadedChart, { t: getFixedT(lng), lng });
  return [{ title: `${texts.title} · Vigía` }, { name: "description", content: texts.subtitle }, { name: "robots", content: "noindex" }];
};
