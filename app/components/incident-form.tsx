// The case-record form, for logging and for editing. Works without JavaScript
// (a plain POST; source rows are added and removed by submit buttons that
// re-render the form with every value kept). With JavaScript too, the server checks
// it and answers with the same messages (one round trip): zod never reaches the
// browser (docs/decisions/114-zod-only-where-a-form-is-checked.md). Its fields come from CASE_FIELDS
// (app/models/incident.schema.ts): each section lists its fields, and each kind of
// control is drawn once here.
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { ErrorSummary, FieldMessage, fieldProps, useFocusOnMount } from "~/components/form-errors.tsx";
import { errorId, fieldId, type FieldErrors } from "~/lib/form-errors.ts";
import { type Language, useTranslation } from "~/lib/i18n.ts";
import { incidentDate, monthNames, stateName } from "~/domain/incident-format.ts";
import type { CaseField, Control, FormSection } from "~/models/case-field.ts";
import type { DuplicateCandidate } from "~/models/incident.server.ts";
import {
  caseField,
  FORM_LAYOUT,
  fieldPath,
  fieldValue,
  incidentFieldLabel,
  type CaseFieldKey,
  type IncidentFormValues,
  type SourceRow,
} from "~/models/incident.schema.ts";

/** A possible duplicate as the page receives it: the model's candidate, with its date as text. */
export type DuplicateView = Omit<DuplicateCandidate, "occurredOn"> & { occurredOn: string };

/** Error-summary order: the form's fields as it shows them, by the first part of their path. */
const FORM_ORDER = [...new Set(FORM_LAYOUT.flatMap((s) => s.keys.map((k) => fieldPath(k).split(".")[0])))];

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

  return (
    <Form method="post" noValidate className="incident-form">
      {/* The first submit button is the one Enter presses: make it Save, never "remove source". */}
      <button type="submit" name="intent" value="save" className="default-submit" tabIndex={-1} aria-hidden="true">
        {t("incidents.form.save")}
      </button>
      <CsrfInput />
      {version !== undefined ? <input type="hidden" name="version" value={version} key={version} /> : null}
      {base ? <input type="hidden" name="base" value={JSON.stringify(base)} key={`base-${version}`} /> : null}
      <ErrorSummary errors={errors} label={(p) => incidentFieldLabel(p, t)} order={FORM_ORDER} />
      {before}
      {duplicates?.length ? <DuplicatePanel duplicates={duplicates} days={duplicateWindowDays ?? 7} lng={lng} /> : null}

      {FORM_LAYOUT.map(({ section, keys }) => (
        <FormSectionFields key={section} section={section} keys={keys} values={values} errors={errors} lng={lng} countries={countries} />
      ))}

      <div className="form-actions">
        <button type="submit" name="intent" value="save" className="button-primary" disabled={busy}>
          {busy ? t("incidents.form.saving") : mode === "new" ? t("incidents.form.save") : t("incidents.form.saveChanges")}
        </button>
        <a href={cancelHref}>{t("incidents.form.cancel")}</a>
      </div>
    </Form>
  );
}

interface ControlProps {
  name: CaseFieldKey;
  field: CaseField<any, any>;
  values: IncidentFormValues;
  errors: FieldErrors | null;
  lng: Language;
  countries: { code: string; name: string }[];
}

/** Controls that sit side by side in a row; the others take a row of their own. */
function isNarrow(control: Control): boolean {
  return control.type === "select" || control.type === "number" || control.type === "country" || (control.type === "text" && !control.wide);
}

/** One section of the form: its legend, then its fields, narrow ones grouped in rows. */
function FormSectionFields({ section, keys, ...props }: { section: FormSection; keys: CaseFieldKey[] } & Omit<ControlProps, "name" | "field">) {
  const { t } = useTranslation();
  if (section === "sources") {
    // A list of sources is a section of its own: its control is the fieldset.
    return keys.map((key) => <FieldControl key={key} name={key} field={caseField(key)} {...props} />);
  }
  const rows: CaseFieldKey[][] = [];
  for (const key of keys) {
    const last = rows[rows.length - 1];
    if (last && isNarrow(caseField(key).control) && isNarrow(caseField(last[0]).control)) last.push(key);
    else rows.push([key]);
  }
  const staffOnly = section === "staffOnly";
  return (
    <fieldset className={staffOnly ? "form-section staff-only" : "form-section"} aria-describedby={staffOnly ? "staff-only-hint" : undefined}>
      <legend>{t(`incidents.form.${section}`)}</legend>
      {staffOnly ? (
        <p className="hint" id="staff-only-hint">
          {t("incidents.form.staffOnlyHint")}
        </p>
      ) : null}
      {rows.map((row) =>
        row.length > 1 || isNarrow(caseField(row[0]).control) ? (
          <div className="inline-fields" key={row.join("-")}>
            {row.map((key) => (
              <FieldControl key={key} name={key} field={caseField(key)} {...props} />
            ))}
          </div>
        ) : (
          <FieldControl key={row[0]} name={row[0]} field={caseField(row[0])} {...props} />
        ),
      )}
    </fieldset>
  );
}

/** The control of a field, by its kind. */
function FieldControl(props: ControlProps) {
  switch (props.field.control.type) {
    case "date":
      return <DateFields {...props} />;
    case "checkbox":
      return <CheckboxControl {...props} />;
    case "checkboxes":
      return <CheckboxGroup {...props} />;
    case "sources":
      return <SourceRows {...props} />;
    default:
      return <SingleControl {...props} />;
  }
}

function Required() {
  const { t } = useTranslation();
  return (
    <span className="required" aria-hidden="true">
      {t("incidents.form.required")}
    </span>
  );
}

function Hint({ id, hint }: { id: string; hint: string }) {
  const { t } = useTranslation();
  return (
    <p className="hint" id={id}>
      {t(`incidents.form.${hint}`)}
    </p>
  );
}

/** A text input, a textarea, a number or a select: a label, the control, a hint and its message. */
function SingleControl({ name, field, values, errors, countries }: ControlProps) {
  const { t } = useTranslation();
  const path = fieldPath(name);
  const value = fieldValue<string>(values, name);
  const hintId = field.hint ? `${name}-hint` : undefined;
  const props = { ...fieldProps(path, errors, hintId), name, defaultValue: value };
  const control = field.control;
  let input: ReactNode;
  if (control.type === "textarea") input = <textarea {...props} rows={control.rows} />;
  else if (control.type === "number") input = <input {...props} inputMode="numeric" size={4} />;
  else if (control.type === "select" || control.type === "country") {
    const options =
      control.type === "select"
        ? control.options.map((code) => ({ code, name: control.optionText(code, t) }))
        : countries.map((c) => ({ code: c.code, name: c.name }));
    input = (
      <select {...props}>
        {control.emptyOption ? <option value="">{t(`incidents.form.${control.emptyOption}`)}</option> : null}
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
        <Unlisted value={value} known={(v) => options.some((o) => o.code === v)} />
      </select>
    );
  } else input = <input {...props} autoComplete="off" />;
  return (
    <div className="field">
      <label htmlFor={fieldId(path)}>
        {t(`incidents.fields.${name}`)} {field.required ? <Required /> : null}
      </label>
      {field.hint && control.type !== "number" ? <Hint id={hintId!} hint={field.hint} /> : null}
      {input}
      {field.hint && control.type === "number" ? <Hint id={hintId!} hint={field.hint} /> : null}
      <FieldMessage path={path} errors={errors} />
    </div>
  );
}

/** Keeps a posted value that is not in the list, so that nothing typed is lost (it is refused with a message). */
function Unlisted({ value, known }: { value: string; known: (v: string) => boolean }) {
  if (!value || known(value)) return null;
  return <option value={value}>{value}</option>;
}

function CheckboxControl({ name, field, values, errors }: ControlProps) {
  const { t } = useTranslation();
  const path = fieldPath(name);
  const hintId = field.hint ? `${name}-hint` : undefined;
  return (
    <div className="field checkbox-field">
      <input {...fieldProps(path, errors, hintId)} type="checkbox" name={name} value="on" defaultChecked={fieldValue<boolean>(values, name)} />
      <label htmlFor={fieldId(path)}>{t(`incidents.fields.${name}`)}</label>
      {field.hint ? <Hint id={hintId!} hint={field.hint} /> : null}
      <FieldMessage path={path} errors={errors} />
    </div>
  );
}

function CheckboxGroup({ name, field, values, errors }: ControlProps) {
  const { t } = useTranslation();
  const path = fieldPath(name);
  const checked = fieldValue<string[]>(values, name);
  if (field.control.type !== "checkboxes") return null;
  const { options, optionText } = field.control;
  return (
    <fieldset className="checkbox-group" aria-describedby={errors?.[path] ? errorId(path) : undefined}>
      <legend>{t(`incidents.fields.${name}`)}</legend>
      <FieldMessage path={path} errors={errors} />
      <div className="checkbox-grid">
        {options.map((code, i) => (
          <label key={code} className="checkbox-label">
            <input type="checkbox" name={name} value={code} id={i === 0 ? fieldId(path) : `${fieldId(path)}-${code}`} defaultChecked={checked.includes(code)} />{" "}
            {optionText(code, t)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Year (required), month and day (optional): the date is as precise as what is known. */
function DateFields({ name, field, values, errors, lng }: ControlProps) {
  const { t } = useTranslation();
  const date = fieldValue<{ year: string; month: string; day: string }>(values, name);
  const months = monthNames(lng);
  const hintId = `${name}-hint`;
  const input = (part: string) => fieldProps(`${name}.${part}`, errors);
  return (
    <fieldset className="date-group" aria-describedby={field.hint ? hintId : undefined}>
      <legend>
        {t(`incidents.fields.${name}`)} <Required />
      </legend>
      {field.hint ? <Hint id={hintId} hint={field.hint} /> : null}
      <div className="inline-fields">
        <div className="field">
          <label htmlFor={fieldId(`${name}.year`)}>
            {t("incidents.fields.year")} <Required />
          </label>
          <input {...input("year")} name="year" inputMode="numeric" autoComplete="off" size={6} defaultValue={date.year} required />
          <FieldMessage path={`${name}.year`} errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={fieldId(`${name}.month`)}>{t("incidents.fields.month")}</label>
          <select {...input("month")} name="month" defaultValue={date.month}>
            <option value="">{t("incidents.form.monthNone")}</option>
            {months.map((monthName, i) => (
              <option key={i} value={String(i + 1)}>
                {monthName}
              </option>
            ))}
            <Unlisted value={date.month} known={(v) => /^(0?[1-9]|1[0-2])$/.test(v)} />
          </select>
          <FieldMessage path={`${name}.month`} errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={fieldId(`${name}.day`)}>{t("incidents.fields.day")}</label>
          <input {...input("day")} name="day" inputMode="numeric" autoComplete="off" size={3} defaultValue={date.day} />
          <FieldMessage path={`${name}.day`} errors={errors} />
        </div>
      </div>
    </fieldset>
  );
}

/** Rows of a title and a web address; "Add another source" and "Remove source N" are submit buttons (no JavaScript needed). */
function SourceRows({ name, field, values, errors }: ControlProps) {
  const { t } = useTranslation();
  const rows = fieldValue<SourceRow[]>(values, name);
  const maxRows = field.control.type === "sources" ? field.control.maxRows : rows.length;
  const input = (path: string) => fieldProps(path, errors);
  return (
    <fieldset className="form-section" aria-describedby={field.hint ? `${name}-hint` : undefined}>
      <legend>
        {t(`incidents.fields.${name}`)} <Required />
      </legend>
      {field.hint ? <Hint id={`${name}-hint`} hint={field.hint} /> : null}
      <ol className="source-rows">
        {rows.map((s, i) => (
          <li key={i} className="source-row">
            <div className="field">
              <label htmlFor={fieldId(`${name}.${i}.title`)}>{t("incidents.fields.sourceTitle", { n: i + 1 })}</label>
              <input {...input(`${name}.${i}.title`)} name="sourceTitle" autoComplete="off" defaultValue={s.title} />
              <FieldMessage path={`${name}.${i}.title`} errors={errors} />
            </div>
            <div className="field">
              <label htmlFor={fieldId(`${name}.${i}.url`)}>{t("incidents.fields.sourceUrl", { n: i + 1 })}</label>
              <input {...input(`${name}.${i}.url`)} name="sourceUrl" type="url" inputMode="url" autoComplete="off" defaultValue={s.url} />
              <FieldMessage path={`${name}.${i}.url`} errors={errors} />
            </div>
            {rows.length > 1 ? (
              <button type="submit" name="intent" value={`remove-source-${i}`} className="button-secondary" formNoValidate>
                {t("incidents.form.removeSource", { n: i + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <FieldMessage path={name} errors={errors} />
      {rows.length < maxRows ? (
        <button type="submit" name="intent" value="add-source" className="button-secondary" formNoValidate>
          {t("incidents.form.addSource")}
        </button>
      ) : null}
    </fieldset>
  );
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
