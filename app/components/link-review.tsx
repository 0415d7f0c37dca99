// Links between one case record and provisions: each suggestion with its
// explanation (rules that fired, terms that matched, score), and the forms staff
// use to accept or reject it with a rationale or to link a provision by hand.
// Every form posts to /incidents/<id>/links, so the panel can be mounted on any
// page (the case page, a provision page) and works without JavaScript.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n.ts";
import { useLanguage } from "~/lib/language.ts";
import { fieldId, scopeErrors, type FieldErrors } from "~/lib/form-errors.ts";
import { formatDate, formatNumber } from "~/lib/format.ts";
import type { RuleFired } from "~/domain/link-rules.ts";
import { LINK_TYPES, type LinkType } from "~/domain/link-type.ts";
import { RATIONALE_MAX, RATIONALE_MIN } from "~/domain/link-rationale.ts";
import type { LinkView } from "~/models/link.server.ts";
import { CommitmentStatus, GapBadge } from "./commitment.tsx";
import { Untranslated } from "./untranslated.tsx";
import { CsrfInput } from "./csrf-input.tsx";
import { FieldMessage, fieldProps, useFocusWhen } from "./form-errors.tsx";

/** What the link action answers when it cannot save (nothing typed is lost). */
export interface LinkActionData {
  intent: "accept" | "reject" | "link";
  linkId?: string;
  values: { rationale?: string; provisionId?: string; linkType?: string };
  errors: FieldErrors | null;
  /** Refused because the link is no longer as the reviewer saw it (409) */
  conflict: "decidedMeanwhile" | "linkExists" | null;
}

/** Why a link was suggested, in words: rules, matched terms, score. */
export function LinkExplanation({ link }: { link: LinkView }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <dl className="link-explanation">
      <div>
        <dt>{t("provisions.links.method")}</dt>
        <dd>{t(`provisions.links.methods.${link.method}`)}</dd>
      </div>
      <div>
        <dt>{link.status === "suggested" ? t("provisions.linkTypes.proposed") : t("provisions.linkTypes.label")}</dt>
        <dd className="link-type">{t(`provisions.linkTypes.types.${link.linkType}`)}</dd>
      </div>
      {link.method !== "person" ? (
        <>
          <div>
            <dt>{t("provisions.links.rulesFired")}</dt>
            <dd>
              {link.rules.length ? (
                <ul>
                  {link.rules.map((rule) => (
                    <RuleItem key={rule.code} rule={rule} />
                  ))}
                </ul>
              ) : (
                <span className="muted">{t("provisions.links.noRule")}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("provisions.links.matchedTerms")}</dt>
            <dd>
              {link.matchedTerms.length ? (
                <ul className="term-list">
                  {link.matchedTerms.map((m) => (
                    <li key={`${m.lang}:${m.term}`}>
                      <span lang={m.lang}>«{m.term}»</span> <span className="muted">({t(`app.languages.${m.lang}`)})</span>
                      {m.found.length && m.found.some((f) => f !== m.term) ? (
                        <span className="muted"> {t("provisions.links.foundAs", { text: m.found.map((f) => `«${f}»`).join(", ") })}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">{t("provisions.links.noTerms")}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t("provisions.links.score")}</dt>
            <dd>{link.score === null ? "—" : formatNumber(link.score, lng)}</dd>
          </div>
        </>
      ) : null}
      {link.status !== "suggested" ? (
        <div>
          <dt>{t("provisions.links.decision")}</dt>
          <dd>
            {t(`provisions.links.statuses.${link.status}`)}
            {link.reviewedBy ? ` · ${link.reviewedBy}` : ""}
            {link.reviewedAt ? ` · ${formatDate(link.reviewedAt.slice(0, 10), lng)}` : ""}
            {link.rationale ? (
              <blockquote className="rationale">
                {t("provisions.links.rationale")}: {link.rationale}
              </blockquote>
            ) : null}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Accept or reject a suggestion, or reverse a decision, with a rationale. */
export function LinkDecisionForm({ link, redirectTo, actionData }: { link: LinkView; redirectTo: string; actionData?: LinkActionData | null }) {
  const { t } = useTranslation();
  const mine = actionData && actionData.linkId === link.id ? actionData : null;
  // One form per link on the page: its field ids are scoped by the link.
  const errors = scopeErrors(mine?.errors, link.id);
  const path = `${link.id}.rationale`;
  const rationale = useFocusWhen<HTMLTextAreaElement>(errors?.[path] ? mine : null);
  return (
    <Form
      method="post"
      action={`/incidents/${link.incidentId}/links`}
      className="link-decision"
      aria-label={t("provisions.links.reviewFormLabel", { code: link.provision.code })}
    >
      <CsrfInput />
      <input type="hidden" name="linkId" value={link.id} />
      <input type="hidden" name="expectedStatus" value={link.status} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {mine?.conflict ? (
        <p className="form-error" role="alert">
          {t(`provisions.links.conflicts.${mine.conflict}`)}
        </p>
      ) : null}
      <label htmlFor={fieldId(path)}>{link.status === "suggested" ? t("provisions.links.rationaleLabel") : t("provisions.links.reverseRationaleLabel")}</label>
      <textarea
        {...fieldProps(path, errors)}
        ref={rationale}
        name="rationale"
        rows={2}
        required
        minLength={RATIONALE_MIN}
        maxLength={RATIONALE_MAX}
        defaultValue={mine?.values.rationale ?? ""}
      />
      <FieldMessage path={path} errors={errors} />
      <LinkTypeSelect id={fieldId(`${link.id}.linkType`)} defaultValue={mine?.values.linkType ?? link.linkType} />
      <div className="button-row">
        {link.status !== "accepted" ? (
          <button type="submit" name="intent" value="accept" className="button-primary">
            {link.status === "suggested" ? t("provisions.links.accept") : t("provisions.links.acceptInstead")}
          </button>
        ) : null}
        {link.status !== "rejected" ? (
          <button type="submit" name="intent" value="reject" className="button-secondary">
            {link.status === "suggested" ? t("provisions.links.reject") : t("provisions.links.rejectInstead")}
          </button>
        ) : null}
      </div>
    </Form>
  );
}

/** The filter "type of link" of a GET form (the matrix, a provision page): every type, or one. */
export function LinkTypeFilter({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <label>
      {t("provisions.linkTypes.filter")}
      <select name="type" defaultValue={value ?? ""}>
        <option value="">{t("provisions.linkTypes.all")}</option>
        {LINK_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`provisions.linkTypes.types.${type}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A rule that suggested a link: its code, linked to the rules page, and what it looks for. */
export function RuleItem({ rule }: { rule: RuleFired }) {
  return (
    <li>
      <Link to={`/provisions/rules#rule-${rule.code}`}>
        <code>{rule.code}</code>
      </Link>
      : {rule.description}
    </li>
  );
}

/** How the case bears on the provision: the reviewer confirms the proposed type or picks another. */
export function LinkTypeSelect({ id, defaultValue }: { id: string; defaultValue: string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t("provisions.linkTypes.label")}</label>
      <select id={id} name="linkType" defaultValue={(LINK_TYPES as readonly string[]).includes(defaultValue) ? defaultValue : "in_scope"}>
        {LINK_TYPES.map((type: LinkType) => (
          <option key={type} value={type}>
            {t(`provisions.linkTypes.types.${type}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

function ProvisionHeading({ link }: { link: LinkView }) {
  return (
    <h4 className="link-title">
      <Link to={`/provisions/${link.provision.code}`}>
        <span lang={link.provision.untranslated ? "en" : undefined}>{link.provision.title}</span>
      </Link>{" "}
      {link.provision.untranslated ? <Untranslated /> : null} <span className="code">{link.provision.code}</span> {link.provision.isGap ? <GapBadge /> : null}{" "}
      <CommitmentStatus status={link.provision.status} />
    </h4>
  );
}

/** The links of one case: suggestions awaiting review, accepted, rejected, and the form to link by hand. */
export function LinkSuggestionsPanel({
  incidentId,
  links,
  canReview,
  redirectTo,
  provisionOptions,
  actionData,
  headingLevel = 2,
  groups: shown = ["suggested", "accepted", "rejected"],
}: {
  /** The groups shown (anonymous readers get no rejected group) */
  groups?: LinkView["status"][];
  incidentId: string;
  links: LinkView[];
  canReview: boolean;
  redirectTo: string;
  provisionOptions?: { id: string; code: string; title: string; instrument: string }[];
  actionData?: LinkActionData | null;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const H = `h${headingLevel}` as "h2" | "h3";
  const groups = shown.map((status) => ({ status, links: links.filter((l) => l.status === status) }));
  const linked = new Set(links.map((l) => l.provision.id));
  const available = (provisionOptions ?? []).filter((p) => !linked.has(p.id));
  const manual = actionData?.intent === "link" ? actionData : null;
  return (
    <section className="link-panel" aria-labelledby={`links-${incidentId}`}>
      <H id={`links-${incidentId}`}>{t("provisions.links.panelTitle")}</H>
      <p className="small">
        {t("provisions.links.panelIntro")} <Link to="/provisions/rules">{t("provisions.links.rulesPage")}</Link>
      </p>
      {groups.map((g) => (
        <div key={g.status} className={`link-group link-group-${g.status}`}>
          <h3 className="small-heading">
            {t(`provisions.links.groups.${g.status}`)} ({g.links.length})
          </h3>
          {g.links.length === 0 ? <p className="muted small">{t("provisions.links.none")}</p> : null}
          <ul className="link-list">
            {g.links.map((link) => (
              <li key={link.id} className={`link-item link-${link.status}`} id={`link-${link.id}`}>
                <ProvisionHeading link={link} />
                <LinkExplanation link={link} />
                {canReview ? (
                  link.status === "suggested" ? (
                    <LinkDecisionForm link={link} redirectTo={redirectTo} actionData={actionData} />
                  ) : (
                    // A decision is changed rarely: the form stays folded away unless it has an error to show.
                    <details className="change-decision" open={actionData?.linkId === link.id}>
                      <summary>{t("provisions.links.changeDecision")}</summary>
                      <LinkDecisionForm link={link} redirectTo={redirectTo} actionData={actionData} />
                    </details>
                  )
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {canReview && provisionOptions ? <ManualLinkForm incidentId={incidentId} redirectTo={redirectTo} available={available} answer={manual} /> : null}
    </section>
  );
}

/** The picker's options grouped under their instrument, in the order given. */
function byInstrument<T extends { instrument: string }>(options: T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const o of options) groups.set(o.instrument, [...(groups.get(o.instrument) ?? []), o]);
  return [...groups];
}

/** Link the case to any provision by hand, with a rationale. */
function ManualLinkForm({
  incidentId,
  redirectTo,
  available,
  answer,
}: {
  incidentId: string;
  redirectTo: string;
  available: { id: string; code: string; title: string; instrument: string }[];
  answer: LinkActionData | null;
}) {
  const { t } = useTranslation();
  const errors = scopeErrors(answer?.errors, `manual-${incidentId}`);
  const provisionPath = `manual-${incidentId}.provisionId`;
  const rationalePath = `manual-${incidentId}.rationale`;
  return (
    <Form method="post" action={`/incidents/${incidentId}/links`} className="manual-link stack" aria-labelledby={`manual-${incidentId}`}>
      <h3 className="small-heading" id={`manual-${incidentId}`}>
        {t("provisions.links.manualTitle")}
      </h3>
      <p className="small">{t("provisions.links.manualIntro")}</p>
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {answer?.conflict ? (
        <p className="form-error" role="alert">
          {t(`provisions.links.conflicts.${answer.conflict}`)}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={fieldId(provisionPath)}>{t("provisions.links.provision")}</label>
        <select {...fieldProps(provisionPath, errors)} name="provisionId" defaultValue={answer?.values.provisionId ?? ""} required>
          <option value="">{t("provisions.links.chooseProvision")}</option>
          {byInstrument(available).map(([instrument, options]) => (
            <optgroup key={instrument} label={instrument}>
              {options.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.code} · {p.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        <FieldMessage path={provisionPath} errors={errors} />
      </div>
      <div className="field">
        <label htmlFor={fieldId(rationalePath)}>{t("provisions.links.rationaleLabel")}</label>
        <textarea
          {...fieldProps(rationalePath, errors)}
          name="rationale"
          rows={2}
          required
          minLength={RATIONALE_MIN}
          maxLength={RATIONALE_MAX}
          defaultValue={answer?.values.rationale ?? ""}
        />
        <FieldMessage path={rationalePath} errors={errors} />
      </div>
      <LinkTypeSelect id={fieldId(`manual-${incidentId}.linkType`)} defaultValue={answer?.values.linkType ?? "in_scope"} />
      <div>
        <button type="submit" name="intent" value="link" className="button-primary">
          {t("provisions.links.manualSubmit")}
        </button>
      </div>
    </Form>
  );
}
