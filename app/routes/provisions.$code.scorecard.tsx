import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { milestonesInRange } from "~/charts/annual-trend.ts";
import { buildProvisionYearsChart, noneLinked, provisionYearsTable } from "~/charts/provision-years.ts";
import { chartReaderOf } from "~/charts/query.ts";
import { ChartFigure } from "~/components/chart-figure.tsx";
import { MilestoneList } from "~/components/commitment.tsx";
import { ExportLinks } from "~/components/export-links.tsx";
import { ScorecardChoiceForm, ScorecardComparison, ScorecardHeading, ScorecardProblems, ScorecardSources } from "~/components/scorecard.tsx";
import { parseScorecardParams, scorecardQuery } from "~/domain/scorecard-params.ts";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { listMilestones } from "~/models/milestone.server.ts";
import { getScorecard } from "~/models/scorecard.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["charts", "common", "provisions", "provisions.views", "trends"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireDashboardReader(request);
  const lng = await detectLanguage(request);
  const milestones = await listMilestones(lng);
  const choice = parseScorecardParams(new URL(request.url).searchParams, milestones);
  const scorecard = await getScorecard(params.code!, lng, { milestones, milestone: choice.milestone, months: choice.params.months }, chartReaderOf(user));
  if (!scorecard) throw notFound();
  return { ...scorecard, params: choice.params, problems: choice.problems };
}

export default function Scorecard() {
  const { provision, data, milestones, params, problems, pending, afterIncomplete, today } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  const ctx = { t, lng };
  const first = data.rows[0]?.year ?? 2012;
  const last = data.rows.at(-1)?.year ?? first;
  const base = `/provisions/${provision.code}/scorecard`;
  const exportQuery = `${scorecardQuery(params)}&lng=${lng}`;
  return (
    <article className="scorecard">
      <ScorecardHeading provision={provision} />
      <ScorecardChoiceForm milestones={milestones} params={params} lngParam={lng} lng={lng} />
      <ScorecardProblems problems={problems} milestone={data.milestone?.label ?? null} />
      <ScorecardComparison data={data} pending={pending} afterIncomplete={afterIncomplete} today={today} lng={lng} />
      <ChartFigure
        id="scorecard-years"
        title={t("provisions.charts.years.title", { code: provision.code })}
        subtitle={t("provisions.charts.years.subtitle", { from: first, to: last })}
        source={data.source}
        config={buildProvisionYearsChart(data, ctx)}
        table={provisionYearsTable(data, ctx)}
        height={240}
      >
        <ExportLinks
          className="export-links no-print"
          png={`${base}.png?${exportQuery}`}
          csv={`${base}.csv?${exportQuery}`}
          extra={t("provisions.export.printHint")}
        />
        {noneLinked(data.rows) ? <p className="notice">{t("provisions.charts.years.noneLinked")}</p> : null}
        <MilestoneList milestones={milestonesInRange(milestones, first, last).inside} />
      </ChartFigure>
      <ScorecardSources provision={provision} source={data.source} today={today} lng={lng} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? `${t("provisions.scorecard.title")}: ${data.provision.code} · Vigía` : "Vigía" }];
};
