// The fields of a case record, each declared once (CASE_FIELDS), and everything
// derived from them: the form's values and how they are read from a post, the
// one zod schema (run on the server before saving, with or without JavaScript,
// so the messages are the same), the record types, what the audit log
// records, labels, readable values and the three-way merge of two versions. The
// form's values stay strings exactly as typed (nothing typed is ever lost on an
// error); the schema turns them into an IncidentInput only when every field is
// right. README.md, "Adding a case field", says what else a new field needs.
import type { TFunction } from "~/lib/translate.ts";
import * as z from "zod";
import { isCountryCode } from "~/domain/countries.ts";
import { stateName } from "~/domain/incident-format.ts";
import { nameForAuditLog } from "~/domain/victim-name.ts";
import {
  CHARACTERISTICS,
  GENDERS,
  MX_STATE_CODES,
  MX_STATES,
  OUTCOMES,
  PERPETRATOR_TYPES,
  SECTORS,
  VERIFICATION_STATUSES,
  isMxState,
} from "~/domain/taxonomy.ts";
import {
  built,
  mergeVersions as mergeThreeWays,
  parseForm,
  plainText,
  type FieldAccess,
  type FormLike,
  type MergeResult,
  type Submission,
} from "~/lib/form.ts";
import {
  checkboxField,
  choiceField,
  codesField,
  countryField,
  dateField,
  sourcesField,
  textField,
  wholeNumberField,
  FORM_SECTIONS,
  type CaseField,
  type FormSection,
  type ShowContext,
  type SourceRow,
  type StoredCase,
  type Zod,
} from "./case-field.ts";

export { isWebAddress, latestAllowedStart, type DatePrecision, type ShowContext, type SourceRow } from "./case-field.ts";

/**
 * Every field of a case record, in the order the conflict view and the audit log
 * list them. The key is the column (of Incident, or of IncidentConfidential for a
 * sensitive field), the name the form posts and the label's key under
 * incidents.fields.
 */
export const CASE_FIELDS = {
  date: dateField({ section: "when", hint: "dateHint", minYear: 1990 }),
  victimName: textField({
    section: "who",
    max: 200,
    wide: true,
    hint: "nameHint",
    // A withheld name is sensitive: the log says that it is withheld, never what it is.
    audit: (s) => ({ victimName: nameForAuditLog({ victimName: (s.victimName as string | null) ?? null, victimNamePublic: s.victimNamePublic === true }) }),
  }),
  // Safer default: a name is published only when someone decides it may be.
  victimNamePublic: checkboxField({ section: "who", visibility: "staff", initial: false, hint: "namePublicHint" }),
  gender: choiceField({ section: "who", options: GENDERS, optionText: (c, t) => t(`taxonomy.gender.${c}`), required: true, initial: "unknown" }),
  age: wholeNumberField({
    section: "who",
    min: 0,
    max: 120,
    required: false,
    rangeMessage: "ageRange",
    hint: "ageHint",
    text: (v, { t }) => (v.trim() ? t("incidents.values.ageYears", { age: v.trim() }) : t("incidents.values.none")),
  }),
  victimCount: wholeNumberField({ section: "who", min: 1, max: 1000, required: true, initial: "1", rangeMessage: "victimRange" }),
  characteristics: codesField({ section: "who", options: CHARACTERISTICS, optionText: (c, t) => t(`taxonomy.characteristic.${c}`) }),
  outcome: choiceField({ section: "what", options: OUTCOMES, optionText: (c, t) => t(`taxonomy.outcome.${c}`), required: true, emptyOption: "choose" }),
  sector: choiceField({ section: "what", options: SECTORS, optionText: (c, t) => t(`taxonomy.sector.${c}`), required: true, emptyOption: "choose" }),
  perpetratorType: choiceField({
    section: "what",
    options: PERPETRATOR_TYPES,
    optionText: (c, t) => t(`taxonomy.perpetrator.${c}`),
    required: true,
    emptyOption: "choose",
  }),
  stateCode: choiceField({
    section: "where",
    options: MX_STATE_CODES,
    optionText: (c) => (isMxState(c) ? MX_STATES[c] : c),
    required: false,
    emptyOption: "stateNone",
    unknownMessage: "unknownState",
    text: (v, { t }) => stateName(v || null, t),
  }),
  municipality: textField({ section: "where", max: 200 }),
  companyName: textField({ section: "company", path: "company.name", max: 200 }),
  companyCountry: countryField({ section: "company", path: "company.country", isCountry: isCountryCode, emptyOption: "countryNone" }),
  description: textField({ section: "what", max: 5000, lines: 6, hint: "descriptionHint" }),
  sources: sourcesField({ section: "sources", hint: "sourcesHint", maxRows: 20, emptyRows: 2, urlMax: 2000, titleMax: 300 }),
  witnesses: textField({ section: "staffOnly", visibility: "sensitive", max: 5000, lines: 3 }),
  contacts: textField({ section: "staffOnly", visibility: "sensitive", max: 5000, lines: 3 }),
  exactLocation: textField({ section: "staffOnly", visibility: "sensitive", max: 500, wide: true }),
  confidentialNotes: textField({ section: "staffOnly", visibility: "sensitive", max: 10000, lines: 3 }),
} as const;

/** Checks across the fields of one group of the form, run on that group. */
const GROUP_CHECKS: Record<string, (group: Record<string, unknown>, ctx: z.RefinementCtx) => void> = {
  company: (c, ctx) => {
    if (c.country && !c.name) ctx.addIssue({ code: "custom", path: ["name"], message: "validation.companyNameRequired" });
  },
};

// ---------- Types derived from the list ----------

type Fields = typeof CASE_FIELDS;
export type CaseFieldKey = keyof Fields;
type ValueOf<F> = F extends { empty: () => infer V } ? V : never;
type StoredOf<F> = F extends { schema: (zod: never) => infer S extends z.ZodType } ? z.output<S> : never;
type PathOf<K extends string, F> = F extends { path: infer P extends string } ? P : F extends { visibility: "sensitive" } ? `confidential.${K}` : K;
type Nest<P extends string, V> = P extends `${infer A}.${infer B}` ? { [K in A]: Nest<B, V> } : { [K in P]: V };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type Simplify<T> = T extends Date ? T : T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]: Simplify<T[K]> } : T;
type KeysWhere<C> = { [K in CaseFieldKey]: Fields[K] extends C ? K : never }[CaseFieldKey];
type SensitiveKey = KeysWhere<{ visibility: "sensitive" }>;
type StoredKey = Exclude<CaseFieldKey, SensitiveKey>;
/** Fields staff read but viewers never receive (stored with the case, named in the audit log). */
export type StaffOnlyKey = KeysWhere<{ visibility: "staff" }>;
/** The columns a field stores: its key, or the columns it names itself (the date's). */
type ColumnsOf<K extends CaseFieldKey> = Fields[K] extends { columnNames: readonly string[] } ? StoredOf<Fields[K]> : { [P in K]: StoredOf<Fields[K]> };

/** What the form holds: strings as typed (checkboxes as booleans and lists), nested as the form's paths are. */
export type IncidentFormValues = Simplify<UnionToIntersection<{ [K in CaseFieldKey]: Nest<PathOf<K, Fields[K]>, ValueOf<Fields[K]>> }[CaseFieldKey]>>;

/** The staff-only fields of a case record, as stored. */
export type ConfidentialFields = { [K in SensitiveKey]: StoredOf<Fields[K]> };

/** A valid case record, ready to store. */
export type IncidentInput = Simplify<UnionToIntersection<{ [K in StoredKey]: ColumnsOf<K> }[StoredKey]> & { confidential: ConfidentialFields }>;

/** The fields of a case record that the form edits, as stored (the audit log, the edit form and the case views read these). */
export type IncidentRecordFields = Simplify<Omit<IncidentInput, "confidential" | "datePrecision"> & { datePrecision: string }>;

// ---------- The list at run time ----------

type AnyField = CaseField<any, any>;
const fieldOf = (key: CaseFieldKey) => CASE_FIELDS[key] as AnyField;
const KEYS = Object.keys(CASE_FIELDS) as CaseFieldKey[];

/** A field's path in the form values ("municipality", "company.name", "confidential.witnesses"). */
export function fieldPath(key: CaseFieldKey): IncidentField {
  const field = fieldOf(key);
  return (field.path ?? (field.visibility === "sensitive" ? `confidential.${key}` : key)) as IncidentField;
}

/** The form's fields by path, in the order of the list (the conflict view and the merge compare these). */
export const INCIDENT_FIELDS = KEYS.map(fieldPath) as IncidentField[];
export type IncidentField = { [K in CaseFieldKey]: PathOf<K, Fields[K]> }[CaseFieldKey];
const KEY_BY_PATH = new Map(KEYS.map((k) => [fieldPath(k), k]));

/** Paths of the fields that are staff-only and sensitive (never shown to viewers, never in the audit log). */
export const SENSITIVE_FIELDS = INCIDENT_FIELDS.filter((p) => fieldOf(KEY_BY_PATH.get(p)!).visibility === "sensitive");
export const SENSITIVE_KEYS = KEYS.filter((k) => fieldOf(k).visibility === "sensitive") as SensitiveKey[];
export const STAFF_ONLY_KEYS = KEYS.filter((k) => fieldOf(k).visibility === "staff") as StaffOnlyKey[];
/** Columns of Incident that the form writes (relations and sensitive fields are stored apart). */
export const INCIDENT_COLUMNS = KEYS.filter((k) => fieldOf(k).storage === "column" && fieldOf(k).visibility !== "sensitive").flatMap(
  (k) => fieldOf(k).columnNames ?? [k],
) as ColumnName[];
type ColumnName = Exclude<keyof IncidentInput, "confidential" | "characteristics" | "sources">;

/** The form's sections, each with its fields' keys in the order the form shows them. */
export const FORM_LAYOUT: { section: FormSection; keys: CaseFieldKey[] }[] = FORM_SECTIONS.map((section) => ({
  section,
  keys: KEYS.filter((k) => fieldOf(k).section === section),
}));

/** The declaration of a field, for the form and the views. */
export function caseField(key: CaseFieldKey): AnyField {
  return fieldOf(key);
}

function valueAt(values: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((v, part) => (v as Record<string, unknown> | undefined)?.[part], values);
}

function setAt(values: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  const last = parts.pop()!;
  let target = values;
  for (const part of parts) target = (target[part] ??= {}) as Record<string, unknown>;
  target[last] = value;
}

/** A field's value in one version of the form. */
export function fieldValue<V = unknown>(values: IncidentFormValues, key: CaseFieldKey): V {
  return valueAt(values, fieldPath(key)) as V;
}

function buildValues(value: (field: AnyField, key: CaseFieldKey) => unknown): IncidentFormValues {
  const values: Record<string, unknown> = {};
  for (const key of KEYS) setAt(values, fieldPath(key), value(fieldOf(key), key));
  return values as IncidentFormValues;
}

/** Schemas nested as the form's paths are, with the checks of each group. */
function nestedSchema(leaf: (field: AnyField) => z.ZodType): z.ZodObject {
  const tree: Record<string, unknown> = {};
  for (const key of KEYS) setAt(tree, fieldPath(key), leaf(fieldOf(key)));
  const build = (node: Record<string, unknown>, name?: string): z.ZodType => {
    const object = z.object(Object.fromEntries(Object.entries(node).map(([k, v]) => [k, v instanceof z.ZodType ? v : build(v as Record<string, unknown>, k)])));
    const check = name ? GROUP_CHECKS[name] : undefined;
    return check ? object.superRefine(check) : object;
  };
  return build(tree) as z.ZodObject;
}

// ---------- The form ----------

export function emptyIncidentForm(): IncidentFormValues {
  return buildValues((field) => field.empty());
}

/** The form's fields as posted. */
export function readIncidentForm(form: FormLike): IncidentFormValues {
  return buildValues((field, key) => field.read(form, key));
}

// What the fields' schemas are built with: the constructors by name, never the namespace
// object itself, which would bring the whole of zod into the bundle.
const ZOD: Zod = { array: z.array, boolean: z.boolean, object: z.object, string: z.string };

// The schemas below are marked pure for the bundler: a page that imports this module only
// for the field list (the case page, the conflict view) then leaves them, and zod, out of its
// JavaScript (docs/decisions/114-zod-only-where-a-form-is-checked.md).
/** The one schema of the form: the values as typed -> the stored values, nested as the form's paths. */
export const incidentSchema = /* @__PURE__ */ nestedSchema((field) => field.schema(ZOD));

/** The shape of form values (no rules), to read back a version the page carried (the edit form's base). */
export const incidentValuesShape = /* @__PURE__ */ nestedSchema((field) => field.shape(ZOD)) as unknown as z.ZodType<IncidentFormValues>;

export type IncidentValidation = Submission<IncidentFormValues, IncidentInput>;

/** Checks the form's values: the record to store, or the errors with the values kept. */
export function validateIncident(values: IncidentFormValues): IncidentValidation {
  const checked = parseForm(incidentSchema, values);
  if (!checked.ok) return checked;
  const input: Record<string, unknown> = { confidential: {} };
  for (const key of KEYS) {
    const field = fieldOf(key);
    const stored = valueAt(checked.data, fieldPath(key));
    const columns = field.columns ? field.columns(stored) : { [key]: stored };
    Object.assign(field.visibility === "sensitive" ? (input.confidential as Record<string, unknown>) : input, columns);
  }
  return { ok: true, values, data: input as IncidentInput };
}

/** A stored record as form values (for the edit form and for comparing versions). */
export function incidentToFormValues(
  record: Omit<IncidentRecordFields, "characteristics" | "year" | StaffOnlyKey> &
    Partial<Pick<IncidentRecordFields, StaffOnlyKey>> & {
      characteristics: string[] | { code: string }[];
      confidential?: ConfidentialFields | null;
    },
): IncidentFormValues {
  return buildValues((field, key) => field.fromStored(record as unknown as StoredCase, key));
}

export function parseFormValues(json: string): IncidentFormValues | null {
  try {
    const result = incidentValuesShape.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/**
 * "Add another source" and "Remove source N" are submit buttons, so that they
 * work without JavaScript: the form comes back with every value kept and one row
 * more or less. Returns null for any other intent.
 */
export function applySourceRowIntent(values: IncidentFormValues, intent: string): IncidentFormValues | null {
  const { maxRows } = CASE_FIELDS.sources;
  if (intent === "add-source") {
    if (values.sources.length >= maxRows) return values;
    return { ...values, sources: [...values.sources, { url: "", title: "" }] };
  }
  const m = /^remove-source-(\d+)$/.exec(intent);
  if (!m) return null;
  const index = Number(m[1]);
  const sources: SourceRow[] = values.sources.filter((_, i) => i !== index);
  return { ...values, sources: sources.length ? sources : [{ url: "", title: "" }] };
}

// ---------- Comparing versions ----------

const ACCESS: FieldAccess<IncidentFormValues, IncidentField> = {
  fields: INCIDENT_FIELDS,
  compare: (values, path) => fieldOf(KEY_BY_PATH.get(path)!).compare(valueAt(values, path)),
  copy: (into, from, path) => setAt(into as unknown as Record<string, unknown>, path, structuredClone(valueAt(from, path))),
};

/** A field's value in a comparable form (trimmed, lists sorted, empty rows left out). */
export function comparableValue(values: IncidentFormValues, field: IncidentField): string {
  return ACCESS.compare(values, field);
}

/** Fields whose values differ between two versions of the form. */
export function changedFields(a: IncidentFormValues, b: IncidentFormValues): IncidentField[] {
  return INCIDENT_FIELDS.filter((f) => comparableValue(a, f) !== comparableValue(b, f));
}

/**
 * Three-way merge of a refused save (see app/lib/form.ts): yours where you
 * changed a field, theirs where only they did.
 */
export function mergeVersions(
  base: IncidentFormValues | null,
  theirs: IncidentFormValues,
  yours: IncidentFormValues,
): MergeResult<IncidentFormValues, IncidentField> {
  return mergeThreeWays(base, theirs, yours, ACCESS);
}

// ---------- Reading fields: audit log, labels, values ----------

/** The non-sensitive fields of a case, as the audit log records them. */
export function incidentAuditValues(record: IncidentRecordFields): Record<string, unknown> {
  const stored = record as unknown as StoredCase;
  const values: Record<string, unknown> = {};
  for (const key of KEYS) {
    const field = fieldOf(key);
    if (field.visibility === "sensitive") continue;
    Object.assign(values, field.audit ? field.audit(stored, key) : { [key]: stored[key] });
  }
  return values;
}

/** The label of a field path as the form names it ("sources.1.url" -> "Source 2: web address"). */
export function incidentFieldLabel(path: string, t: TFunction): string {
  const key = KEY_BY_PATH.get(path as IncidentField) ?? KEYS.find((k) => path.startsWith(`${fieldPath(k)}.`));
  if (!key) return path;
  const field = fieldOf(key);
  const label = t(`incidents.fields.${key}`);
  const rest = path.slice(fieldPath(key).length + 1);
  if (!rest || !field.partLabel) return label;
  const part = field.partLabel(rest.split("."), t);
  return key === "date" ? `${label}: ${part}` : part;
}

/** A field's value in one version of the form, as a person reads it. */
export function incidentFieldText(path: IncidentField, values: IncidentFormValues, ctx: ShowContext): string {
  return fieldOf(KEY_BY_PATH.get(path)!).text(valueAt(values, path), ctx);
}

// ---------- Other forms of a case record ----------

/** Purging a deleted case for good needs its box ticked. */
export const purgeSchema = /* @__PURE__ */ built(() => z.object({ confirm: z.literal("yes", { error: "validation.confirmPurge" }) }));

export const VERIFICATION_NOTE_MAX = 2000;

export const verificationSchema = /* @__PURE__ */ built(() =>
  z.object({
    status: z.enum(VERIFICATION_STATUSES, { message: "validation.unknownChoice" }),
    note: plainText().max(VERIFICATION_NOTE_MAX),
    // At most nine digits, as every edit form's version (readVersion): a longer number is no record's version and no database integer.
    version: z.string().regex(/^\d{1,9}$/, { message: "validation.notWholeNumber" }),
  }),
);
