// Form fields for instruments, provisions and milestones. Every field shows what
// was typed after a failed save (values come back from the action) and its error
// next to it, linked with aria-describedby; a summary at the top lists them all.
import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/lib/language.ts";
import { formatDate } from "~/lib/format.ts";
import { FIGURE_STATUSES } from "~/domain/taxonomy.ts";
import { INSTRUMENT_KINDS, NEW_SOURCE, SOURCE_KINDS, type FieldErrors } from "~/models/provision.schema.ts";
import type { SourceOption } from "~/models/source.server.ts";
import { CsrfInput } from "./csrf-input.tsx";

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
}

function useFieldError(name: string, state: FormState) {
  const { t } = useTranslation();
  const code = state.errors[name]?.[0];
  return code ? { id: `${name}-error`, text: t(`provisions.errors.${code}`, { defaultValue: t("provisions.errors.invalid") }) } : null;
}

function FieldError({ error }: { error: { id: string; text: string } | null }) {
  return error ? (
    <span className="field-error" id={error.id}>
      {error.text}
    </span>
  ) : null;
}

interface FieldProps {
  name: string;
  label: string;
  state: FormState;
  required?: boolean;
  hint?: string;
}

/** What every control of a field carries: its name, the value typed, and links to its hint and error. */
interface ControlProps {
  id: string;
  name: string;
  defaultValue: string;
  required?: boolean;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

/** The label, hint and error around one control (an input, textarea or select). */
function Field({ name, label, state, required, hint, control }: FieldProps & { control: (props: ControlProps) => ReactNode }) {
  const error = useFieldError(name, state);
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={name}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {control({
        id: name,
        name,
        defaultValue: state.values[name] ?? "",
        required,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, error?.id].filter(Boolean).join(" ") || undefined,
      })}
      <FieldError error={error} />
    </div>
  );
}

export function TextField({
  type = "text",
  readOnly,
  lang,
  maxLength,
  ...field
}: FieldProps & {
  type?: "text" | "date" | "url" | "number";
  readOnly?: boolean;
  lang?: string;
  maxLength?: number;
}) {
  return <Field {...field} control={(props) => <input {...props} type={type} readOnly={readOnly} lang={lang} maxLength={maxLength} />} />;
}

export function TextAreaField({ rows = 3, lang, ...field }: FieldProps & { rows?: number; lang?: string }) {
  return <Field {...field} control={(props) => <textarea {...props} rows={rows} lang={lang} />} />;
}

export function SelectField({ options, ...field }: FieldProps & { options: { value: string; label: string }[] }) {
  return (
    <Field
      {...field}
      control={(props) => (
        <select {...props}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** Choose an existing source, none, or type a new one. */
export function SourceFields({ state, sources }: { state: FormState; sources: SourceOption[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
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
      <TextField name="newSourceTitle" label={t("provisions.form.newSourceTitle")} state={state} maxLength={300} />
      <TextField name="newSourceUrl" label={t("provisions.form.newSourceUrl")} state={state} type="url" />
      <TextField name="newSourcePublisher" label={t("provisions.form.newSourcePublisher")} state={state} maxLength={200} />
      <SelectField
        name="newSourceKind"
        label={t("provisions.form.newSourceKind")}
        state={{ ...state, values: { newSourceKind: "article", ...state.values } }}
        options={SOURCE_KINDS.map((k) => ({ value: k, label: t(`provisions.sourceKinds.${k}`) }))}
      />
    </fieldset>
  );
}

/** The list of errors at the top of a form, each linking to its field. */
export function ErrorSummary({ state }: { state: FormState }) {
  const { t } = useTranslation();
  const entries = Object.entries(state.errors).filter(([, v]) => v?.length);
  const ref = useRef<HTMLDivElement>(null);
  // After a failed save in the browser, bring the list of problems into view and focus.
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [state]);
  if (!entries.length) return null;
  return (
    <div className="form-error" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <strong>{t("provisions.form.errorSummary")}</strong>
      </p>
      <ul>
        {entries.map(([name, codes]) => (
          <li key={name}>
            {name === "form" ? (
              t(`provisions.errors.${codes![0]}`)
            ) : (
              <a href={`#${name}`}>
                {t(`provisions.form.fields.${name}`, { defaultValue: name })}:{" "}
                {t(`provisions.errors.${codes![0]}`, { defaultValue: t("provisions.errors.invalid") })}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CommitmentForm({
  children,
  submitLabel,
  state,
  updatedAt,
}: {
  children: ReactNode;
  submitLabel: string;
  state: FormState;
  updatedAt?: string;
}) {
  return (
    <Form method="post" className="commitment-form stack" noValidate>
      <CsrfInput />
      {updatedAt ? <input type="hidden" name="expectedUpdatedAt" value={updatedAt} /> : null}
      <ErrorSummary state={state} />
      {children}
      <div>
        <button type="submit" className="button-primary">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}

const instrumentOptions = (instruments: { code: string; name: string }[]) => instruments.map((i) => ({ value: i.code, label: `${i.code} · ${i.name}` }));

/** A field's label: provisions.form.fields.<name>. */
function useFieldLabel() {
  const { t } = useTranslation();
  return (name: string) => t(`provisions.form.fields.${name}`);
}

/** One text in English (required), Spanish and French: the fields `name`, `nameEs` and `nameFr`. */
function TranslatedTextFields({ name, legend, state, maxLength }: { name: string; legend: string; state: FormState; maxLength: number }) {
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

export function ProvisionFields({
  state,
  instruments,
  sources,
  editing,
}: {
  state: FormState;
  instruments: { code: string; name: string }[];
  sources: SourceOption[];
  editing: boolean;
}) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  return (
    <>
      <TextField
        name="code"
        label={f("code")}
        state={state}
        required
        readOnly={editing}
        hint={editing ? t("provisions.form.codeFixed") : t("provisions.form.codeHint")}
        maxLength={40}
      />
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
        options={[{ value: "", label: t("provisions.form.choose") }, ...FIGURE_STATUSES.map((s) => ({ value: s, label: t(`common.figureStatus.${s}`) }))]}
      />
      <TextField name="statusNote" label={f("statusNote")} state={state} maxLength={500} />
      <div className="field field-checkbox">
        <input id="isGap" name="isGap" type="checkbox" defaultChecked={state.values.isGap === "on"} aria-describedby="isGap-hint" />
        <label htmlFor="isGap">{f("isGap")}</label>
        <span className="hint" id="isGap-hint">
          {t("provisions.gapHelp")}
        </span>
      </div>
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

export function InstrumentFields({ state, sources, editing }: { state: FormState; sources: SourceOption[]; editing: boolean }) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  return (
    <>
      <TextField
        name="code"
        label={f("code")}
        state={state}
        required
        readOnly={editing}
        hint={editing ? t("provisions.form.codeFixed") : t("provisions.form.codeHint")}
        maxLength={40}
      />
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
  state: FormState;
  sources: SourceOption[];
  instruments: { code: string; name: string }[];
  editing: boolean;
}) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  return (
    <>
      <TextField
        name="key"
        label={f("key")}
        state={state}
        required
        readOnly={editing}
        hint={editing ? t("provisions.form.codeFixed") : t("provisions.form.keyHint")}
        maxLength={60}
      />
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
 * The page around an edit form for an instrument or a milestone: where it
 * belongs, its title, the audit note, the conflict notice, then the fields.
 */
export function EditCommitmentPage({
  back,
  title,
  stored,
  result,
  children,
}: {
  back: { to: string; label: string };
  title: string;
  stored: { values: FormState["values"]; updatedAt: string };
  result: (FormState & { updatedAt: string }) | undefined;
  children: (state: FormState) => ReactNode;
}) {
  const { t } = useTranslation();
  const state: FormState = result ?? { values: stored.values, errors: {} };
  return (
    <div className="form-page">
      <p className="breadcrumbs small">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t("provisions.form.auditNote")}</p>
      {result?.errors.form ? <p className="notice">{t("provisions.form.conflictHelp")}</p> : null}
      <CommitmentForm submitLabel={t("provisions.form.save")} state={state} updatedAt={result?.updatedAt ?? stored.updatedAt}>
        {children(state)}
      </CommitmentForm>
    </div>
  );
}
