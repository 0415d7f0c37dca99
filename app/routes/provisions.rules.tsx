// /provisions/rules: the link suggestion rules, in words, as the data file holds
// them; how the text signal and the score work; and (admins) the button that
// runs the rules over every case record.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "~/lib/translate.ts";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { hasRole, requireDashboardReader, requireUserForAction } from "~/lib/auth.server.ts";
import { formatDate, formatNumber } from "~/lib/format.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { countryNames } from "~/domain/countries.server.ts";
import { LINK_RULES, RULE_FIELDS, RULE_POINTS, type LinkRule } from "~/domain/link-rules.ts";
import { createLinkSuggestionJob, listLinkSuggestionJobs, startLinkSuggestionJobInBackground } from "~/models/link-job.server.ts";
import { listProvisionOptions } from "~/models/provision.server.ts";
import { type Language, loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["provisions.links", "provisions.views", "taxonomy"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  const [lng, user] = await Promise.all([detectLanguage(request), requireDashboardReader(request)]);
  const isAdmin = hasRole(user, "admin");
  const [provisions, jobs] = await Promise.all([listProvisionOptions(lng), isAdmin ? listLinkSuggestionJobs(5) : Promise.resolve([])]);
  const countryCodes = LINK_RULES.rules.flatMap((r) => [...(r.when.companyCountry ?? []), ...(r.when.countryCode ?? [])]);
  return { rules: LINK_RULES, provisions, isAdmin, jobs, countries: countryNames(countryCodes, lng) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireUserForAction(request, "admin");
  const { job, alreadyRunning } = await createLinkSuggestionJob(user.id);
  if (!alreadyRunning) startLinkSuggestionJobInBackground(job.id);
  return redirect(`/provisions/suggest/${job.id}`);
}

export default function Rules() {
  const { rules, isAdmin } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="rules-page">
      <p className="breadcrumbs small">
        <Link to="/provisions">{t("provisions.list.title")}</Link>
      </p>
      <h1>{t("provisions.rules.title")}</h1>
      <p className="lede">{t("provisions.rules.intro")}</p>
      <p className="small">
        {t("provisions.rules.version", { version: rules.version })} · <code>app/data/link-rules.json</code>
      </p>
      {isAdmin ? <RunRules /> : null}
      <RuleList />
      <TextSignal />
      <Score />
      <RuleChanges />
    </div>
  );
}

/** Admins: the button that runs the rules over every case record, and the last runs. */
function RunRules() {
  const { jobs } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <section className="admin-box" aria-labelledby="run-title">
      <h2 id="run-title">{t("provisions.rules.runTitle")}</h2>
      <p>{t("provisions.rules.runIntro")}</p>
      <Form method="post">
        <CsrfInput />
        <button type="submit" className="button-primary">
          {t("provisions.rules.runButton")}
        </button>
      </Form>
      {jobs.length ? (
        <>
          <h3 className="small-heading">{t("provisions.rules.recentRuns")}</h3>
          <ul className="small">
            {jobs.map((j) => (
              <li key={j.id}>
                <Link to={`/provisions/suggest/${j.id}`}>{formatDate(j.createdAt.slice(0, 10), lng)}</Link>:{" "}
                {t(`provisions.suggest.statuses.${j.stalled ? "stalled" : j.status}`)} ·{" "}
                {t("provisions.suggest.progress", { processed: formatNumber(j.processed, lng), total: formatNumber(j.total, lng) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function RuleList() {
  const { rules } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="rules-list-title">
      <h2 id="rules-list-title">{t("provisions.rules.listTitle")}</h2>
      <ol className="rule-list">
        {rules.rules.map((rule) => (
          <RuleItem key={rule.code} rule={rule} />
        ))}
      </ol>
    </section>
  );
}

/** One rule: when it fires (in words), what it suggests, and why. */
function RuleItem({ rule }: { rule: LinkRule }) {
  const { provisions, countries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  const byCode = new Map(provisions.map((p) => [p.code, p]));
  const conditions = conditionText(rule, t, lng, countries);
  return (
    <li id={`rule-${rule.code}`} className="rule">
      <h3>
        <code>{rule.code}</code>
      </h3>
      <p>{rule.description[lng]}</p>
      <dl>
        <dt>{t("provisions.rules.when")}</dt>
        <dd>
          {conditions.length ? (
            <ul>
              {conditions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : (
            t("provisions.rules.always")
          )}
        </dd>
        <dt>{t("provisions.rules.suggests")}</dt>
        <dd>
          <ul>
            {rule.provisions.map((code) => {
              const p = byCode.get(code);
              return (
                <li key={code}>
                  {p ? (
                    <Link to={`/provisions/${code}`}>
                      <span className="code">{code}</span> {p.title}
                    </Link>
                  ) : (
                    <>
                      <span className="code">{code}</span> <span className="muted">{t("provisions.rules.missingProvision")}</span>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </dd>
        <dt>{t("provisions.rules.why")}</dt>
        <dd>{rule.why[lng]}</dd>
        <dt>{t("provisions.linkTypes.ruleProposes")}</dt>
        <dd>{!rule.linkType || rule.linkType === "by-date" ? t("provisions.linkTypes.byDate") : t(`provisions.linkTypes.types.${rule.linkType}`)}</dd>
      </dl>
    </li>
  );
}

function conditionText(rule: LinkRule, t: TFunction, lng: Language, countries: Record<string, string>): string[] {
  return RULE_FIELDS.flatMap((field) => {
    const values = rule.when[field] as string[] | undefined;
    if (!values) return [];
    const labels = values.map((v) => {
      switch (field) {
        case "sector":
          return t(`taxonomy.sector.${v}`);
        case "perpetratorType":
          return t(`taxonomy.perpetrator.${v}`);
        case "characteristic":
          return t(`taxonomy.characteristic.${v}`);
        default:
          return countries[v] ?? v;
      }
    });
    return [t(`provisions.rules.fields.${field}`, { values: new Intl.ListFormat(lng, { type: "disjunction" }).format(labels) })];
  });
}

function TextSignal() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="text-signal-title">
      <h2 id="text-signal-title">{t("provisions.rules.textTitle")}</h2>
      <p>{t("provisions.rules.textIntro")}</p>
      <ul>
        <li>{t("provisions.rules.textAccents")}</li>
        <li>{t("provisions.rules.textWords")}</li>
        <li>{t("provisions.rules.textPlurals")}</li>
        <li>{t("provisions.rules.textPhrases")}</li>
      </ul>
      <p>{t("provisions.rules.textWhere")}</p>
    </section>
  );
}

function Score() {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <section aria-labelledby="score-title">
      <h2 id="score-title">{t("provisions.rules.scoreTitle")}</h2>
      <p>{t("provisions.rules.score", { rule: formatNumber(RULE_POINTS, lng), word: formatNumber(0.5, lng), phrase: formatNumber(1, lng) })}</p>
      <p>{t("provisions.rules.decisions")}</p>
    </section>
  );
}

function RuleChanges() {
  const { rules } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <section aria-labelledby="changes-title">
      <h2 id="changes-title">{t("provisions.rules.changesTitle")}</h2>
      <ul className="small">
        {rules.changes.map((c) => (
          <li key={c.version}>
            <code>{c.version}</code>: {c.note[lng]}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("provisions.rules.title")} · Vigía` }];
