// The forms of instruments, provisions and milestones, on the project's one form
// convention (docs/decisions/045): every field shows what was typed after a
// refused save and its message next to it (aria-describedby), the error summary
// at the top links to each field, and an edit carries its version so that a
// save over someone else's newer version is refused (409) and shown beside yours.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n.ts";
import { useLanguage } from "~/lib/language.ts";
import { PROVISION_STATUSES } from "~/domain/taxonomy.ts";
import type { FieldErrors } from "~/lib/form-errors.ts";
import { fieldId } from "~/lib/form-errors.ts";
import type { EditConflict } from "~/lib/form.ts";
import { formatDate } from "~/lib/format.ts";
import { INSTRUMENT_KINDS } from "~/models/instrument.schema.ts";
import { NEW_SOURCE, SOURCE_KINDS } from "~/models/source.schema.ts";
import type { SourceOption } from "~/models/source.server.ts";
import { ConflictView } from "./conflict-view.tsx";
import { CsrfInput } from "./csrf-input.tsx";
import { ErrorSummary, FieldMessage, fieldProps } from "./form-errors.tsx";

/** A commitment form's values as typed: text as strings, checkboxes as booleans. */
export type CommitmentValues = Record<string, string | boolean | string[]>;

/** What a commitment form shows: the values (stored, or as typed) and what is wrong with them. */
export interface CommitmentFormState {
  values: CommitmentValues;
  errors: FieldErrors | null;
}

/** An edit form's state: also the version it carries, that version's values, and a conflict after a 409. */
export interface CommitmentEditState extends CommitmentFormState {
  version: number;
  base: CommitmentValues | null;
  conflict: EditConflict<CommitmentValues, string> | null;
}

const text = (values: CommitmentValues, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v.join("\n") : typeof v === "string" ? v : "";
};

/** A field's label: provisions.form.fields.<name>. */
function useFieldLabel() {
  const { t } = useTranslation();
  return (name: string) => t(`provisions.form.fields.${name}`);
}

interface FieldProps {
  name: string;
  label: string;
  state: CommitmentFormState;
  required?: boolean;
  hint?: string;
}

/** The label, hint and message around one control (an input, textarea or select). */
function Field({ name, label, state, required, hint, control }: FieldProps & { control: (props: ReturnType<typeof fieldProps>) => ReactNode }) {
  const hintId = hint ? `${fieldId(name)}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={fieldId(name)}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {control(fieldProps(name, state.errors, hintId))}
      <FieldMessage path={name} errors={state.errors} />
    </div>
  );
}

function TextField({
  type = "text",
  readOnly,
  lang,
  maxLength,
  ...field
}: FieldProps & { type?: "text" | "date" | "url" | "number"; readOnly?: boolean; lang?: string; maxLength?: number }) {
  return (
    <Field
      {...field}
      control={(props) => (
        <input
          {...props}
          name={field.name}
          defaultValue={text(field.state.values, field.name)}
          required={field.required}
          type={type}
          readOnly={readOnly}
          lang={lang}
          maxLength={maxLength}
        />
      )}
    />
  );
}

function TextAreaField({ rows = 3, lang, ...field }: FieldProps & { rows?: number; lang?: string }) {
  return (
    <Field
      {...field}
      control={(props) => (
        <textarea {...props} name={field.name} defaultValue={text(field.state.values, field.name)} required={field.required} rows={rows} lang={lang} />
      )}
    />
  );
}

function SelectField({ options, fallback, ...field }: FieldProps & { options: { value: string; label: string }[]; fallback?: string }) {
  const value = text(field.state.values, field.name) || fallback || "";
  return (
    <Field
      {...field}
      control={(props) => (
        <select {...props} name={field.name} defaultValue={value} required={field.required}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {/* A posted value that is not in the list stays visible (and is refused with a message) rather than silently replaced. */}
          {value && !options.some((o) => o.value === value) ? <option value={value}>{value}</option> : null}
        </select>
      )}
    />
  );
}

function CheckboxField({ name, label, state, hint }: FieldProps) {
  const hintId = hint ? `${fieldId(name)}-hint` : undefined;
  return (
    <div className="field field-checkbox">
      <input {...fieldProps(name, state.errors, hintId)} name={name} type="checkbox" defaultChecked={state.values[name] === true} />
      <label htmlFor={fieldId(name)}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <FieldMessage path={name} errors={state.errors} />
    </div>
  );
}

/** Choose an existing source, none, or type a new one. */
function SourceFields({ state, sources }: { state: CommitmentFormState; sources: SourceOption[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const f = useFieldLabel();
  return (
    <fieldset className="source-fields">
      <legend>{t("common.source")}</legend>
      <SelectField
        name="sourceKey"
        label={t("provisions.form.source")}
        state={state}
        options={[
          { value: "", label: t("provisions.form.noSource") },
          { value: NEW_SOURCE, label: t("provisions.form.newSource") },
          ...sources.map((s) => ({
            value: s.key,
            label: [s.title, s.publisher, s.publishedOn ? formatDate(s.publishedOn, lng) : null].filter(Boolean).join(" · ").slice(0, 160),
          })),
        ]}
      />
      <p className="hint">{t("provisions.form.newSourceHint")}</p>
      <TextField name="newSourceTitle" label={f("newSourceTitle")} state={state} maxLength={300} />
      <TextField name="newSourceUrl" label={f("newSourceUrl")} state={state} type="url" />
      <TextField name="newSourcePublisher" label={f("newSourcePublisher")} state={state} maxLength={200} />
      <SelectField
        name="newSourceKind"
        label={f("newSourceKind")}
        state={state}
        fallback="article"
        options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`provisions.sourceKinds.${k}`) }))}
      />
    </fieldset>
  );
}

/** One text in English (required), Spanish and French: the fields `name`, `nameEs` and `nameFr`. */
function TranslatedTextFields({ name, legend, state, maxLength }: { name: string; legend: string; state: CommitmentFormState; maxLength: number }) {
  const f = useFieldLabel();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <TextField name={name} label={f(name)} state={state} required lang="en" maxLength={maxLength} />
      <TextField name={`${name}Es`} label={f(`${name}Es`)} state={state} lang="es" maxLength={maxLength} />
      <TextField name={`${name}Fr`} label={f(`${name}Fr`)} state={state} lang="fr" maxLength={maxLength} />
    </fieldset>
  );
}

/** The code (or key) that names a record: typed once, then fixed, since links and addresses use it. */
function IdentifierField({
  name,
  state,
  editing,
  hint,
  maxLength,
}: {
  name: string;
  state: CommitmentFormState;
  editing: boolean;
  hint: string;
  maxLength: number;
}) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  return (
    <TextField
      name={name}
      label={f(name)}
      state={state}
      required
      readOnly={editing}
      hint={editing ? t("provisions.form.codeFixed") : hint}
      maxLength={maxLength}
    />
  );
}

const instrumentOptions = (instruments: { code: string; name: string }[]) => instruments.map((i) => ({ value: i.code, label: `${i.code} · ${i.name}` }));

export function ProvisionFields({
  state,
  instruments,
  sources,
  editing,
}: {
  state: CommitmentFormState;
  instruments: { code: string; name: string }[];
  sources: SourceOption[];
  editing: boolean;
}) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  return (
    <>
      <IdentifierField name="code" state={state} editing={editing} hint={t("provisions.form.codeHint")} maxLength={40} />
      <SelectField
        name="instrumentCode"
        label={f("instrumentCode")}
        state={state}
        required
        options={[{ value: "", label: t("provisions.form.choose") }, ...instrumentOptions(instruments)]}
      />
      <TextField name="pillar" label={f("pillar")} state={state} required hint={t("provisions.form.pillarHint")} maxLength={120} />
      <TranslatedTextFields name="title" legend={t("provisions.form.titleLegend")} state={state} maxLength={200} />
      <fieldset>
        <legend>{t("provisions.form.summaryLegend")}</legend>
        <p className="hint">{t("provisions.form.summaryHint")}</p>
        <TextAreaField name="summary" label={f("summary")} state={state} required lang="en" rows={4} />
        <TextAreaField name="summaryEs" label={f("summaryEs")} state={state} lang="es" rows={4} />
        <TextAreaField name="summaryFr" label={f("summaryFr")} state={state} lang="fr" rows={4} />
      </fieldset>
      <SelectField
        name="status"
        label={f("status")}
        state={state}
        required
        hint={t("provisions.form.statusHint")}
        options={[
          { value: "", label: t("provisions.form.choose") },
          ...PROVISION_STATUSES.map((s) => ({ value: s, label: t(`provisions.status.values.${s}`) })),
        ]}
      />
      <TextField name="statusNote" label={f("statusNote")} state={state} maxLength={500} />
      <CheckboxField name="isGap" label={f("isGap")} state={state} hint={t("provisions.gapHelp")} />
      <TextField name="madeOn" label={f("madeOn")} state={state} type="date" hint={t("provisions.form.madeOnHint")} />
      <fieldset>
        <legend>{t("provisions.form.termsLegend")}</legend>
        <p className="hint">{t("provisions.form.termsHint")}</p>
        <TextAreaField name="termsEn" label={f("termsEn")} state={state} lang="en" rows={5} />
        <TextAreaField name="termsEs" label={f("termsEs")} state={state} lang="es" rows={5} />
      </fieldset>
      <TextField name="position" label={f("position")} state={state} type="number" hint={t("provisions.form.positionHint")} />
      <SourceFields state={state} sources={sources} />
    </>
  );
}

export function InstrumentFields({ state, sources, editing }: { state: CommitmentFormState; sources: SourceOption[]; editing: boolean }) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  return (
    <>
      <IdentifierField name="code" state={state} editing={editing} hint={t("provisions.form.codeHint")} maxLength={40} />
      <TranslatedTextFields name="name" legend={t("provisions.form.nameLegend")} state={state} maxLength={300} />
      <SelectField
        name="kind"
        label={f("kind")}
        state={state}
        required
        options={[{ value: "", label: t("provisions.form.choose") }, ...INSTRUMENT_KINDS.map((k) => ({ value: k, label: t(`provisions.kinds.${k}`) }))]}
      />
      <TextField name="position" label={f("position")} state={state} type="number" hint={t("provisions.form.positionHint")} />
      <SourceFields state={state} sources={sources} />
    </>
  );
}

export function MilestoneFields({
  state,
  sources,
  instruments,
  editing,
}: {
  state: CommitmentFormState;
  sources: SourceOption[];
  instruments: { code: string; name: string }[];
  editing: boolean;
}) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  return (
    <>
      <IdentifierField name="key" state={state} editing={editing} hint={t("provisions.form.keyHint")} maxLength={60} />
      <TextField name="date" label={f("date")} state={state} required type="date" />
      <TranslatedTextFields name="label" legend={t("provisions.form.labelLegend")} state={state} maxLength={300} />
      <SelectField
        name="instrumentCode"
        label={f("instrumentCode")}
        state={state}
        options={[{ value: "", label: t("provisions.form.noInstrument") }, ...instrumentOptions(instruments)]}
      />
      <TextField name="note" label={f("note")} state={state} maxLength={500} />
      <SourceFields state={state} sources={sources} />
    </>
  );
}

/**
 * A page with a commitment form: where it belongs, its title, the audit note,
 * the error summary, after a 409 both versions, then the fields. An edit form
 * carries its version and that version's values (for the three-way merge).
 */
export function CommitmentFormPage({
  breadcrumbs,
  title,
  submitLabel,
  state,
  discardHref,
  children,
}: {
  breadcrumbs: { to: string; label: string }[];
  title: string;
  submitLabel: string;
  state: CommitmentFormState | CommitmentEditState;
  /** Edit pages: the address that opens the saved version afresh */
  discardHref?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const f = useFieldLabel();
  const edit = "version" in state ? state : null;
  return (
    <div className="form-page">
      <p className="breadcrumbs small">
        {breadcrumbs.map((b, i) => (
          <span key={b.to}>
            {i ? " › " : null}
            <Link to={b.to}>{b.label}</Link>
          </span>
        ))}
      </p>
      <h1>{title}</h1>
      <p>{t("provisions.form.auditNote")}</p>
      {/* Remounted after every answer of the server, so that the fields show that answer's values. */}
      <Form method="post" className="commitment-form stack" noValidate key={JSON.stringify([state.values, edit?.version])}>
        <CsrfInput />
        {edit ? (
          <>
            <input type="hidden" name="version" value={edit.version} />
            {edit.base ? <input type="hidden" name="base" value={JSON.stringify(edit.base)} /> : null}
          </>
        ) : null}
        <ErrorSummary errors={state.errors} label={f} order={Object.keys(state.values)} />
        {edit?.conflict ? (
          <ConflictView conflict={edit.conflict} lng={lng} label={f} text={(field, values) => conflictText(values[field], t)} discardHref={discardHref ?? ""} />
        ) : null}
        {children}
        <div>
          <button type="submit" className="button-primary">
            {submitLabel}
          </button>
        </div>
      </Form>
    </div>
  );
}

function conflictText(value: CommitmentValues[string] | undefined, t: (key: string) => string): string {
  if (typeof value === "boolean") return t(value ? "incidents.values.yes" : "incidents.values.no");
  const s = Array.isArray(value) ? value.join("\n") : (value ?? "");
  return s.trim() || t("incidents.values.none");
}
