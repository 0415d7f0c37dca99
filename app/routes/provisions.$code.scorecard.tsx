import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { milestonesInRange } from "~/charts/annual-trend.ts";
import { buildProvisionYearsChart, lastDay, provisionYearsTable } from "~/charts/provision-years.ts";
import { ChartFigure } from "~/components/chart-figure.tsx";
import { CommitmentStatus, GapBadge, LocalText, MadeOn, MilestoneList, SourceLine } from "~/components/commitment.tsx";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { formatDate, formatNumber } from "~/lib/format.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { MAX_MONTHS, scorecardQuery } from "~/domain/scorecard-params.ts";
import { getScorecard } from "~/models/scorecard.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const lng = await detectLanguage(request);
  const scorecard = await getScorecard(params.code!, lng, new URL(request.url).searchParams);
  if (!scorecard) throw notFound();
  return scorecard;
}

export default function Scorecard() {
  const { provision, data, milestones, params, problems, pending, afterIncomplete, today } = useLoaderData<typeof loader>();
  const lng = useLanguage();
  const { t } = useTranslation();
  const ctx = { t, lng };
  const first = data.rows[0]?.year ?? 2012;
  const last = data.rows.at(-1)?.year ?? first;
  const { inside } = milestonesInRange(milestones, first, last);
  const chartTotal = data.rows.reduce((sum, r) => sum + r.records, 0);
  const query = scorecardQuery(params);
  const base = `/provisions/${provision.code}/scorecard`;
  const milestoneText = `${data.milestone.label} (${formatDate(data.milestone.date, lng)})`;
  const period = (from: string, toExclusive: string) =>
    t("provisions.scorecard.periodRange", { from: formatDate(from, lng), to: formatDate(lastDay(toExclusive), lng) });
  return (
    <article className="scorecard">
      <p className="breadcrumbs small no-print">
        <Link to="/provisions">{t("provisions.list.title")}</Link> › <Link to={`/provisions/${provision.code}`}>{provision.code}</Link>
      </p>
      <h1>
        {t("provisions.scorecard.title")}: <LocalText value={provision.title} /> {provision.isGap ? <GapBadge /> : null}
      </h1>
      <p className="provision-meta">
        <span className="code">{provision.code}</span> · <LocalText value={provision.instrument.name} />
      </p>
      <p className="provision-meta">
        <CommitmentStatus status={provision.status} note={provision.statusNote} /> · <MadeOn date={provision.madeOn} />
      </p>
      <LocalText as="p" value={provision.summary} className="provision-text" />

      <Form method="get" className="filter-form no-print" aria-label={t("provisions.scorecard.formLabel")}>
        {lng !== "en" ? <input type="hidden" name="lng" value={lng} /> : null}
        <label>
          {t("provisions.scorecard.milestone")}
          <select name="milestone" defaultValue={params.milestoneKey}>
            {milestones.map((m) => (
              <option key={m.key} value={m.key}>
                {formatDate(m.date, lng)}: {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("provisions.scorecard.months")}
          <input type="number" name="months" min={1} max={MAX_MONTHS} defaultValue={params.months} inputMode="numeric" />
        </label>
        <button type="submit" className="button-secondary">
          {t("provisions.filters.apply")}
        </button>
      </Form>
      {problems.length ? (
        <div className="form-error" role="alert">
          {problems.map((p) => (
            <p key={p.param}>{t(`provisions.scorecard.problems.${p.param}`, { value: p.value })}</p>
          ))}
        </div>
      ) : null}

      <section aria-labelledby="comparison-title" className="scorecard-figures">
        <h2 id="comparison-title">{t("provisions.scorecard.comparisonTitle", { milestone: milestoneText })}</h2>
        <div className="headline-grid">
          <div className="headline" id="scorecard-before">
            <p className="headline-value">{formatNumber(data.before.records, lng)}</p>
            <p className="headline-label">{t("provisions.scorecard.before", { count: data.months, milestone: data.milestone.label })}</p>
            <p className="headline-meta">{period(data.before.from, data.before.to)}</p>
          </div>
          <div className="headline" id="scorecard-after">
            <p className="headline-value">{formatNumber(data.after.records, lng)}</p>
            <p className="headline-label">{t("provisions.scorecard.after", { count: data.months, milestone: data.milestone.label })}</p>
            <p className="headline-meta">{period(data.after.from, data.after.to)}</p>
            {afterIncomplete ? <p className="headline-note">{t("provisions.scorecard.incomplete", { date: formatDate(today, lng) })}</p> : null}
          </div>
          <div className="headline" id="scorecard-since">
            {data.sinceMade ? (
              <>
                <p className="headline-value">{formatNumber(data.sinceMade.records, lng)}</p>
                <p className="headline-label">{t("provisions.scorecard.sinceMade", { date: formatDate(data.sinceMade.from, lng) })}</p>
              </>
            ) : (
              <>
                <p className="headline-value muted">—</p>
                <p className="headline-label">{t("provisions.scorecard.sinceMadeUnknown")}</p>
              </>
            )}
          </div>
        </div>
        <p className="small">{t("provisions.scorecard.countNote")}</p>
        {pending ? <p className="small">{t("provisions.scorecard.pending", { count: pending })}</p> : null}
      </section>

      <ChartFigure
        id="scorecard-years"
        title={t("provisions.charts.years.title", { code: provision.code })}
        subtitle={t("provisions.charts.years.subtitle", { from: first, to: last })}
        source={t("provisions.charts.years.source")}
        config={buildProvisionYearsChart(data, ctx)}
        table={provisionYearsTable(data, ctx)}
        height={240}
      >
        <p className="export-links no-print">
          <a href={`${base}.png?${query}&lng=${lng}`} download>
            {t("provisions.export.png")}
          </a>{" "}
          ·{" "}
          <a href={`${base}.csv?${query}&lng=${lng}`} download>
            {t("provisions.export.csv")}
          </a>{" "}
          · <span className="muted">{t("provisions.export.printHint")}</span>
        </p>
        {chartTotal === 0 ? <p className="notice">{t("provisions.charts.years.noneLinked")}</p> : null}
        <MilestoneList milestones={inside} />
      </ChartFigure>

      <section aria-labelledby="sources-title" className="scorecard-sources">
        <h2 id="sources-title">{t("common.sources")}</h2>
        <ul className="small">
          <li>
            <SourceLine source={provision.source} label={t("provisions.scorecard.provisionSource")} />
          </li>
          <li>
            <SourceLine source={provision.instrument.source} label={t("provisions.scorecard.instrumentSource")} />
          </li>
          <li>{t("provisions.scorecard.casesSource")}</li>
        </ul>
        <p className="small muted">{t("provisions.scorecard.generated", { date: formatDate(today, lng) })}</p>
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? `${t("provisions.scorecard.title")}: ${data.provision.code} · Vigía` : "Vigía" }];
};
