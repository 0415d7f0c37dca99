import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AsWritten } from "~/components/gw-import.tsx";
import { readUnmapped } from "~/domain/gw-unmapped.ts";
import { LinkSuggestionsPanel } from "~/components/link-review.tsx";
import { listLinksForIncident } from "~/models/link.server.ts";
import { listProvisionOptions } from "~/models/provision.server.ts";
import { auditCountryNames, AuditChanges } from "~/components/audit-changes.tsx";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { FieldMessage, fieldProps } from "~/components/form-errors.tsx";
import { hasRole, requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { countryName } from "~/domain/countries.ts";
import { fieldId, issuesToErrors, type FieldErrors } from "~/lib/form-errors.ts";
import { formatNumber, formatDateTime } from "~/lib/format.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { incidentDate, stateName } from "~/domain/incident-format.ts";
import { listEntityHistory } from "~/models/audit.server.ts";
import { VERIFICATION_NOTE_MAX, verificationSchema } from "~/models/incident.schema.ts";
import {
  getIncidentForStaff,
  getIncidentPublic,
  restoreIncident,
  softDeleteIncident,
  verifyIncident,
  type PublicIncident,
  type StaffIncident,
} from "~/models/incident.server.ts";

const DONE = ["created", "saved", "verified", "deleted", "restored"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "viewer");
  const lng = await detectLanguage(request);
  const doneParam = new URL(request.url).searchParams.get("done");
  const done = (DONE as readonly string[]).includes(doneParam ?? "") ? (doneParam as (typeof DONE)[number]) : null;
  if (hasRole(user, "staff")) {
    const incident = await getIncidentForStaff(params.id!);
    if (!incident) throw new Response("Not found", { status: 404 });
    const history = await listEntityHistory("incident", incident.id);
    const countries = auditCountryNames(history, (code) => countryName(code, lng));
    const companyCountryName = incident.companyCountry ? countryName(incident.companyCountry, lng) : null;
    const incidentCountryName = countryName(incident.countryCode, lng);
    const [links, provisionOptions] = incident.deletedAt ? [[], []] : await Promise.all([listLinksForIncident(incident.id, lng), listProvisionOptions(lng)]);
    return {
      lng,
      done,
      staff: true as const,
      admin: hasRole(user, "admin"),
      incident,
      history,
      countries,
      companyCountryName,
      incidentCountryName,
      links,
      provisionOptions,
    };
  }
  // Viewers get the public shape only: no staff-only field is ever loaded for them.
  const incident = await getIncidentPublic(params.id!);
  if (!incident) throw new Response("Not found", { status: 404 });
  const companyCountryName = incident.companyCountry ? countryName(incident.companyCountry, lng) : null;
  const incidentCountryName = countryName(incident.countryCode, lng);
  const links = await listLinksForIncident(incident.id, lng);
  return {
    lng,
    done,
    staff: false as const,
    admin: false,
    incident,
    history: null,
    countries: {},
    companyCountryName,
    incidentCountryName,
    links,
    provisionOptions: null,
  };
}

interface VerifyResult {
  errors: FieldErrors | null;
  values: { status: string; note: string };
  conflictVersion: number | null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  const id = params.id!;
  const intent = String(form.get("intent") ?? "");
  if (!(await getIncidentForStaff(id))) throw new Response("Not found", { status: 404 });
  if (intent === "delete") {
    await softDeleteIncident(id, user.id);
    return redirect(`/incidents/${id}?done=deleted`);
  }
  if (intent === "restore") {
    await restoreIncident(id, user.id);
    return redirect(`/incidents/${id}?done=restored`);
  }
  if (intent !== "verify") throw new Response("Unknown action", { status: 400 });
  const raw = { status: String(form.get("status") ?? ""), note: String(form.get("note") ?? ""), version: String(form.get("version") ?? "") };
  const parsed = verificationSchema.safeParse(raw);
  if (!parsed.success) {
    return data<VerifyResult>({ errors: issuesToErrors(parsed.error.issues), values: raw, conflictVersion: null }, { status: 400 });
  }
  const decision = { status: parsed.data.status as "verified", note: parsed.data.note || null };
  const result = await verifyIncident(id, Number(parsed.data.version), decision, user.id);
  if (result.status === "conflict") return data<VerifyResult>({ errors: null, values: raw, conflictVersion: result.current.version }, { status: 409 });
  if (result.status === "missing") return data<VerifyResult>({ errors: null, values: raw, conflictVersion: 0 }, { status: 409 });
  return redirect(`/incidents/${id}?done=verified`);
}

export default function CasePage() {
  const loaded = useLoaderData<typeof loader>();
  const verify = useActionData<typeof action>() as VerifyResult | undefined;
  const { t } = useTranslation();
  const lng = loaded.lng as Language;
  const incident = loaded.incident as unknown as PublicIncident & Partial<StaffIncident>;
  const staff = loaded.staff;
  const title = incident.victimName ?? (incident.nameWithheld ? t("incidents.values.nameWithheld") : t("incidents.page.unnamed"));
  const none = t("incidents.values.none");
  const unmapped = readUnmapped(incident.unmappedText);

  return (
    <article className="case-page">
      <p className="small">
        <Link to="/incidents">{t("incidents.list.backToList")}</Link>
      </p>
      {loaded.done ? (
        <p className="notice" role="status">
          {t(`incidents.page.done.${loaded.done}`)}
        </p>
      ) : null}
      {incident.deletedAt ? (
        <p className="notice notice-warn" role="status">
          {t("incidents.page.deletedBanner", { date: formatDateTime(incident.deletedAt, lng) })}
        </p>
      ) : null}
      <h1>
        <span id="victim-name">{title}</span>
        {staff && incident.nameWithheld ? <span className="tag">{t("incidents.values.nameWithheld")}</span> : null}
      </h1>
      <p className="lede">
        {t(`taxonomy.outcome.${incident.outcome}`)} · {incidentDate(incident.occurredOn, incident.datePrecision, lng)} · {stateName(incident.stateCode, t)}
        {" · "}
        <span className={`status status-${incident.verificationStatus}`}>{t(`taxonomy.verification.${incident.verificationStatus}`)}</span>
      </p>

      {staff ? (
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
              {loaded.admin ? <Link to={`/incidents/${incident.id}/purge`}>{t("incidents.page.purge")}</Link> : null}
            </>
          )}
        </div>
      ) : null}

      <section aria-labelledby="record-title">
        <h2 id="record-title">{t("incidents.page.record")}</h2>
        <dl className="record">
          <Row label={t("incidents.fields.date")}>
            {incidentDate(incident.occurredOn, incident.datePrecision, lng)}{" "}
            <span className="muted small">({t(`incidents.values.precision.${incident.datePrecision}`)})</span>
          </Row>
          <Row label={t("incidents.fields.victimName")}>
            <span id="record-victim-name">
              {incident.victimName ?? (incident.nameWithheld ? t("incidents.values.nameWithheld") : t("incidents.values.nameUnknown"))}
            </span>
          </Row>
          {staff ? (
            <Row label={t("incidents.fields.victimNamePublic")}>{t(incident.victimNamePublic ? "incidents.values.yes" : "incidents.values.no")}</Row>
          ) : null}
          <Row label={t("incidents.fields.gender")}>
            {t(`taxonomy.gender.${incident.gender}`)}
            <AsWritten texts={unmapped.gender} />
          </Row>
          <Row label={t("incidents.fields.age")}>{incident.age !== null ? t("incidents.values.ageYears", { age: incident.age }) : none}</Row>
          <Row label={t("incidents.fields.characteristics")}>
            {incident.characteristics.length ? incident.characteristics.map((c) => t(`taxonomy.characteristic.${c}`)).join(", ") : none}
            <AsWritten texts={unmapped.person_characteristics} />
          </Row>
          <Row label={t("incidents.fields.outcome")}>{t(`taxonomy.outcome.${incident.outcome}`)}</Row>
          <Row label={t("incidents.fields.victimCount")}>{formatNumber(incident.victimCount, lng)}</Row>
          {incident.countryCode !== "MX" ? <Row label={t("incidents.fields.country")}>{loaded.incidentCountryName}</Row> : null}
          <Row label={t("incidents.fields.stateCode")}>{stateName(incident.stateCode, t)}</Row>
          {incident.regionRaw && !incident.stateCode ? <Row label={t("incidents.fields.regionRaw")}>{incident.regionRaw}</Row> : null}
          <Row label={t("incidents.fields.municipality")}>{incident.municipality ?? none}</Row>
          <Row label={t("incidents.fields.sector")}>
            {t(`taxonomy.sector.${incident.sector}`)}
            <AsWritten texts={unmapped.industry_driver} />
          </Row>
          <Row label={t("incidents.fields.perpetratorType")}>
            {t(`taxonomy.perpetrator.${incident.perpetratorType}`)}
            <AsWritten texts={unmapped.perpetrator_type} />
          </Row>
          <Row label={t("incidents.fields.companyName")}>{incident.companyName ?? none}</Row>
          <Row label={t("incidents.fields.companyCountry")}>{loaded.companyCountryName ?? none}</Row>
          <Row label={t("incidents.fields.description")}>
            {incident.description ? (
              <p id="record-description" className="prewrap">
                {incident.description}
              </p>
            ) : (
              none
            )}
          </Row>
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

      <section aria-labelledby="sources-title">
        <h2 id="sources-title">{t("incidents.fields.sources")}</h2>
        {incident.sources.length ? (
          <ol className="source-list">
            {incident.sources.map((s, i) => (
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

      {!incident.deletedAt ? (
        // Links to commitments: suggestions explain themselves; staff decide here or on /incidents/<id>/links.
        <LinkSuggestionsPanel
          incidentId={incident.id}
          links={loaded.links}
          canReview={staff}
          redirectTo={`/incidents/${incident.id}`}
          provisionOptions={loaded.provisionOptions ?? undefined}
        />
      ) : null}

      {staff && loaded.staff ? (
        <>
          <section className="staff-only" aria-labelledby="staff-title">
            <h2 id="staff-title">{t("incidents.page.staffSection")}</h2>
            <p className="hint">{t("incidents.form.staffOnlyHint")}</p>
            <dl className="record">
              {(["witnesses", "contacts", "exactLocation", "confidentialNotes"] as const).map((k) => (
                <Row key={k} label={t(`incidents.fields.${k}`)}>
                  {loaded.incident.confidential[k] ? <p className="prewrap">{loaded.incident.confidential[k]}</p> : none}
                </Row>
              ))}
            </dl>
            <p className="small muted">
              {loaded.incident.createdBy
                ? t("incidents.page.loggedBy", { name: loaded.incident.createdBy.name, date: formatDateTime(loaded.incident.createdAt, lng) })
                : null}{" "}
              {t("incidents.page.lastEdit", {
                name: loaded.incident.updatedBy?.name ?? "—",
                date: formatDateTime(loaded.incident.updatedAt, lng),
                version: loaded.incident.version,
              })}
            </p>
          </section>

          {!loaded.incident.deletedAt ? <VerificationForm incident={loaded.incident as unknown as StaffIncident} result={verify} lng={lng} /> : null}

          <section aria-labelledby="history-title">
            <h2 id="history-title">{t("incidents.page.history")}</h2>
            {loaded.history.length ? (
              <ol className="history">
                {loaded.history.map((e) => (
                  <li key={e.id}>
                    <p>
                      <strong>{t(`admin.audit.actions.${e.action}`, { defaultValue: e.action })}</strong> · {e.actor?.name ?? t("admin.audit.systemActor")} ·{" "}
                      <time dateTime={new Date(e.createdAt).toISOString()}>{formatDateTime(e.createdAt, lng)}</time>
                    </p>
                    <AuditChanges before={e.before} after={e.after} lng={lng} countries={loaded.countries} />
                  </li>
                ))}
              </ol>
            ) : (
              <p>{t("incidents.page.historyEmpty")}</p>
            )}
          </section>
        </>
      ) : null}
    </article>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="record-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function VerificationForm({ incident, result, lng }: { incident: StaffIncident; result: VerifyResult | undefined; lng: Language }) {
  const { t } = useTranslation();
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
      <Form method="post" className="stack narrow" key={incident.version}>
        <CsrfInput />
        <input type="hidden" name="version" value={incident.version} />
        <div className="field">
          <label htmlFor={fieldId("status")}>{t("incidents.verification.decision")}</label>
          <select {...fieldProps("status", errors)} name="status" defaultValue={result?.values.status ?? incident.verificationStatus}>
            {(["verified", "disputed", "rejected", "reported"] as const).map((s) => (
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

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = getFixedT((data?.lng as Language) ?? "en");
  const name = data?.incident?.victimName ?? (data?.incident?.nameWithheld ? t("incidents.values.nameWithheld") : t("incidents.page.unnamed"));
  return [{ title: `${name} · ${t("incidents.list.title")} · Vigía` }];
};

/** After a refused decision (409) the page must show the newer version, so reload its data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;
