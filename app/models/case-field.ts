// The kinds of field a case record has, and everything a kind knows: how its form
// control posts it, how it is checked and turned into what is stored, how a
// stored value reads back into the form, how two versions are compared, what
// the audit log records and how a person reads it. The fields themselves are
// declared once, in CASE_FIELDS (app/models/incident.schema.ts); a new field of
// an existing kind needs nothing here.
import type { TFunction } from "~/lib/translate.ts";
import type * as z from "zod";
import { formCheckbox, formText, formTexts, plainTextOf, type FormLike } from "~/lib/form.ts";
import { formatDate, formatNumber } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";
import type { DATE_PRECISIONS } from "~/domain/taxonomy.ts";

/** The parts of the form, in the order it shows them (legends under incidents.form). */
export const FORM_SECTIONS = ["when", "who", "what", "where", "company", "sources", "staffOnly"] as const;
export type FormSection = (typeof FORM_SECTIONS)[number];

/**
 * Who may read a field: whoever may read the case ("public"), staff only but
 * stored with the case and named in the audit log ("staff"), or staff only and
 * stored apart, never exported and never written to the audit log ("sensitive").
 */
export type Visibility = "public" | "staff" | "sensitive";

/**
 * zod, handed to a field's schema when the schema is wanted. This module never
 * imports zod itself, so that the pages that only show fields (the case page, the
 * conflict view) do not carry it: only the modules that check a form do
 * (docs/decisions/114-zod-only-where-a-form-is-checked.md).
 */
export type Zod = Pick<typeof z, "array" | "boolean" | "object" | "string">;

/** What showing a value to a person needs. */
export interface ShowContext {
  t: TFunction;
  lng: Language;
  /** Country names come from the server (Intl differs between Node and browsers). */
  countryName: (code: string) => string;
}

/** How a field's control looks; the incident form renders each type once. */
export type Control =
  | { type: "text"; wide: boolean }
  | { type: "textarea"; rows: number }
  | { type: "number" }
  | { type: "select"; options: readonly string[]; optionText: (code: string, t: TFunction) => string; emptyOption?: string }
  | { type: "country"; emptyOption: string }
  | { type: "checkbox" }
  | { type: "checkboxes"; options: readonly string[]; optionText: (code: string, t: TFunction) => string }
  | { type: "date"; minYear: number }
  | { type: "sources"; maxRows: number; emptyRows: number };

/** A stored case as the field reads it: its columns, its relations, and its staff-only fields under `confidential`. */
export type StoredCase = Record<string, unknown> & { confidential?: Record<string, unknown> | null };

export interface CaseField<V, S> {
  control: Control;
  section: FormSection;
  visibility: Visibility;
  required: boolean;
  /** Key of a hint under incidents.form, shown under the label */
  hint?: string;
  /** Where the value sits in the form values, when not at its key ("company.name") */
  path?: string;
  /** A column of Incident (or IncidentConfidential), or a table of its own handled by the model */
  storage: "column" | "relation";
  /** The empty value of a new form */
  empty: () => V;
  /** The value as posted; `name` is the field's key */
  read: (form: FormLike, name: string) => V;
  /** Checks the value as typed and turns it into what is stored */
  schema: (zod: Zod) => z.ZodType<S, V>;
  /** The shape of the value as typed (to read back a version a page carried) */
  shape: (zod: Zod) => z.ZodType<V>;
  /** The stored value as the form shows it */
  fromStored: (stored: StoredCase, key: string) => V;
  /** A field stored in several columns names them, and says what each holds (default: one column, the field's key) */
  columnNames?: readonly string[];
  columns?: (value: S) => Record<string, unknown>;
  /** The value in a comparable form (trimmed, lists sorted, empty rows left out) */
  compare: (value: V) => string;
  /** The value as a person reads it */
  text: (value: V, ctx: ShowContext) => string;
  /** What the audit log records of a stored case (default: the column as stored) */
  audit?: (stored: StoredCase, key: string) => Record<string, unknown>;
  /** The label of a part of the field ("sources.1.url"), when parts have labels of their own */
  partLabel?: (parts: string[], t: TFunction) => string;
}

interface Common {
  section: FormSection;
  visibility?: Visibility;
  hint?: string;
  path?: string;
  /** What the audit log records, when not the column as stored */
  audit?: (stored: StoredCase, key: string) => Record<string, unknown>;
}

const none = (ctx: ShowContext) => ctx.t("incidents.values.none");
const orNull = (v: string) => (v === "" ? null : v);
const trimmedOrNone = (v: string, ctx: ShowContext) => v.trim() || none(ctx);
const storedText = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** Reads the stored value of a column, looking under `confidential` for a sensitive one. */
function columnOf(stored: StoredCase, key: string, visibility: Visibility | undefined): unknown {
  return visibility === "sensitive" ? stored.confidential?.[key] : stored[key];
}

/** Free text; stored trimmed, empty as null. */
export function textField<const O extends Common & { max: number; lines?: number; wide?: boolean }>(o: O) {
  return {
    ...o,
    visibility: o.visibility ?? "public",
    required: false,
    storage: "column",
    control: o.lines ? { type: "textarea", rows: o.lines } : { type: "text", wide: !!o.wide },
    empty: () => "",
    read: (form, name) => formText(form, name),
    schema: (z) => plainTextOf(z).max(o.max).transform(orNull),
    shape: (z) => z.string(),
    fromStored: (stored, key) => storedText(columnOf(stored, key, o.visibility)),
    compare: (v) => v.trim(),
    text: trimmedOrNone,
  } satisfies CaseField<string, string | null> & O;
}

/** A whole number in a range; `required` decides whether it may be left empty (null). */
export function wholeNumberField<const O extends Common & { min: number; max: number; required: boolean; initial?: string; rangeMessage: string }>(
  o: O & { text?: (value: string, ctx: ShowContext) => string },
) {
  const inRange = (v: string) => v === "" || (Number(v) >= o.min && Number(v) <= o.max);
  const schema = (z: Zod) => {
    const base = z
      .string()
      .trim()
      .regex(/^(|\d+)$/, { message: "validation.notWholeNumber" })
      .refine(inRange, { message: `validation.${o.rangeMessage}`, params: { min: o.min, max: o.max } });
    return (o.required ? z.string().trim().min(1).pipe(base) : base).transform((v) => (v === "" ? null : Number(v)));
  };
  return {
    ...o,
    visibility: o.visibility ?? "public",
    storage: "column",
    control: { type: "number" },
    empty: () => o.initial ?? "",
    read: (form, name) => formText(form, name),
    schema: schema as (z: Zod) => z.ZodType<O["required"] extends true ? number : number | null, string>,
    shape: (z) => z.string(),
    fromStored: (stored, key) => storedText(columnOf(stored, key, o.visibility)),
    compare: (v) => v.trim(),
    text: o.text ?? ((v, ctx) => (/^\d+$/.test(v.trim()) ? formatNumber(Number(v), ctx.lng) : trimmedOrNone(v, ctx))),
  } satisfies CaseField<string, number | null> & O;
}

/**
 * One code of a list. A required choice refuses an empty value; an optional one
 * stores it as null. A posted code not in the list is refused with `unknownMessage`.
 */
export function choiceField<
  const O extends Common & {
    options: readonly string[];
    optionText: (code: string, t: TFunction) => string;
    required: boolean;
    initial?: string;
    /** Key under incidents.form of the empty option, if the list has one */
    emptyOption?: string;
    unknownMessage?: string;
  },
>(o: O & { text?: (value: string, ctx: ShowContext) => string }) {
  const schema = (z: Zod) => {
    const known = z.string().refine((v) => v === "" || o.options.includes(v), { message: `validation.${o.unknownMessage ?? "unknownChoice"}` });
    return (o.required ? z.string().min(1).pipe(known) : known).transform(orNull);
  };
  return {
    ...o,
    visibility: o.visibility ?? "public",
    storage: "column",
    control: { type: "select", options: o.options, optionText: o.optionText, emptyOption: o.emptyOption },
    empty: () => o.initial ?? "",
    read: (form, name) => formText(form, name),
    schema: schema as (z: Zod) => z.ZodType<O["required"] extends true ? string : string | null, string>,
    shape: (z) => z.string(),
    fromStored: (stored, key) => storedText(columnOf(stored, key, o.visibility)),
    compare: (v) => v.trim(),
    text: o.text ?? ((v, ctx) => (v ? o.optionText(v, ctx.t) || v : none(ctx))),
  } satisfies CaseField<string, string | null> & O;
}

/** A country by its ISO code (names from the server, see ShowContext). */
export function countryField<const O extends Common & { isCountry: (code: string) => boolean; emptyOption: string }>(o: O) {
  return {
    ...o,
    visibility: o.visibility ?? "public",
    required: false,
    storage: "column",
    control: { type: "country", emptyOption: o.emptyOption },
    empty: () => "",
    read: (form, name) => formText(form, name),
    schema: (z) =>
      z
        .string()
        .trim()
        .refine((v) => v === "" || o.isCountry(v), { message: "validation.unknownCountry" })
        .transform(orNull),
    shape: (z) => z.string(),
    fromStored: (stored, key) => storedText(columnOf(stored, key, o.visibility)),
    compare: (v) => v.trim(),
    text: (v, ctx) => (v ? ctx.countryName(v) : none(ctx)),
  } satisfies CaseField<string, string | null> & O;
}

/** A yes/no box; unticked posts nothing. */
export function checkboxField<const O extends Common & { initial: boolean }>(o: O) {
  return {
    ...o,
    visibility: o.visibility ?? "public",
    required: false,
    storage: "column",
    control: { type: "checkbox" },
    empty: () => o.initial,
    read: (form, name) => formCheckbox(form, name),
    schema: (z) => z.boolean(),
    shape: (z) => z.boolean(),
    fromStored: (stored, key) => columnOf(stored, key, o.visibility) === true,
    compare: (v) => String(v),
    text: (v, ctx) => ctx.t(v ? "incidents.values.yes" : "incidents.values.no"),
  } satisfies CaseField<boolean, boolean> & O;
}

/** Any number of codes of a list (a group of checkboxes), stored in a table of their own. */
export function codesField<const O extends Common & { options: readonly string[]; optionText: (code: string, t: TFunction) => string }>(o: O) {
  return {
    ...o,
    visibility: o.visibility ?? "public",
    required: false,
    storage: "relation",
    control: { type: "checkboxes", options: o.options, optionText: o.optionText },
    empty: () => [] as string[],
    read: (form, name) => formTexts(form, name),
    schema: (z) =>
      z
        .array(z.string().refine((v) => o.options.includes(v), { message: "validation.unknownChoice" }))
        .max(o.options.length)
        .transform((codes) => [...new Set(codes)]),
    shape: (z) => z.array(z.string()),
    fromStored: (stored, key) => ((stored[key] ?? []) as (string | { code: string })[]).map((c) => (typeof c === "string" ? c : c.code)).sort(),
    compare: (v) => [...new Set(v)].sort().join(","),
    text: (v, ctx) => (v.length ? v.map((c) => o.optionText(c, ctx.t) || c).join(", ") : none(ctx)),
    audit: (stored, key) => ({ [key]: [...(stored[key] as string[])].sort() }),
  } satisfies CaseField<string[], string[]> & O;
}

export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export interface DateParts {
  year: string;
  month: string;
  day: string;
}
export interface StoredDate {
  occurredOn: Date;
  datePrecision: DatePrecision;
  year: number;
}

/**
 * Earliest moment a date may start and still count as "not in the future". A day
 * typed in Mexico late in the evening is already tomorrow in UTC, so the server
 * allows up to 14 hours (the widest time-zone offset) beyond its own clock.
 */
export function latestAllowedStart(now = new Date()): Date {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000);
}

/** A date known to the day, the month or only the year: year required, month and day optional. */
export function dateField<const O extends Common & { minYear: number }>(o: O) {
  const schema = (z: Zod) =>
    z
      .object({
        year: z
          .string()
          .trim()
          .min(1)
          .regex(/^\d{4}$/, { message: "validation.notYear" }),
        month: z
          .string()
          .trim()
          .regex(/^(|[1-9]|1[0-2]|0[1-9])$/, { message: "validation.unknownChoice" }),
        day: z
          .string()
          .trim()
          .regex(/^(|\d{1,2})$/, { message: "validation.notDay" }),
      })
      .superRefine((d, ctx) => {
        const year = Number(d.year);
        if (year < o.minYear) {
          ctx.addIssue({ code: "custom", path: ["year"], message: "validation.yearTooEarly", params: { min: o.minYear } });
          return;
        }
        if (d.day && !d.month) {
          ctx.addIssue({ code: "custom", path: ["month"], message: "validation.dayNeedsMonth" });
          return;
        }
        const month = d.month ? Number(d.month) : 1;
        const day = d.day ? Number(d.day) : 1;
        const start = new Date(Date.UTC(year, month - 1, day));
        if (start.getUTCMonth() !== month - 1 || start.getUTCDate() !== day || day < 1) {
          ctx.addIssue({ code: "custom", path: ["day"], message: "validation.noSuchDate" });
          return;
        }
        if (start > latestAllowedStart()) {
          const path = d.day ? "day" : d.month ? "month" : "year";
          ctx.addIssue({ code: "custom", path: [path], message: "validation.futureDate" });
        }
      })
      .transform((d): StoredDate => ({
        occurredOn: new Date(Date.UTC(Number(d.year), d.month ? Number(d.month) - 1 : 0, d.day ? Number(d.day) : 1)),
        datePrecision: d.day ? "day" : d.month ? "month" : "year",
        year: Number(d.year),
      }));
  return {
    ...o,
    visibility: o.visibility ?? "public",
    required: true,
    storage: "column",
    control: { type: "date", minYear: o.minYear },
    empty: (): DateParts => ({ year: "", month: "", day: "" }),
    read: (form) => ({ year: formText(form, "year"), month: formText(form, "month"), day: formText(form, "day") }),
    schema,
    shape: (z) => z.object({ year: z.string(), month: z.string(), day: z.string() }),
    fromStored: (stored) => {
      const date = new Date(stored.occurredOn as Date | string);
      const precision = stored.datePrecision as DatePrecision;
      return {
        year: String(date.getUTCFullYear()),
        month: precision === "year" ? "" : String(date.getUTCMonth() + 1),
        day: precision === "day" ? String(date.getUTCDate()) : "",
      };
    },
    columnNames: ["occurredOn", "datePrecision", "year"],
    columns: (v) => ({ ...v }),
    compare: ({ year, month, day }) => {
      const n = (s: string) => (s.trim() ? String(Number(s.trim())) : "");
      return [year.trim(), n(month), n(day)].join("-");
    },
    text: ({ year, month, day }, ctx) => {
      const iso = [year.trim(), month.trim() && month.trim().padStart(2, "0"), day.trim() && day.trim().padStart(2, "0")].filter(Boolean).join("-");
      if (!iso) return none(ctx);
      const start = iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso;
      return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(iso) && !Number.isNaN(new Date(`${start}T00:00:00Z`).getTime()) ? formatDate(iso, ctx.lng) : iso;
    },
    audit: (stored) => ({ occurredOn: (stored.occurredOn as Date).toISOString().slice(0, 10), datePrecision: stored.datePrecision }),
    partLabel: (parts, t) => t(`incidents.fields.${parts[0]}`),
  } satisfies CaseField<DateParts, StoredDate> & O;
}

export interface SourceRow {
  url: string;
  title: string;
}
export interface StoredSource {
  url: string | null;
  title: string;
}

/** Only http and https links: a javascript: or data: address is refused, never stored. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname;
  } catch {
    return false;
  }
}

/** Where a case was reported: rows of a title and, if there is one, a web address; at least one row. */
export function sourcesField<const O extends Common & { maxRows: number; emptyRows: number; urlMax: number; titleMax: number }>(o: O) {
  const row = (z: Zod) =>
    z.object({ url: plainTextOf(z).max(o.urlMax), title: plainTextOf(z).max(o.titleMax) }).superRefine((s, ctx) => {
      if (s.url && !isWebAddress(s.url)) ctx.addIssue({ code: "custom", path: ["url"], message: "validation.notUrl" });
      if (s.url && !s.title) ctx.addIssue({ code: "custom", path: ["title"], message: "validation.sourceTitleRequired" });
    });
  return {
    ...o,
    visibility: o.visibility ?? "public",
    required: true,
    storage: "relation",
    control: { type: "sources", maxRows: o.maxRows, emptyRows: o.emptyRows },
    empty: (): SourceRow[] => Array.from({ length: o.emptyRows }, () => ({ url: "", title: "" })),
    read: (form) => {
      const urls = formTexts(form, "sourceUrl");
      const titles = formTexts(form, "sourceTitle");
      // At least one row, so that a message about sources always has a field to sit next to.
      const rows = Math.max(urls.length, titles.length, 1);
      return Array.from({ length: rows }, (_, i) => ({ url: urls[i] ?? "", title: titles[i] ?? "" }));
    },
    schema: (z) =>
      z
        .array(row(z))
        .max(o.maxRows)
        .superRefine((rows, ctx) => {
          if (!rows.some((r) => r.url || r.title)) ctx.addIssue({ code: "custom", path: [0, "title"], message: "validation.sourceRequired" });
        })
        .transform((rows): StoredSource[] => rows.filter((s) => s.url || s.title).map((s) => ({ url: orNull(s.url), title: s.title }))),
    shape: (z) => z.array(z.object({ url: z.string(), title: z.string() })),
    fromStored: (stored, key) => (stored[key] as StoredSource[]).map((s) => ({ url: s.url ?? "", title: s.title })),
    compare: (v) => JSON.stringify(v.map((s) => [s.url.trim(), s.title.trim()]).filter(([u, t]) => u || t)),
    text: (v, ctx) => {
      const rows = v.filter((s) => s.url.trim() || s.title.trim());
      return rows.length ? rows.map((s) => [s.title.trim(), s.url.trim()].filter(Boolean).join(" — ")).join("\n") : none(ctx);
    },
    audit: (stored, key) => ({ [key]: (stored[key] as StoredSource[]).map((s) => (s.url ? `${s.title} <${s.url}>` : s.title)) }),
    partLabel: (parts, t) => t(parts[1] === "url" ? "incidents.fields.sourceUrl" : "incidents.fields.sourceTitle", { n: Number(parts[0]) + 1 }),
  } satisfies CaseField<SourceRow[], StoredSource[]> & O;
}
