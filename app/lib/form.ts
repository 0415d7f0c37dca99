// Forms, one way (docs/decisions/045-one-form-convention.md). A form is read into
// its values exactly as typed and checked with its zod schema on the server (the
// browser does not carry zod: docs/decisions/114-zod-only-where-a-form-is-checked.md): the outcome is either the typed input of a model or
// the values again with FieldErrors. Every save of a model answers a SaveResult.
// An edit names the integer version it started from; a save refused because
// someone saved in between is merged three ways with the newer version, so that
// nothing typed is lost and nothing of theirs is silently undone.
import * as z from "zod";
import { issuesToErrors, type FieldError, type FieldErrors } from "./form-errors.ts";

/** FormData, or anything that reads like it (URLSearchParams). */
export interface FormLike {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

export function formText(form: FormLike, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
}

export function formTexts(form: FormLike, name: string): string[] {
  return form.getAll(name).map((v) => (typeof v === "string" ? v : ""));
}

/** A ticked checkbox posts "on" (or the value it was given); an unticked one posts nothing. */
export function formCheckbox(form: FormLike, name: string): boolean {
  return ["on", "1", "true"].includes(formText(form, name));
}

/** A form read and checked: the model's typed input, or what was typed with what is wrong. */
export type Submission<V, T> = { ok: true; values: V; data: T } | { ok: false; values: V; errors: FieldErrors };

/** Checks values as typed against a schema. */
export function parseForm<V, T>(schema: z.ZodType<T>, values: V): Submission<V, T> {
  const result = schema.safeParse(values);
  return result.success ? { ok: true, values, data: result.data } : { ok: false, values, errors: issuesToErrors(result.error.issues) };
}

type Input<S extends z.ZodObject> = z.input<S>;

/** A flat form's values as typed: text as strings, checkboxes as booleans, repeated fields as lists of strings. */
export type FlatValues<S extends z.ZodObject> = {
  [K in keyof Input<S>]-?: NonNullable<Input<S>[K]> extends boolean ? boolean : NonNullable<Input<S>[K]> extends readonly unknown[] ? string[] : string;
};

type ControlKind = "checkbox" | "list" | "text";

/** What a field of the schema expects from the form, looking through transforms and pipes to the value posted. */
function controlKind(schema: z.ZodType): ControlKind {
  const def = (schema as unknown as { _zod: { def: { type: string; in?: z.ZodType; innerType?: z.ZodType } } })._zod.def;
  if (def.type === "boolean") return "checkbox";
  if (def.type === "array") return "list";
  if (def.type === "pipe" && def.in) return controlKind(def.in);
  if (def.innerType) return controlKind(def.innerType);
  return "text";
}

/** Reads every field the schema names; a field the form did not send reads as empty. */
export function readFlatValues<S extends z.ZodObject>(form: FormLike, schema: S): FlatValues<S> {
  const values: Record<string, string | boolean | string[]> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const kind = controlKind(field as z.ZodType);
    values[name] = kind === "checkbox" ? formCheckbox(form, name) : kind === "list" ? formTexts(form, name) : formText(form, name);
  }
  return values as FlatValues<S>;
}

/** The one form reader of a flat form: FormData + schema -> typed input, or field errors with every value kept. */
export function readForm<S extends z.ZodObject>(form: FormLike, schema: S): Submission<FlatValues<S>, z.output<S>> {
  return parseForm(schema, readFlatValues(form, schema)) as Submission<FlatValues<S>, z.output<S>>;
}

/** A schema that accepts exactly the shape of a flat form's values (to read back a version a page carried). */
export function flatValuesShape<S extends z.ZodObject>(schema: S): z.ZodType<FlatValues<S>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, field] of Object.entries(schema.shape)) {
    const kind = controlKind(field as z.ZodType);
    shape[name] = kind === "checkbox" ? z.boolean() : kind === "list" ? z.array(z.string()) : z.string();
  }
  return z.object(shape) as unknown as z.ZodType<FlatValues<S>>;
}

// ---------- Schemas built once, left out of the browser ----------

/**
 * Builds a schema when its module loads. Written `/* @__PURE__ *\/ built(() => ...)`
 * for the bundler: a page that imports a schema module only for its constants, or
 * for its action (which the browser build drops), then carries neither the schema
 * nor zod; only the server runs the schemas
 * (docs/decisions/114-zod-only-where-a-form-is-checked.md). A function, because
 * esbuild keeps whatever calls the arguments of a pure call make.
 */
export function built<T>(build: () => T): T {
  return build();
}

// ---------- Field checks shared by the forms ----------
// Messages are keys under validation.*: zod's own checks are mapped by
// app/lib/form-errors.ts (empty -> required, too long -> tooLong with its maximum).

/**
 * True when text holds a control character other than tab and line breaks: none
 * is text a person types, and PostgreSQL cannot store NUL at all (a save or a
 * lookup with one fails there), so every stored text refuses them on both databases.
 */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

/**
 * Any text a form stores: trimmed, without control characters (validation.controlCharacters),
 * built from the zod it is handed, for modules that keep zod out of the browser (app/models/case-field.ts).
 */
export const plainTextOf = (zod: Pick<typeof z, "string">) =>
  zod
    .string()
    .trim()
    .refine((v) => !hasControlCharacters(v), "validation.controlCharacters");

/** Any text a form stores: trimmed, without control characters. */
export const plainText = () => plainTextOf(z);

/** Text that must be given, trimmed. */
export const requiredText = (max: number) => plainText().min(1).max(max);

/** Text that may be left empty (stored as null), trimmed. */
export const optionalText = (max: number) =>
  plainText()
    .max(max)
    .transform((v) => (v === "" ? null : v));

/** One code of a list; empty reads as "required", anything else not listed as "unknownChoice". */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .min(1)
    .pipe(z.enum(values, { error: "validation.unknownChoice" }));

/** A calendar date as YYYY-MM-DD that exists (no 30 February). */
export const isoDate = /* @__PURE__ */ built(() =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.badDate")
    .refine((v) => {
      const d = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
    }, "validation.badDate"),
);

/** A date that may be left empty (null). */
export const optionalIsoDate = /* @__PURE__ */ built(() =>
  z
    .literal("")
    .transform(() => null)
    .or(isoDate),
);

// ---------- Saves ----------

/**
 * What every save of a model answers: saved (with what the caller needs, such
 * as the new code or version), refused for what was sent (field errors, shown
 * next to the fields), refused because the record changed since the form was
 * read (the newer version, for a 409), or refused because the record is gone.
 */
export type SaveResult<Saved extends object = object, Conflict = never> =
  | ({ ok: true } & Saved)
  | { ok: false; errors: FieldErrors; conflict?: undefined; missing?: undefined }
  | { ok: false; conflict: Conflict; errors?: undefined; missing?: undefined }
  | { ok: false; missing: true; errors?: undefined; conflict?: undefined };

/** A save refused for one field (a code already taken, an unknown choice). */
export function refuse(path: string, key: string, values?: FieldError["values"]): { ok: false; errors: FieldErrors } {
  return { ok: false, errors: { [path]: values ? { key, values } : { key } } };
}

/** The version an edit form started from (its hidden "version" field); null when absent or not a whole number. */
export function readVersion(form: FormLike): number | null {
  const text = formText(form, "version");
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

/** A version of a form's values that the page carried in its hidden "base" field; null when absent or of the wrong shape. */
export function readBase<V>(form: FormLike, shape: z.ZodType<V>): V | null {
  try {
    const result = shape.safeParse(JSON.parse(formText(form, "base")));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

// ---------- Two people editing the same record ----------

/** How a form compares and copies its fields, for the three-way merge. */
export interface FieldAccess<V, F extends string> {
  /** The fields in the order the conflict view lists them */
  fields: readonly F[];
  /** A field's value in a comparable form (trimmed, lists sorted) */
  compare: (values: V, field: F) => string;
  copy: (into: V, from: V, field: F) => void;
}

/** Access to the fields of a flat form: each value compared as trimmed text. */
export function flatAccess<V extends Record<string, string | boolean | string[]>>(fields: readonly (keyof V & string)[]): FieldAccess<V, keyof V & string> {
  return {
    fields,
    compare: (v, f) => {
      const value = v[f];
      return Array.isArray(value) ? [...value].map((s) => s.trim()).join("\n") : String(value ?? "").trim();
    },
    copy: (into, from, f) => {
      into[f] = structuredClone(from[f]);
    },
  };
}

export interface MergeResult<V, F extends string> {
  /** Yours, with the fields only they changed taken from theirs */
  merged: V;
  /** Changed by both, differently: your value is kept, theirs is shown beside it */
  both: F[];
  /** Changed only by them since your version: their value is now in the form */
  theirsOnly: F[];
}

/**
 * Three-way merge of a refused save: `base` is the version the editor started
 * from, `theirs` the newer saved one, `yours` what was posted. A field you
 * changed keeps your value; a field only they changed takes theirs (saving again
 * then cannot silently undo their work). Without a base, every field that
 * differs is shown and yours is kept.
 */
export function mergeVersions<V, F extends string>(base: V | null, theirs: V, yours: V, access: FieldAccess<V, F>): MergeResult<V, F> {
  const merged = structuredClone(yours);
  const both: F[] = [];
  const theirsOnly: F[] = [];
  for (const field of access.fields) {
    const t = access.compare(theirs, field);
    const y = access.compare(yours, field);
    if (t === y) continue;
    if (!base) {
      both.push(field);
      continue;
    }
    const b = access.compare(base, field);
    if (t === b) continue;
    if (y === b) {
      access.copy(merged, theirs, field);
      theirsOnly.push(field);
    } else {
      both.push(field);
    }
  }
  return { merged, both, theirsOnly };
}

/** A stored record as its edit form shows it, with the version the form carries. */
export interface EditForm<V> {
  values: V;
  version: number;
}

/** The newer version of a record that a refused save ran into, as its edit form shows it. */
export interface StoredVersion<V> {
  values: V;
  version: number;
  /** Who saved it, when the audit log knows */
  savedBy: string | null;
  /** ISO date and time of that save */
  savedAt: string;
}

/** What an edit page shows after a 409: both versions, which fields differ, and who saved first. */
export interface EditConflict<V, F extends string> {
  theirs: V;
  /** What was posted, before the merge */
  yours: V;
  both: F[];
  theirsOnly: F[];
  /** The newer version, which the form now carries */
  version: number;
  savedBy: string | null;
  /** ISO date and time of their save */
  savedAt: string;
}
