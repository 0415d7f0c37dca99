import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import type { TFunction } from "~/lib/translate.ts";
import { AuditActor, AuditChanges, auditCountryCodes } from "~/components/audit-changes.tsx";
import { CaseRecordRows, RecordRow as Row } from "~/components/case-record.tsx";
import { AsWritten } from "~/components/gw-import.tsx";
import { readUnmapped } from "~/domain/gw-unmapped.ts";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { FieldMessage, fieldProps, FormMessage } from "~/components/form-errors.tsx";
import { LinkSuggestionsPanel } from "~/components/link-review.tsx";
import { countryNames } from "~/domain/countries.server.ts";
import { incidentDate, stateName } from "~/domain/incident-format.ts";
import { VERIFICATION_STATUSES } from "~/domain/taxonomy.ts";
import { hasRole, requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { fieldId, type FieldErrors } from "~/lib/form-errors.ts";
import { readForm } from "~/lib/form.ts";
import { formatDateTime } from "~/lib/format.ts";
import { notFound } from "~/lib/http.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { listEntityHistory } from "~/models/audit.server.ts";
import { VERIFICATION_NOTE_MAX, verificationSchema } from "~/models/incident.schema.ts";
import {
  getIncidentForStaff,
  getIncidentPublic,
  restoreIncident,
  softDeleteIncident,
  verifyIncident,
  mustVerifyAsSomeoneElse,
  type PublicIncident,
  type StaffIncident,
} from "~/models/incident.server.ts";
import { listLinksForIncident } from "~/models/link.server.ts";
import { listProvisionOptions } from "~/models/provision.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = {
  i18n: ["admin.audit", "charts", "common", "gwImport", "incidents", "provisions", "provisions.links", "taxonomy", "validation"],
} satisfies I18nHandle;
await loadPageSections(handle.i18n);

const DONE = ["created", "saved", "verified", "deleted", "restored"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "viewer");
  const lng = await detectLanguage(request);
  // Country names come from the server (see countries.server.ts).
  const doneParam = new URL(request.url).searchParams.get("done");
  const done = (DONE as readonly string[]).includes(doneParam ?? "") ? (doneParam as (typeof DONE)[number]) : null;
  if (hasRole(user, "staff")) {
    const incident = await getIncidentForStaff(params.id!);
    if (!incident) throw notFound();
    const history = await listEntityHistory("incident", incident.id);
    const countries = countryNames([...auditCountryCodes(history), incident.countryCode, ...(incident.companyCountry ? [incident.companyCountry] : [])], lng);
    const [links, provisionOptions] = incident.deletedAt
      ? [[], []]
      : await Promise.all([listLinksForIncident(incident.id, lng, { signedIn: true }), listProvisionOptions(lng)]);
    const ownCase = mustVerifyAsSomeoneElse(incident.createdBy?.id ?? null, user.id);
    return { done, staff: true as const, admin: hasRole(user, "admin"), incident, history, countries, links, provisionOptions, ownCase };
  }
  // Viewers get the public shape only: no staff-only field is ever loaded for them.
  const incident = await getIncidentPublic(params.id!);
  if (!incident) throw notFound();
  const countries = countryNames([incident.countryCode, ...(incident.companyCountry ? [incident.companyCountry] : [])], lng);
  const links = await listLinksForIncident(incident.id, lng, { signedIn: true });
  return { done, staff: false as const, admin: false, incident, history: null, countries, links, provisionOptions: null, ownCase: false };
}

interface VerifyResult {
  errors: FieldErrors | null;
  values: { status: string; note: string; version: string };
  conflictVersion: number | null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  const id = params.id!;
  const intent = String(form.get("intent") ?? "");
  if (!(await getIncidentForStaff(id))) throw notFound();
  if (intent === "delete") {
    await softDeleteIncident(id, user.id);
    return redirect(`/incidents/${id}?done=deleted`);
  }
  if (intent === "restore") {
    await restoreIncident(id, user.id);
    return redirect(`/incidents/${id}?done=restored`);
  }
  if (intent !== "verify") throw new Response("Unknown action", { status: 400 });
  const submission = readForm(form, verificationSchema);
  const answer: VerifyResult = { errors: null, values: submission.values, conflictVersion: null };
  if (!submission.ok) return data<VerifyResult>({ ...answer, errors: submission.errors }, { status: 400 });
  const decision = { status: submission.data.status, note: submission.data.note || null };
  const result = await verifyIncident(id, Number(submission.data.version), decision, user.id);
  if (result.ok) return redirect(`/incidents/${id}?done=verified`);
  if (result.errors) return data<VerifyResult>({ ...answer, errors: result.errors }, { status: 400 });
  // Refused: the case changed since the reviewer opened it (0: it was deleted meanwhile).
  return data<VerifyResult>({ ...answer, conflictVersion: result.conflict?.version ?? 0 }, { status: 409 });
}

/** What every reader of a case sees the same way, whether viewer or staff. */
type CaseView = PublicIncident & Partial<StaffIncident>;

export default function CasePage() {
  const loaded = useLoaderData<typeof loader>();
  const verify = useActionData<typeof action>() as VerifyResult | undefined;
  const incident = loaded.incident as unknown as CaseView;
  return (
    <article className="case-page">
      <CaseHeader incident={incident} staff={loaded.staff} done={loaded.done} />
      {loaded.staff ? <CaseToolbar incident={incident} admin={loaded.admin} /> : null}
      <CaseRecord incident={incident} staff={loaded.staff} countries={loaded.countries} />
      <CaseSources sources={incident.sources} />
      {!incident.deletedAt ? (
        // Links to commitments: suggestions explain themselves; staff decide here or on /incidents/<id>/links.
        <LinkSuggestionsPanel
          incidentId={incident.id}
          links={loaded.links}
          canReview={loaded.staff}
          redirectTo={`/incidents/${incident.id}`}
          provisionOptions={loaded.provisionOptions ?? undefined}
        />
      ) : null}
      {loaded.staff ? (
        <>
          <StaffOnlyFields incident={loaded.incident as unknown as StaffIncident} countries={loaded.countries} />
          {!loaded.incident.deletedAt ? (
            <VerificationForm incident={loaded.incident as unknown as StaffIncident} result={verify} ownCase={loaded.ownCase} />
          ) : null}
          <CaseHistory history={loaded.history} countries={loaded.countries} />
        </>
      ) : null}
    </article>
  );
}

/** The page's title: the victim's name where this reader may see it, else why not. */
function caseTitle(incident: Pick<CaseView, "victimName" | "nameWithheld">, t: TFunction): string {
  return incident.victimName ?? (incident.nameWithheld ? t("incidents.values.nameWithheld") : t("incidents.page.unnamed"));
}

function CaseHeader({ incident, staff, done }: { incident: CaseView; staff: boolean; done: (typeof DONE)[number] | null }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <>
      <p className="small">
        <Link to="/incidents">{t("incidents.list.backToList")}</Link>
      </p>
      {done ? (
        <p className="notice" role="status">
          {t(`incidents.page.done.${done}`)}
        </p>
      ) : null}
      {incident.deletedAt ? (
        <p className="notice notice-warn" role="status">
          {t("incidents.page.deletedBanner", { date: formatDateTime(incident.deletedAt, lng) })}
        </p>
      ) : null}
      <h1>
        <span id="victim-name">{caseTitle(incident, t)}</span>
        {staff && incident.nameWithheld ? <span className="tag">{t("incidents.values.nameWithheld")}</span> : null}
      </h1>
      <p className="lede">
        {t(`taxonomy.outcome.${incident.outcome}`)} · {incidentDate(incident.occurredOn, incident.datePrecision, lng)} · {stateName(incident.stateCode, t)}
        {" · "}
        <span className={`status status-${incident.verificationStatus}`}>{t(`taxonomy.verification.${incident.verificationStatus}`)}</span>
      </p>
    </>
  );
}

/** Staff: edit or delete a live case; restore (or, for admins, purge) a deleted one. */
function CaseToolbar({ incident, admin }: { incident: CaseView; admin: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="toolbar">
      {!incident.deletedAt ? (
        <>
          <Link to={`/incidents/${incident.id}/edit`} className="button-primary">
            {t("incidents.page.edit")}
          </Link>
          <Form method="post" className="inline-form">
            <CsrfInput />
            <button type="submit" name="intent" value="delete" className="button-secondary" aria-describedby="delete-hint">
              {t("incidents.page.delete")}
            </button>
            <span className="hint" id="delete-hint">
              {t("incidents.page.deleteHint")}
            </span>
          </Form>
        </>
      ) : (
        <>
          <Form method="post" className="inline-form">
            <CsrfInput />
            <button type="submit" name="intent" value="restore" className="button-primary">
              {t("incidents.page.restore")}
            </button>
          </Form>
          {admin ? <Link to={`/incidents/${incident.id}/purge`}>{t("incidents.page.purge")}</Link> : null}
        </>
      )}
    </div>
  );
}

/** The case's fields (from CASE_FIELDS); unknowns are said, never left blank. */
function CaseRecord({ incident, staff, countries }: { incident: CaseView; staff: boolean; countries: Record<string, string> }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  // What the source wrote where Vigía has no code for it ("Other"), shown beside the field.
  const unmapped = readUnmapped(incident.unmappedText);
  const asWritten = {
    gender: <AsWritten texts={unmapped.gender} />,
    characteristics: <AsWritten texts={unmapped.person_characteristics} />,
    sector: <AsWritten texts={unmapped.industry_driver} />,
    perpetratorType: <AsWritten texts={unmapped.perpetrator_type} />,
  };
  return (
    <section aria-labelledby="record-title">
      <h2 id="record-title">{t("incidents.page.record")}</h2>
      <dl className="record">
        <CaseRecordRows incident={incident} group="record" staff={staff} lng={lng} countryName={(code) => countries[code] ?? code} after={asWritten} />
        {incident.countryCode !== "MX" ? <Row label={t("incidents.fields.country")}>{countries[incident.countryCode] ?? incident.countryCode}</Row> : null}
        {incident.regionRaw && !incident.stateCode ? <Row label={t("incidents.fields.regionRaw")}>{incident.regionRaw}</Row> : null}
        <Row label={t("incidents.fields.origin")}>
          {t(`taxonomy.origin.${incident.origin}`)}
          {incident.externalId ? <span className="muted small"> ({incident.externalId})</span> : null}
        </Row>
        <Row label={t("incidents.fields.verificationStatus")}>
          {t(`taxonomy.verification.${incident.verificationStatus}`)}
          {incident.verifiedAt ? (
            <span className="muted small">
              {" "}
              · {t("incidents.fields.verifiedAt")} {formatDateTime(incident.verifiedAt, lng)}
            </span>
          ) : null}
        </Row>
      </dl>
    </section>
  );
}

function CaseSources({ sources }: { sources: CaseView["sources"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sources-title">
      <h2 id="sources-title">{t("incidents.fields.sources")}</h2>
      {sources.length ? (
        <ol className="source-list">
          {sources.map((s, i) => (
            <li key={i}>
              {s.url ? (
                <a href={s.url} rel="noopener noreferrer nofollow">
                  {s.title}
                </a>
              ) : (
                s.title
              )}
              {s.url ? <span className="muted small url"> {s.url}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("incidents.page.sourcesNone")}</p>
      )}
    </section>
  );
}

/** Staff only: witnesses, contacts, exact location and notes, and who logged and last edited the case. */
function StaffOnlyFields({ incident, countries }: { incident: StaffIncident; countries: Record<string, string> }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <section className="staff-only" aria-labelledby="staff-title">
      <h2 id="staff-title">{t("incidents.page.staffSection")}</h2>
      <p className="hint">{t("incidents.form.staffOnlyHint")}</p>
      <dl className="record">
        <CaseRecordRows incident={incident} group="sensitive" staff lng={lng} countryName={(code) => countries[code] ?? code} />
      </dl>
      <p className="small muted">
        {incident.createdBy ? t("incidents.page.loggedBy", { name: incident.createdBy.name, date: formatDateTime(incident.createdAt, lng) }) : null}{" "}
        {t("incidents.page.lastEdit", {
          name: incident.updatedBy?.name ?? "—",
          date: formatDateTime(incident.updatedAt, lng),
          version: incident.version,
        })}
      </p>
    </section>
  );
}

type HistoryEvent = ReturnType<typeof useLoaderData<typeof loader>>["history"];

/** The case's audit events, newest first: what changed, who changed it, when. */
function CaseHistory({ history, countries }: { history: HistoryEvent; countries: Record<string, string> }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t("incidents.page.history")}</h2>
      {history?.length ? (
        <ol className="history">
          {history.map((e) => (
            <li key={e.id}>
              <p>
                <strong>{t(`admin.audit.actions.${e.action}`, { defaultValue: e.action })}</strong> · <AuditActor event={e} /> ·{" "}
                <time dateTime={new Date(e.createdAt).toISOString()}>{formatDateTime(e.createdAt, lng)}</time>
              </p>
              <AuditChanges before={e.before} after={e.after} countries={countries} />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("incidents.page.historyEmpty")}</p>
      )}
    </section>
  );
}

/** A reviewer's decision on a staff record; the choice of going back to "reported" comes last. */
const DECISIONS = [...VERIFICATION_STATUSES.filter((s) => s !== "reported"), "reported" as const];

function VerificationForm({ incident, result, ownCase }: { incident: StaffIncident; result: VerifyResult | undefined; ownCase: boolean }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const errors = result?.errors ?? null;
  return (
    <section aria-labelledby="verify-title" className="verification">
      <h2 id="verify-title">{t("incidents.verification.title")}</h2>
      <p>
        {t("incidents.verification.current", { status: t(`taxonomy.verification.${incident.verificationStatus}`) })}
        {incident.verifiedBy && incident.verifiedAt ? (
          <> · {t("incidents.verification.reviewed", { name: incident.verifiedBy.name, date: formatDateTime(incident.verifiedAt, lng) })}</>
        ) : null}
      </p>
      {incident.verificationNote ? (
        <blockquote className="prewrap" id="verification-note">
          {incident.verificationNote}
        </blockquote>
      ) : null}
      <p className="small muted">{t("incidents.verification.countsNote")}</p>
      {result?.conflictVersion !== null && result?.conflictVersion !== undefined ? (
        <p className="form-error" role="alert">
          {result.conflictVersion > 0 ? t("incidents.verification.conflict", { version: result.conflictVersion }) : t("incidents.conflict.deleted")}
        </p>
      ) : null}
      {ownCase ? (
        <p className="notice" id="own-case">
          {t("incidents.verification.ownCase")}
        </p>
      ) : null}
      <FormMessage errors={errors} />
      <Form method="post" className="stack narrow" key={incident.version} aria-describedby={ownCase ? "own-case" : undefined}>
        <CsrfInput />
        <input type="hidden" name="version" value={incident.version} />
        <div className="field">
          <label htmlFor={fieldId("status")}>{t("incidents.verification.decision")}</label>
          <select {...fieldProps("status", errors)} name="status" defaultValue={result?.values.status ?? incident.verificationStatus}>
            {DECISIONS.map((s) => (
              <option key={s} value={s}>
                {t(`taxonomy.verification.${s}`)}
              </option>
            ))}
          </select>
          <FieldMessage path="status" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={fieldId("note")}>{t("incidents.verification.note")}</label>
          <p className="hint" id="note-hint">
            {t("incidents.verification.noteHint")}
          </p>
          <textarea
            {...fieldProps("note", errors, "note-hint")}
            name="note"
            rows={3}
            maxLength={VERIFICATION_NOTE_MAX * 2}
            defaultValue={result?.values.note ?? ""}
          />
          <FieldMessage path="note" errors={errors} />
        </div>
        <button type="submit" name="intent" value="verify" className="button-primary">
          {t("incidents.verification.submit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: `${data?.incident ? caseTitle(data.incident, t) : t("incidents.page.unnamed")} · ${t("incidents.list.title")} · Vigía` }];
};

/** After a refused decision (409) the page must show the newer version, so reload its data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;
