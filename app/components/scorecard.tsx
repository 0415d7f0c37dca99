// The parts of a provision's scorecard page: what the provision is, the choice of
// milestone and window (a GET form), the before/after figures and the sources.
// The chart is a ChartFigure of the provision's yearly counts.
import { Form, Link } from "@remix-run/react";
import { lastDay, milestoneWords, type ScorecardData } from "~/charts/provision-years.ts";
import type { Count } from "~/charts/small-counts.ts";
import { MAX_MONTHS, type ScorecardParams, type ScorecardProblem } from "~/domain/scorecard-params.ts";
import { formatDate, formatNumber } from "~/lib/format.ts";
import { type Language, useTranslation } from "~/lib/i18n.ts";
import type { ProvisionDetail } from "~/models/provision.server.ts";
import { CommitmentStatus, GapBadge, LocalText, MadeOn, SourceLine } from "./commitment.tsx";

type MilestoneOption = { key: string; date: string; label: string };

/** Breadcrumbs, the provision's title, code, instrument, status, date made and summary. */
export function ScorecardHeading({ provision }: { provision: ProvisionDetail }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** The milestone and the months on each side, as a GET form; nothing to choose when no milestone exists. */
export function ScorecardChoiceForm({
  milestones,
  params,
  lngParam,
  lng,
}: {
  milestones: MilestoneOption[];
  params: ScorecardParams;
  lngParam: Language;
  lng: Language;
}) {
  const { t } = useTranslation();
  if (!milestones.length) return null;
  return (
    <Form method="get" className="filter-form no-print" aria-label={t("provisions.scorecard.formLabel")}>
      {lngParam !== "en" ? <input type="hidden" name="lng" value={lngParam} /> : null}
      <label>
        {t("provisions.scorecard.milestone")}
        <select name="milestone" defaultValue={params.milestoneKey ?? undefined}>
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
  );
}

/** What was wrong with the choices in the address, and what is shown instead. */
export function ScorecardProblems({ problems, milestone }: { problems: ScorecardProblem[]; milestone: string | null }) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <div className="form-error" role="alert">
      {problems.map((p) => (
        <p key={p.param}>
          {p.param === "milestone" && !milestone
            ? t("provisions.scorecard.problems.milestoneNone", { value: p.value })
            : t(`provisions.scorecard.problems.${p.param}`, { value: p.value, milestone })}
        </p>
      ))}
    </div>
  );
}

function Headline({
  id,
  value,
  suggested,
  label,
  meta,
  note,
  context,
}: {
  id: string;
  value: string | null;
  /** The suggestions of the same period: their own line, never added to the value */
  suggested?: string | null;
  label: string;
  meta?: string;
  note?: string | null;
  /** For a period without case records: the published figures of its years */
  context?: string[];
}) {
  return (
    <div className="headline" id={id}>
      <p className={value === null ? "headline-value muted" : "headline-value"}>{value ?? "—"}</p>
      <p className="headline-label">{label}</p>
      {suggested ? <p className="headline-suggested layer-suggested">{suggested}</p> : null}
      {meta ? <p className="headline-meta">{meta}</p> : null}
      {note ? <p className="headline-note">{note}</p> : null}
      {context?.map((line) => (
        <p key={line} className="headline-context small">
          {line}
        </p>
      ))}
    </div>
  );
}

/** Before and after the milestone, and since the commitment was made; each figure with its period, its suggestions apart, and "no case-level data" where nothing covers it. */
export function ScorecardComparison({
  data,
  pending,
  afterIncomplete,
  today,
  lng,
}: {
  data: ScorecardData;
  /** null: withheld (decision 109) */
  pending: Count;
  afterIncomplete: boolean;
  today: string;
  lng: Language;
}) {
  const { t } = useTranslation();
  const period = (window: { from: string; to: string }) =>
    t("provisions.scorecard.periodRange", { from: formatDate(window.from, lng), to: formatDate(lastDay(window.to), lng) });
  // Not covered: "no case-level data"; withheld (decision 109): "fewer than N", in each layer apart.
  const threshold = data.smallCountThreshold ?? 3;
  const value = (w: { covered: boolean; records: Count }) =>
    !w.covered ? t("provisions.coverage.noCaseData") : w.records === null ? t("charts.fewerThan", { count: threshold }) : formatNumber(w.records, lng);
  const suggested = (w: { covered: boolean; suggested: Count }) =>
    !w.covered
      ? null
      : w.suggested === null
        ? t("provisions.scorecard.windowSuggestedWithheld", { count: threshold })
        : t("provisions.scorecard.windowSuggested", { count: w.suggested });
  const { milestone, before, after, sinceMade } = data;
  return (
    <section aria-labelledby="comparison-title" className="scorecard-figures">
      <h2 id="comparison-title">
        {milestone ? t("provisions.scorecard.comparisonTitle", { milestone: milestoneWords(milestone, lng) }) : t("provisions.scorecard.formLabel")}
      </h2>
      {milestone ? null : (
        <p className="notice" role="note">
          {t("provisions.scorecard.noMilestone")}
        </p>
      )}
      <div className="headline-grid">
        {milestone && before && after ? (
          <>
            <Headline
              id="scorecard-before"
              value={value(before)}
              suggested={suggested(before)}
              label={t("provisions.scorecard.before", { count: data.months, milestone: milestone.label })}
              meta={period(before)}
              note={!before.covered ? t("provisions.coverage.noCaseDataWindow") : null}
              context={before.published}
            />
            <Headline
              id="scorecard-after"
              value={value(after)}
              suggested={suggested(after)}
              label={t("provisions.scorecard.after", { count: data.months, milestone: milestone.label })}
              meta={period(after)}
              note={
                [
                  !after.covered ? t("provisions.coverage.noCaseDataWindow") : null,
                  afterIncomplete ? t("provisions.scorecard.incomplete", { date: formatDate(today, lng) }) : null,
                ]
                  .filter(Boolean)
                  .join(" ") || null
              }
              context={after.published}
            />
          </>
        ) : null}
        <Headline
          id="scorecard-since"
          value={sinceMade ? value(sinceMade) : null}
          suggested={sinceMade ? suggested(sinceMade) : null}
          label={sinceMade ? t("provisions.scorecard.sinceMade", { date: formatDate(sinceMade.from, lng) }) : t("provisions.scorecard.sinceMadeUnknown")}
        />
      </div>
      <p className="small">{t("provisions.scorecard.countNote")}</p>
      {pending === null ? (
        <p className="small">{t("provisions.scorecard.pendingWithheld", { count: threshold })}</p>
      ) : pending ? (
        <p className="small">{t("provisions.scorecard.pending", { count: pending })}</p>
      ) : null}
      {data.smallCountThreshold ? <p className="small">{t("charts.smallLinkCountsNote", { count: data.smallCountThreshold })}</p> : null}
      <section aria-labelledby="coverage-title" className="coverage-note">
        <h3 id="coverage-title" className="small-heading">
          {t("provisions.coverage.title")}
        </h3>
        <ul className="small">
          {data.coverage.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </section>
  );
}

/** Where the provision, its instrument and the case records come from, and when this was printed. */
export function ScorecardSources({ provision, source, today, lng }: { provision: ProvisionDetail; source: string; today: string; lng: Language }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sources-title" className="scorecard-sources">
      <h2 id="sources-title">{t("common.sources")}</h2>
      <ul className="small">
        <li>
          <SourceLine source={provision.source} label={t("provisions.scorecard.provisionSource")} />
        </li>
        <li>
          <SourceLine source={provision.instrument.source} label={t("provisions.scorecard.instrumentSource")} />
        </li>
        <li>{source}</li>
      </ul>
      <p className="small muted">{t("provisions.scorecard.generated", { date: formatDate(today, lng) })}</p>
    </section>
  );
}
