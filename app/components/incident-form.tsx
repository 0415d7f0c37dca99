// The case-record form, for logging and for editing. Works without JavaScript
// (a plain POST; source rows are added and removed by submit buttons that
// re-render the form with every value kept); with JavaScript the same zod schema
// checks the form before it is sent.
import { Form, useNavigation } from "@remix-run/react";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { ErrorSummary, FieldMessage, fieldProps, useFocusOnMount } from "~/components/form-errors.tsx";
import { fieldId, type FieldErrors } from "~/lib/form-errors.ts";
import type { Language } from "~/lib/i18n.ts";
import { incidentDate, monthNames, stateName } from "~/domain/incident-format.ts";
import { incidentFieldLabel } from "~/domain/incident-labels.ts";
import { CHARACTERISTICS, GENDERS, MX_STATE_CODES, MX_STATES, OUTCOMES, PERPETRATOR_TYPES, SECTORS } from "~/domain/taxonomy.ts";
import { INCIDENT_FIELDS, INCIDENT_LIMITS, readIncidentForm, validateIncident, type IncidentFormValues } from "~/models/incident.schema.ts";

export interface DuplicateView {
  id: string;
  origin: string;
  occurredOn: string;
  datePrecision: string;
  victimName: string | null;
  stateCode: string | null;
  municipality: string | null;
  outcome: string;
  verificationStatus: string;
  similarity: number;
}

/** Error-summary order: the form's fields as INCIDENT_FIELDS lists them, grouped by their first part. */
const FORM_ORDER = [...new Set(INCIDENT_FIELDS.map((field) => field.split(".")[0]))];

export function IncidentForm({
  mode,
  values,
  errors,
  lng,
  version,
  duplicates,
  duplicateWindowDays,
  cancelHref,
  before,
  countries,
  base,
}: {
  mode: "new" | "edit";
  values: IncidentFormValues;
  errors: FieldErrors | null;
  lng: Language;
  version?: number;
  duplicates?: DuplicateView[] | null;
  duplicateWindowDays?: number;
  cancelHref: string;
  /** Shown between the error summary and the fields (the conflict view). */
  before?: ReactNode;
  /** Country names computed on the server (see app/domain/countries.server.ts). */
  countries: { code: string; name: string }[];
  /** The saved version this edit started from, carried along for a three-way merge on conflict. */
  base?: IncidentFormValues;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const shown = clientErrors ?? errors;
  const months = monthNames(lng);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter && submitter.value !== "save") {
      setClientErrors(null);
      return; // adding or removing a source row goes to the server, like without JavaScript
    }
    const result = validateIncident(readIncidentForm(new FormData(event.currentTarget)));
    if (!result.ok) {
      event.preventDefault();
      setClientErrors(result.errors);
    } else {
      setClientErrors(null);
    }
  }

  const input = (path: string, hint?: string) => fieldProps(path, shown, hint);
  const req = <Required />;

  return (
    <Form method="post" noValidate className="incident-form" onSubmit={onSubmit}>
      {/* The first submit button is the one Enter presses: make it Save, never "remove source". */}
      <button type="submit" name="intent" value="save" className="default-submit" tabIndex={-1} aria-hidden="true">
        {t("incidents.form.save")}
      </button>
      <CsrfInput />
      {version !== undefined ? <input type="hidden" name="version" value={version} key={version} /> : null}
      {base ? <input type="hidden" name="base" value={JSON.stringify(base)} key={`base-${version}`} /> : null}
      <ErrorSummary errors={shown} label={(p) => incidentFieldLabel(p, t)} order={FORM_ORDER} />
      {before}
      {duplicates?.length ? <DuplicatePanel duplicates={duplicates} days={duplicateWindowDays ?? 7} lng={lng} /> : null}

      <fieldset className="form-section">
        <legend>{t("incidents.form.when")}</legend>
        <fieldset className="date-group" aria-describedby="date-hint">
          <legend>
            {t("incidents.fields.date")} {req}
          </legend>
          <p className="hint" id="date-hint">
            {t("incidents.form.dateHint")}
          </p>
          <div className="inline-fields">
            <div className="field">
              <label htmlFor={fieldId("date.year")}>
                {t("incidents.fields.year")} {req}
              </label>
              <input {...input("date.year")} name="year" inputMode="numeric" autoComplete="off" size={6} defaultValue={values.date.year} required />
              <FieldMessage path="date.year" errors={shown} />
            </div>
            <div className="field">
              <label htmlFor={fieldId("date.month")}>{t("incidents.fields.month")}</label>
              <select {...input("date.month")} name="month" defaultValue={values.date.month}>
                <option value="">{t("incidents.form.monthNone")}</option>
                {months.map((name, i) => (
                  <option key={i} value={String(i + 1)}>
                    {name}
                  </option>
                ))}
                {values.date.month && !/^(0?[1-9]|1[0-2])$/.test(values.date.month) ? <option value={values.date.month}>{values.date.month}</option> : null}
              </select>
              <FieldMessage path="date.month" errors={shown} />
            </div>
            <div className="field">
              <label htmlFor={fieldId("date.day")}>{t("incidents.fields.day")}</label>
              <input {...input("date.day")} name="day" inputMode="numeric" autoComplete="off" size={3} defaultValue={values.date.day} />
              <FieldMessage path="date.day" errors={shown} />
            </div>
          </div>
        </fieldset>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("incidents.form.who")}</legend>
        <div className="field">
          <label htmlFor={fieldId("victimName")}>{t("incidents.fields.victimName")}</label>
          <p className="hint" id="victimName-hint">
            {t("incidents.form.nameHint")}
          </p>
          <input
            {...input("victimName", "victimName-hint")}
            name="victimName"
            autoComplete="off"
            maxLength={INCIDENT_LIMITS.victimName * 2}
            defaultValue={values.victimName}
          />
          <FieldMessage path="victimName" errors={shown} />
        </div>
        <div className="field checkbox-field">
          <input
            {...input("victimNamePublic", "victimNamePublic-hint")}
            type="checkbox"
            name="victimNamePublic"
            value="on"
            defaultChecked={values.victimNamePublic}
          />
          <label htmlFor={fieldId("victimNamePublic")}>{t("incidents.fields.victimNamePublic")}</label>
          <p className="hint" id="victimNamePublic-hint">
            {t("incidents.form.namePublicHint")}
          </p>
          <FieldMessage path="victimNamePublic" errors={shown} />
        </div>
        <div className="inline-fields">
          <div className="field">
            <label htmlFor={fieldId("gender")}>
              {t("incidents.fields.gender")} {req}
            </label>
            <select {...input("gender")} name="gender" defaultValue={values.gender}>
              <Unlisted value={values.gender} list={GENDERS} />
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`taxonomy.gender.${g}`)}
                </option>
              ))}
            </select>
            <FieldMessage path="gender" errors={shown} />
          </div>
          <div className="field">
            <label htmlFor={fieldId("age")}>{t("incidents.fields.age")}</label>
            <input {...input("age", "age-hint")} name="age" inputMode="numeric" size={4} defaultValue={values.age} />
            <p className="hint" id="age-hint">
              {t("incidents.form.ageHint")}
            </p>
            <FieldMessage path="age" errors={shown} />
          </div>
          <div className="field">
            <label htmlFor={fieldId("victimCount")}>
              {t("incidents.fields.victimCount")} {req}
            </label>
            <input {...input("victimCount")} name="victimCount" inputMode="numeric" size={4} defaultValue={values.victimCount} />
            <FieldMessage path="victimCount" errors={shown} />
          </div>
        </div>
        <fieldset className="checkbox-group" aria-describedby={shown?.characteristics ? `${fieldId("characteristics")}-error` : undefined}>
          <legend>{t("incidents.fields.characteristics")}</legend>
          <FieldMessage path="characteristics" errors={shown} />
          <div className="checkbox-grid">
            {CHARACTERISTICS.map((code, i) => (
              <label key={code} className="checkbox-label">
                <input
                  type="checkbox"
                  name="characteristics"
                  value={code}
                  id={i === 0 ? fieldId("characteristics") : `${fieldId("characteristics")}-${code}`}
                  defaultChecked={values.characteristics.includes(code)}
                />{" "}
                {t(`taxonomy.characteristic.${code}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("incidents.form.what")}</legend>
        <div className="inline-fields">
          <Select path="outcome" name="outcome" label={t("incidents.fields.outcome")} required value={values.outcome} errors={shown} list={OUTCOMES}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`taxonomy.outcome.${o}`)}
              </option>
            ))}
          </Select>
          <Select path="sector" name="sector" label={t("incidents.fields.sector")} required value={values.sector} errors={shown} list={SECTORS}>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`taxonomy.sector.${s}`)}
              </option>
            ))}
          </Select>
          <Select
            path="perpetratorType"
            name="perpetratorType"
            label={t("incidents.fields.perpetratorType")}
            required
            value={values.perpetratorType}
            errors={shown}
            list={PERPETRATOR_TYPES}
          >
            {PERPETRATOR_TYPES.map((p) => (
              <option key={p} value={p}>
                {t(`taxonomy.perpetrator.${p}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="field">
          <label htmlFor={fieldId("description")}>{t("incidents.fields.description")}</label>
          <p className="hint" id="description-hint">
            {t("incidents.form.descriptionHint")}
          </p>
          <textarea {...input("description", "description-hint")} name="description" rows={6} defaultValue={values.description} />
          <FieldMessage path="description" errors={shown} />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("incidents.form.where")}</legend>
        <div className="inline-fields">
          <div className="field">
            <label htmlFor={fieldId("stateCode")}>{t("incidents.fields.stateCode")}</label>
            <select {...input("stateCode")} name="stateCode" defaultValue={values.stateCode}>
              <option value="">{t("incidents.form.stateNone")}</option>
              {MX_STATE_CODES.map((code) => (
                <option key={code} value={code}>
                  {MX_STATES[code]}
                </option>
              ))}
              <Unlisted value={values.stateCode} list={MX_STATE_CODES} />
            </select>
            <FieldMessage path="stateCode" errors={shown} />
          </div>
          <div className="field">
            <label htmlFor={fieldId("municipality")}>{t("incidents.fields.municipality")}</label>
            <input {...input("municipality")} name="municipality" autoComplete="off" defaultValue={values.municipality} />
            <FieldMessage path="municipality" errors={shown} />
          </div>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("incidents.form.company")}</legend>
        <div className="inline-fields">
          <div className="field">
            <label htmlFor={fieldId("company.name")}>{t("incidents.fields.companyName")}</label>
            <input {...input("company.name")} name="companyName" autoComplete="off" defaultValue={values.company.name} />
            <FieldMessage path="company.name" errors={shown} />
          </div>
          <div className="field">
            <label htmlFor={fieldId("company.country")}>{t("incidents.fields.companyCountry")}</label>
            <select {...input("company.country")} name="companyCountry" defaultValue={values.company.country}>
              <option value="">{t("incidents.form.countryNone")}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
              <Unlisted value={values.company.country} list={[]} known={(v) => countries.some((c) => c.code === v)} />
            </select>
            <FieldMessage path="company.country" errors={shown} />
          </div>
        </div>
      </fieldset>

      <fieldset className="form-section" aria-describedby="sources-hint">
        <legend>
          {t("incidents.fields.sources")} {req}
        </legend>
        <p className="hint" id="sources-hint">
          {t("incidents.form.sourcesHint")}
        </p>
        <ol className="source-rows">
          {values.sources.map((s, i) => (
            <li key={i} className="source-row">
              <div className="field">
                <label htmlFor={fieldId(`sources.${i}.title`)}>{t("incidents.fields.sourceTitle", { n: i + 1 })}</label>
                <input {...input(`sources.${i}.title`)} name="sourceTitle" autoComplete="off" defaultValue={s.title} />
                <FieldMessage path={`sources.${i}.title`} errors={shown} />
              </div>
              <div className="field">
                <label htmlFor={fieldId(`sources.${i}.url`)}>{t("incidents.fields.sourceUrl", { n: i + 1 })}</label>
                <input {...input(`sources.${i}.url`)} name="sourceUrl" type="url" inputMode="url" autoComplete="off" defaultValue={s.url} />
                <FieldMessage path={`sources.${i}.url`} errors={shown} />
              </div>
              {values.sources.length > 1 ? (
                <button type="submit" name="intent" value={`remove-source-${i}`} className="button-secondary" formNoValidate>
                  {t("incidents.form.removeSource", { n: i + 1 })}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <FieldMessage path="sources" errors={shown} />
        {values.sources.length < INCIDENT_LIMITS.maxSources ? (
          <button type="submit" name="intent" value="add-source" className="button-secondary" formNoValidate>
            {t("incidents.form.addSource")}
          </button>
        ) : null}
      </fieldset>

      <fieldset className="form-section staff-only" aria-describedby="staff-only-hint">
        <legend>{t("incidents.form.staffOnly")}</legend>
        <p className="hint" id="staff-only-hint">
          {t("incidents.form.staffOnlyHint")}
        </p>
        {(["witnesses", "contacts", "exactLocation", "confidentialNotes"] as const).map((name) => (
          <div className="field" key={name}>
            <label htmlFor={fieldId(`confidential.${name}`)}>{t(`incidents.fields.${name}`)}</label>
            {name === "exactLocation" ? (
              <input {...input(`confidential.${name}`)} name={name} autoComplete="off" defaultValue={values.confidential[name]} />
            ) : (
              <textarea {...input(`confidential.${name}`)} name={name} rows={3} defaultValue={values.confidential[name]} />
            )}
            <FieldMessage path={`confidential.${name}`} errors={shown} />
          </div>
        ))}
      </fieldset>

      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button-primary" disabled={busy}>
          {busy ? t("incidents.form.saving") : mode === "new" ? t("incidents.form.save") : t("incidents.form.saveChanges")}
        </button>
        <a href={cancelHref}>{t("incidents.form.cancel")}</a>
      </div>
    </Form>
  );
}

function Required() {
  const { t } = useTranslation();
  return (
    <span className="required" aria-hidden="true">
      {t("incidents.form.required")}
    </span>
  );
}

function Select({
  path,
  name,
  label,
  required,
  value,
  errors,
  list,
  children,
}: {
  path: string;
  name: string;
  label: string;
  required?: boolean;
  value: string;
  errors: FieldErrors | null;
  list: readonly string[];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={fieldId(path)}>
        {label} {required ? <Required /> : null}
      </label>
      <select {...fieldProps(path, errors)} name={name} defaultValue={value}>
        <option value="">{t("incidents.form.choose")}</option>
        {children}
        <Unlisted value={value} list={list} />
      </select>
      <FieldMessage path={path} errors={errors} />
    </div>
  );
}

/** Keeps a posted value that is not in the list, so that nothing typed is lost (it is refused with a message). */
function Unlisted({ value, list, known }: { value: string; list: readonly string[]; known?: (v: string) => boolean }) {
  if (!value || list.includes(value) || known?.(value)) return null;
  return <option value={value}>{value}</option>;
}

function DuplicatePanel({ duplicates, days, lng }: { duplicates: DuplicateView[]; days: number; lng: Language }) {
  const { t } = useTranslation();
  const ref = useFocusOnMount<HTMLElement>();
  return (
    <section className="duplicates" aria-labelledby="duplicates-title" tabIndex={-1} ref={ref}>
      <h2 id="duplicates-title">{t("incidents.duplicates.title")}</h2>
      <p>{t("incidents.duplicates.intro", { days })}</p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("incidents.list.columns.date")}</th>
              <th scope="col">{t("incidents.list.columns.victim")}</th>
              <th scope="col">{t("incidents.list.columns.state")}</th>
              <th scope="col">{t("incidents.list.columns.outcome")}</th>
              <th scope="col">{t("incidents.list.columns.origin")}</th>
              <th scope="col">{t("incidents.duplicates.similarity")}</th>
            </tr>
          </thead>
          <tbody>
            {duplicates.map((d) => (
              <tr key={d.id}>
                <td>{incidentDate(d.occurredOn, d.datePrecision, lng)}</td>
                <td>
                  <a href={`/incidents/${d.id}`} target="_blank" rel="noopener">
                    {d.victimName ?? t("incidents.values.nameUnknown")}
                  </a>{" "}
                  <span className="small muted">({t("incidents.duplicates.open")})</span>
                </td>
                <td>
                  {stateName(d.stateCode, t)}
                  {d.municipality ? `, ${d.municipality}` : ""}
                </td>
                <td>{t(`taxonomy.outcome.${d.outcome}`)}</td>
                <td>
                  {t(`taxonomy.origin.${d.origin}`)} · {t(`taxonomy.verification.${d.verificationStatus}`)}
                </td>
                <td className="num">{Math.round(d.similarity * 100)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {duplicates.map((d) => (
        <input key={d.id} type="hidden" name="acknowledged" value={d.id} />
      ))}
      <p className="checkbox-field">
        <input type="checkbox" id="f-saveAnyway" name="saveAnyway" value="1" />
        <label htmlFor="f-saveAnyway">{t("incidents.duplicates.confirm")}</label>
      </p>
    </section>
  );
}
