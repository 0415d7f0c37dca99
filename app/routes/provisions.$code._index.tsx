import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { milestonesInRange } from "~/charts/annual-trend.ts";
import { buildProvisionYearsChart, noneLinked, provisionYearRange, provisionYearsTable, shapeProvisionYears } from "~/charts/provision-years.ts";
import { chartReaderOf } from "~/charts/query.ts";
import { ChartFigure } from "~/components/chart-figure.tsx";
import { CommitmentStatus, GapBadge, LocalText, MadeOn, MilestoneList, pillarLabel, SourceLine } from "~/components/commitment.tsx";
import { Untranslated } from "~/components/untranslated.tsx";
import { CaseCell, CaseTable, StateCell } from "~/components/case-cells.tsx";
import { CoverageNote } from "~/components/coverage-note.tsx";
import { LinkLayersLegend } from "~/components/link-layers.tsx";
import { LinkDecisionForm, LinkExplanation, LinkTypeFilter } from "~/components/link-review.tsx";
import { linkedCasesSource, yearHasCaseData } from "~/domain/coverage.ts";
import { isLinkType, type LinkType } from "~/domain/link-type.ts";
import { hasRole, requireDashboardReader } from "~/lib/auth.server.ts";
import { formatDate } from "~/lib/format.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { countLinkedIncidentsByYear, countLinksByStatus, listLinksForProvision } from "~/models/link.server.ts";
import { getCaseCoverage } from "~/models/coverage.server.ts";
import { listMilestones } from "~/models/milestone.server.ts";
import { getProvisionByCode } from "~/models/provision.server.ts";
import { provisionYearsForReader, totalForReader } from "~/models/scorecard.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = {
  i18n: ["charts", "common", "provisions", "provisions.links", "provisions.views", "taxonomy", "trends", "validation"],
} satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [lng, user] = await Promise.all([detectLanguage(request), requireDashboardReader(request)]);
  const provision = await getProvisionByCode(params.code!, lng);
  if (!provision) throw notFound();
  const search = new URL(request.url).searchParams;
  const rawType = search.get("type")?.trim() ?? "";
  const linkType = isLinkType(rawType) ? rawType : undefined;
  // Reviewers' names and rationales only for signed-in readers (decision 021).
  const reader = { signedIn: !!user };
  const [counts, accepted, suggested, years, suggestedYears, milestones, coverage] = await Promise.all([
    countLinksByStatus(provision.id, linkType),
    listLinksForProvision(provision.id, "accepted", lng, reader, { linkType }),
    // Suggestions are public too, each with the rule and the terms behind it, marked as not reviewed.
    listLinksForProvision(provision.id, "suggested", lng, reader, { take: 50, linkType }),
    countLinkedIncidentsByYear(provision.id),
    countLinkedIncidentsByYear(provision.id, {}, "suggested"),
    listMilestones(lng),
    getCaseCoverage(),
  ]);
  const done = search.get("done");
  const range = provisionYearRange([...years, ...suggestedYears], new Date().getUTCFullYear());
  // Small counts of staff records withheld from anonymous readers, totals with them (decision 109).
  const { rows, threshold } = await provisionYearsForReader(
    shapeProvisionYears(years, suggestedYears, range.yearFrom, range.yearTo, (y) => yearHasCaseData(coverage, y)),
    chartReaderOf(user),
  );
  return {
    provision,
    counts: {
      accepted: totalForReader(counts.accepted, rows, "records", threshold),
      suggested: totalForReader(counts.suggested, rows, "suggested", threshold),
      // Rejected links are for signed-in readers only (decision 083).
      rejected: user ? counts.rejected : null,
    },
    accepted,
    suggested,
    range,
    rows,
    smallCountThreshold: threshold,
    milestones,
    coverage,
    linkType: linkType ?? null,
    typeProblem: rawType && !linkType ? rawType : null,
    signedIn: !!user,
    canReview: hasRole(user, "staff"),
    done: done === "accepted" || done === "rejected" ? done : null,
  };
}

export default function ProvisionPage() {
  const { provision, counts, accepted, suggested, range, rows, smallCountThreshold, milestones, coverage, linkType, typeProblem, signedIn, canReview, done } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  const ctx = { t, lng };
  const chartData = { rows, milestones, ...(smallCountThreshold === null ? {} : { smallCountThreshold }) };
  const { inside } = milestonesInRange(milestones, range.yearFrom, range.yearTo);
  const count = (n: number | null) => (n === null ? t("charts.fewerThan", { count: smallCountThreshold ?? 3 }) : n);
  const pillar = pillarLabel(provision.pillar, t, lng);
  const here = `/provisions/${provision.code}`;
  return (
    <article className="provision-page">
      <p className="breadcrumbs small">
        <Link to="/provisions">{t("provisions.list.title")}</Link> › <LocalText value={provision.instrument.name} />
      </p>
      <h1>
        <LocalText value={provision.title} /> {provision.isGap ? <GapBadge /> : null}
      </h1>
      <p className="provision-meta">
        <span className="code">{provision.code}</span> · {t("provisions.pillar")}: {pillar.text}
        {pillar.untranslated ? (
          <>
            {" "}
            <Untranslated />
          </>
        ) : null}{" "}
        · <CommitmentStatus status={provision.status} note={provision.statusNote} /> · <MadeOn date={provision.madeOn} />
      </p>
      {provision.isGap ? <p className="gap-callout">{t("provisions.gapHelp")}</p> : null}
      <LocalText as="p" value={provision.summary} className="provision-text" />
      <p>
        <SourceLine source={provision.source} />
      </p>
      <p className="small">
        {t("provisions.detail.instrument")}: <LocalText value={provision.instrument.name} /> · <SourceLine source={provision.instrument.source} />
      </p>
      <nav className="page-actions" aria-label={t("provisions.detail.actions")}>
        <Link to={`${here}/scorecard`}>{t("provisions.scorecard.title")}</Link>
        <Link to={`/matrix`}>{t("provisions.matrix.title")}</Link>
        {canReview ? <Link to={`${here}/edit`}>{t("provisions.detail.edit")}</Link> : null}
      </nav>
      {done ? (
        <p className="form-success" role="status">
          {t(`provisions.links.done.${done}`)}
        </p>
      ) : null}

      <ChartFigure
        id="provision-years"
        title={t("provisions.charts.years.title", { code: provision.code })}
        subtitle={t("provisions.charts.years.subtitle", { from: range.yearFrom, to: range.yearTo })}
        source={linkedCasesSource(coverage.gwImportedOn, t, (d) => formatDate(d, lng))}
        config={buildProvisionYearsChart(chartData, ctx)}
        table={provisionYearsTable(chartData, ctx)}
        height={280}
      >
        <p>{t("provisions.charts.years.note")}</p>
        {noneLinked(rows) ? <p className="notice">{t("provisions.charts.years.noneLinked")}</p> : null}
        {smallCountThreshold !== null ? <p className="small">{t("charts.smallLinkCountsNote", { count: smallCountThreshold })}</p> : null}
        <CoverageNote coverage={coverage} />
        <MilestoneList milestones={inside} />
      </ChartFigure>

      <LinkLayersLegend id="layers-legend" />
      <LinkTypeFilterForm linkType={linkType} problem={typeProblem} />

      <section aria-labelledby="accepted-title" className="layer-accepted-section">
        <h2 id="accepted-title">
          {t("provisions.detail.acceptedTitle")} ({count(counts.accepted)})
        </h2>
        {accepted.length === 0 ? (
          <p className="muted">{t("provisions.detail.noAccepted")}</p>
        ) : (
          <CaseTable
            caption={t("provisions.detail.acceptedCaption", { code: provision.code })}
            rows={accepted}
            incident={(l) => l.incident}
            columns={[
              { header: t("provisions.linkTypes.label"), cell: (l) => t(`provisions.linkTypes.types.${l.linkType}`) },
              { header: t("provisions.links.method"), cell: (l) => t(`provisions.links.methods.${l.method}`) },
              ...(signedIn
                ? [{ header: t("provisions.links.rationale"), cell: (l: (typeof accepted)[number]) => l.rationale ?? <span className="muted">—</span> }]
                : []),
            ]}
          />
        )}
        {counts.accepted !== null && counts.accepted > accepted.length ? (
          <p className="small">{t("provisions.detail.more", { shown: accepted.length, total: counts.accepted })}</p>
        ) : null}
      </section>

      <section aria-labelledby="suggested-title" className="layer-suggested-section">
        <h2 id="suggested-title">
          {t("provisions.detail.suggestedTitle")} ({count(counts.suggested)})
        </h2>
        <p className="small">{t("provisions.layers.publicSuggestions")}</p>
        {suggested.length === 0 ? (
          <p className="muted">{t("provisions.detail.noSuggested")}</p>
        ) : (
          <ul className="link-list">
            {suggested.map((l) => (
              <li key={l.id} className="link-item link-suggested" id={`link-${l.id}`}>
                <h3 className="link-title">
                  <CaseCell incident={l.incident} /> · <time dateTime={l.incident.occurredOn}>{formatDate(l.incident.occurredOn, lng)}</time> ·{" "}
                  <StateCell incident={l.incident} /> · {t(`taxonomy.sector.${l.incident.sector}`)}
                </h3>
                <LinkExplanation link={l} />
                {canReview ? <LinkDecisionForm link={l} redirectTo={here} /> : null}
              </li>
            ))}
          </ul>
        )}
        {counts.suggested !== null && counts.suggested > suggested.length ? (
          <p className="small">{t("provisions.detail.more", { shown: suggested.length, total: counts.suggested })}</p>
        ) : null}
      </section>

      <section aria-labelledby="terms-title">
        <h2 id="terms-title">{t("provisions.detail.termsTitle")}</h2>
        <p className="small">{t("provisions.detail.termsIntro")}</p>
        <div className="terms-columns">
          <TermList lng="en" terms={provision.termsEn} />
          <TermList lng="es" terms={provision.termsEs} />
        </div>
      </section>
    </article>
  );
}

/** Only the links of one type, as a GET form that works without JavaScript. */
function LinkTypeFilterForm({ linkType, problem }: { linkType: LinkType | null; problem: string | null }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filter-form" aria-label={t("provisions.linkTypes.filter")}>
      <LinkTypeFilter value={linkType} />
      <button type="submit" className="button-secondary">
        {t("provisions.filters.apply")}
      </button>
      {problem ? (
        <p className="form-error" role="alert">
          {t("provisions.filters.problems.unknownCode", { value: problem, param: "type" })}
        </p>
      ) : null}
    </Form>
  );
}

/** The words that suggest this provision for a case, in one language. */
function TermList({ lng, terms }: { lng: "en" | "es"; terms: string[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <h3 className="small-heading">{t(`app.languages.${lng}`)}</h3>
      {terms.length ? (
        <ul className="term-chips" lang={lng}>
          {terms.map((term) => (
            <li key={term}>{term}</li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t("provisions.detail.noTerms")}</p>
      )}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? `${data.provision.title.text} · ${t("provisions.list.title")} · Vigía` : "Vigía" }];
};
