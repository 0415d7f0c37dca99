// The case-record form: one zod schema, run in the browser before sending and on
// the server before saving, so both give the same messages. The form's values
// stay strings exactly as typed (nothing typed is ever lost on an error); the
// schema turns them into an IncidentInput only when every field is right.
import { z } from "zod";
import { isCountryCode } from "~/domain/countries.ts";
import { issuesToErrors, type FieldErrors } from "~/lib/form-errors.ts";
import {
  CHARACTERISTICS,
  type DATE_PRECISIONS,
  GENDERS,
  MX_STATE_CODES,
  OUTCOMES,
  PERPETRATOR_TYPES,
  SECTORS,
  VERIFICATION_STATUSES,
} from "~/domain/taxonomy.ts";

export const INCIDENT_LIMITS = {
  victimName: 200,
  municipality: 200,
  companyName: 200,
  description: 5000,
  sourceUrl: 2000,
  sourceTitle: 300,
  witnesses: 5000,
  contacts: 5000,
  exactLocation: 500,
  confidentialNotes: 10000,
  maxSources: 20,
  maxAge: 120,
  maxVictims: 1000,
  minYear: 1990,
} as const;

/** Empty source rows a new form starts with; "Add another source" adds one more. */
export const EMPTY_SOURCE_ROWS = 2;

export interface SourceRow {
  url: string;
  title: string;
}

/** What the form holds: strings as typed (checkboxes as booleans and lists). */
export interface IncidentFormValues {
  date: { year: string; month: string; day: string };
  victimName: string;
  victimNamePublic: boolean;
  gender: string;
  age: string;
  characteristics: string[];
  sector: string;
  perpetratorType: string;
  outcome: string;
  victimCount: string;
  stateCode: string;
  municipality: string;
  company: { name: string; country: string };
  description: string;
  sources: SourceRow[];
  confidential: { witnesses: string; contacts: string; exactLocation: string; confidentialNotes: string };
}

export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** The staff-only fields of a case record, as stored. */
export interface ConfidentialFields {
  witnesses: string | null;
  contacts: string | null;
  exactLocation: string | null;
  confidentialNotes: string | null;
}

/** The fields of a case record that the form edits, as stored (the audit log, the edit form and the case views read these). */
export interface IncidentRecordFields {
  occurredOn: Date;
  datePrecision: string;
  victimName: string | null;
  victimNamePublic: boolean;
  gender: string;
  age: number | null;
  characteristics: string[];
  sector: string;
  perpetratorType: string;
  outcome: string;
  victimCount: number;
  stateCode: string | null;
  municipality: string | null;
  companyName: string | null;
  companyCountry: string | null;
  description: string | null;
  sources: { url: string | null; title: string }[];
}

/** A valid case record, ready to store. */
export interface IncidentInput extends IncidentRecordFields {
  datePrecision: DatePrecision;
  year: number;
  confidential: ConfidentialFields;
}

export function emptyIncidentForm(): IncidentFormValues {
  return {
    date: { year: "", month: "", day: "" },
    victimName: "",
    // Safer default: a name is published only when someone decides it may be.
    victimNamePublic: false,
    gender: "unknown",
    age: "",
    characteristics: [],
    sector: "",
    perpetratorType: "",
    outcome: "",
    victimCount: "1",
    stateCode: "",
    municipality: "",
    company: { name: "", country: "" },
    description: "",
    sources: Array.from({ length: EMPTY_SOURCE_ROWS }, () => ({ url: "", title: "" })),
    confidential: { witnesses: "", contacts: "", exactLocation: "", confidentialNotes: "" },
  };
}

interface FormLike {
  get(name: string): FormDataEntryValue | null;
  getAll(name: string): FormDataEntryValue[];
}

const text = (form: FormLike, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
const texts = (form: FormLike, name: string) => form.getAll(name).map((v) => (typeof v === "string" ? v : ""));

/** The form's fields as posted (same in the browser and on the server). */
export function readIncidentForm(form: FormLike): IncidentFormValues {
  const urls = texts(form, "sourceUrl");
  const titles = texts(form, "sourceTitle");
  // At least one row, so that a message about sources always has a field to sit next to.
  const rows = Math.max(urls.length, titles.length, 1);
  return {
    date: { year: text(form, "year"), month: text(form, "month"), day: text(form, "day") },
    victimName: text(form, "victimName"),
    victimNamePublic: ["on", "1", "true"].includes(text(form, "victimNamePublic")),
    gender: text(form, "gender"),
    age: text(form, "age"),
    characteristics: texts(form, "characteristics"),
    sector: text(form, "sector"),
    perpetratorType: text(form, "perpetratorType"),
    outcome: text(form, "outcome"),
    victimCount: text(form, "victimCount"),
    stateCode: text(form, "stateCode"),
    municipality: text(form, "municipality"),
    company: { name: text(form, "companyName"), country: text(form, "companyCountry") },
    description: text(form, "description"),
    sources: Array.from({ length: rows }, (_, i) => ({ url: urls[i] ?? "", title: titles[i] ?? "" })),
    confidential: {
      witnesses: text(form, "witnesses"),
      contacts: text(form, "contacts"),
      exactLocation: text(form, "exactLocation"),
      confidentialNotes: text(form, "confidentialNotes"),
    },
  };
}

const optionalText = (max: number) => z.string().trim().max(max);
const choice = (values: readonly string[]) => z.string().refine((v) => values.includes(v), { message: "validation.unknownChoice" });
const wholeNumber = /^\d+$/;

/**
 * Earliest moment a date may start and still count as "not in the future". A day
 * typed in Mexico late in the evening is already tomorrow in UTC, so the server
 * allows up to 14 hours (the widest time-zone offset) beyond its own clock.
 */
export function latestAllowedStart(now = new Date()): Date {
  return new Date(now.getTime() + 14 * 60 * 60 * 1000);
}

const dateSchema = z
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
    if (year < INCIDENT_LIMITS.minYear) {
      ctx.addIssue({ code: "custom", path: ["year"], message: "validation.yearTooEarly", params: { min: INCIDENT_LIMITS.minYear } });
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
  });

const sourceSchema = z
  .object({
    url: z.string().trim().max(INCIDENT_LIMITS.sourceUrl),
    title: z.string().trim().max(INCIDENT_LIMITS.sourceTitle),
  })
  .superRefine((s, ctx) => {
    if (s.url && !isWebAddress(s.url)) ctx.addIssue({ code: "custom", path: ["url"], message: "validation.notUrl" });
    if (s.url && !s.title) ctx.addIssue({ code: "custom", path: ["title"], message: "validation.sourceTitleRequired" });
  });

/** Only http and https links: a javascript: or data: address is refused, never stored. */
export function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname;
  } catch {
    return false;
  }
}

export const incidentSchema = z.object({
  date: dateSchema,
  victimName: optionalText(INCIDENT_LIMITS.victimName),
  victimNamePublic: z.boolean(),
  gender: choice(GENDERS),
  age: z
    .string()
    .trim()
    .regex(/^(|\d+)$/, { message: "validation.notWholeNumber" })
    .refine((v) => v === "" || Number(v) <= INCIDENT_LIMITS.maxAge, { message: "validation.ageRange", params: { max: INCIDENT_LIMITS.maxAge } }),
  characteristics: z.array(choice(CHARACTERISTICS)).max(CHARACTERISTICS.length),
  sector: z.string().min(1).pipe(choice(SECTORS)),
  perpetratorType: z.string().min(1).pipe(choice(PERPETRATOR_TYPES)),
  outcome: z.string().min(1).pipe(choice(OUTCOMES)),
  victimCount: z
    .string()
    .trim()
    .min(1)
    .regex(wholeNumber, { message: "validation.notWholeNumber" })
    .refine((v) => Number(v) >= 1 && Number(v) <= INCIDENT_LIMITS.maxVictims, {
      message: "validation.victimRange",
      params: { max: INCIDENT_LIMITS.maxVictims },
    }),
  stateCode: z.string().refine((v) => v === "" || (MX_STATE_CODES as string[]).includes(v), { message: "validation.unknownState" }),
  municipality: optionalText(INCIDENT_LIMITS.municipality),
  company: z
    .object({
      name: optionalText(INCIDENT_LIMITS.companyName),
      country: z
        .string()
        .trim()
        .refine((v) => v === "" || isCountryCode(v), { message: "validation.unknownCountry" }),
    })
    .superRefine((c, ctx) => {
      if (c.country && !c.name) ctx.addIssue({ code: "custom", path: ["name"], message: "validation.companyNameRequired" });
    }),
  description: optionalText(INCIDENT_LIMITS.description),
  sources: z
    .array(sourceSchema)
    .max(INCIDENT_LIMITS.maxSources)
    .superRefine((rows, ctx) => {
      if (!rows.some((r) => r.url || r.title)) ctx.addIssue({ code: "custom", path: [0, "title"], message: "validation.sourceRequired" });
    }),
  confidential: z.object({
    witnesses: optionalText(INCIDENT_LIMITS.witnesses),
    contacts: optionalText(INCIDENT_LIMITS.contacts),
    exactLocation: optionalText(INCIDENT_LIMITS.exactLocation),
    confidentialNotes: optionalText(INCIDENT_LIMITS.confidentialNotes),
  }),
});

const orNull = (v: string) => (v === "" ? null : v);

export type IncidentValidation = { ok: true; data: IncidentInput } | { ok: false; errors: FieldErrors };

export function validateIncident(values: IncidentFormValues): IncidentValidation {
  const result = incidentSchema.safeParse(values);
  if (!result.success) {
    // Characteristics are one group of checkboxes: one message for the group, not per box.
    const issues = result.error.issues.map((i) => (i.path[0] === "characteristics" ? { ...i, path: ["characteristics"] } : i));
    return { ok: false, errors: issuesToErrors(issues) };
  }
  const v = result.data;
  const year = Number(v.date.year);
  const month = v.date.month ? Number(v.date.month) : 1;
  const day = v.date.day ? Number(v.date.day) : 1;
  return {
    ok: true,
    data: {
      occurredOn: new Date(Date.UTC(year, month - 1, day)),
      datePrecision: v.date.day ? "day" : v.date.month ? "month" : "year",
      year,
      victimName: orNull(v.victimName),
      victimNamePublic: v.victimNamePublic,
      gender: v.gender,
      age: v.age === "" ? null : Number(v.age),
      characteristics: [...new Set(v.characteristics)],
      sector: v.sector,
      perpetratorType: v.perpetratorType,
      outcome: v.outcome,
      victimCount: Number(v.victimCount),
      stateCode: orNull(v.stateCode),
      municipality: orNull(v.municipality),
      companyName: orNull(v.company.name),
      companyCountry: orNull(v.company.country),
      description: orNull(v.description),
      sources: v.sources.filter((s) => s.url || s.title).map((s) => ({ url: orNull(s.url), title: s.title })),
      confidential: {
        witnesses: orNull(v.confidential.witnesses),
        contacts: orNull(v.confidential.contacts),
        exactLocation: orNull(v.confidential.exactLocation),
        confidentialNotes: orNull(v.confidential.confidentialNotes),
      },
    },
  };
}

/** A stored record as form values (for the edit form and for comparing versions). */
export function incidentToFormValues(
  record: Omit<IncidentRecordFields, "occurredOn" | "characteristics"> & {
    occurredOn: Date | string;
    characteristics: { code: string }[] | string[];
    confidential?: ConfidentialFields | null;
  },
): IncidentFormValues {
  const date = new Date(record.occurredOn);
  const precision = record.datePrecision as DatePrecision;
  const c = record.confidential;
  return {
    date: {
      year: String(date.getUTCFullYear()),
      month: precision === "year" ? "" : String(date.getUTCMonth() + 1),
      day: precision === "day" ? String(date.getUTCDate()) : "",
    },
    victimName: record.victimName ?? "",
    victimNamePublic: record.victimNamePublic,
    gender: record.gender,
    age: record.age === null ? "" : String(record.age),
    characteristics: record.characteristics.map((c) => (typeof c === "string" ? c : c.code)).sort(),
    sector: record.sector,
    perpetratorType: record.perpetratorType,
    outcome: record.outcome,
    victimCount: String(record.victimCount),
    stateCode: record.stateCode ?? "",
    municipality: record.municipality ?? "",
    company: { name: record.companyName ?? "", country: record.companyCountry ?? "" },
    description: record.description ?? "",
    sources: record.sources.map((s) => ({ url: s.url ?? "", title: s.title })),
    confidential: {
      witnesses: c?.witnesses ?? "",
      contacts: c?.contacts ?? "",
      exactLocation: c?.exactLocation ?? "",
      confidentialNotes: c?.confidentialNotes ?? "",
    },
  };
}

/** The form's fields, in the order the form shows them (the conflict view compares these). */
export const INCIDENT_FIELDS = [
  "date",
  "victimName",
  "victimNamePublic",
  "gender",
  "age",
  "characteristics",
  "sector",
  "perpetratorType",
  "outcome",
  "victimCount",
  "stateCode",
  "municipality",
  "company.name",
  "company.country",
  "description",
  "sources",
  "confidential.witnesses",
  "confidential.contacts",
  "confidential.exactLocation",
  "confidential.confidentialNotes",
] as const;
export type IncidentField = (typeof INCIDENT_FIELDS)[number];
export const SENSITIVE_FIELDS: readonly IncidentField[] = [
  "confidential.witnesses",
  "confidential.contacts",
  "confidential.exactLocation",
  "confidential.confidentialNotes",
];

/** A field's value in a comparable form (trimmed, lists sorted, empty rows left out). */
export function comparableValue(values: IncidentFormValues, field: IncidentField): string {
  switch (field) {
    case "date": {
      const { year, month, day } = values.date;
      const n = (s: string) => (s.trim() ? String(Number(s.trim())) : "");
      return [year.trim(), n(month), n(day)].join("-");
    }
    case "victimNamePublic":
      return String(values.victimNamePublic);
    case "characteristics":
      return [...new Set(values.characteristics)].sort().join(",");
    case "sources":
      return JSON.stringify(values.sources.map((s) => [s.url.trim(), s.title.trim()]).filter(([u, t]) => u || t));
    default: {
      const [a, b] = field.split(".") as [string, string | undefined];
      const raw = b ? (values as any)[a][b] : (values as any)[a];
      return String(raw ?? "").trim();
    }
  }
}

/** Fields whose values differ between two versions of the form. */
export function changedFields(a: IncidentFormValues, b: IncidentFormValues): IncidentField[] {
  return INCIDENT_FIELDS.filter((f) => comparableValue(a, f) !== comparableValue(b, f));
}

/**
 * "Add another source" and "Remove source N" are submit buttons, so that they
 * work without JavaScript: the form comes back with every value kept and one row
 * more or less. Returns null for any other intent.
 */
export function applySourceRowIntent(values: IncidentFormValues, intent: string): IncidentFormValues | null {
  if (intent === "add-source") {
    if (values.sources.length >= INCIDENT_LIMITS.maxSources) return values;
    return { ...values, sources: [...values.sources, { url: "", title: "" }] };
  }
  const m = /^remove-source-(\d+)$/.exec(intent);
  if (!m) return null;
  const index = Number(m[1]);
  const sources = values.sources.filter((_, i) => i !== index);
  return { ...values, sources: sources.length ? sources : [{ url: "", title: "" }] };
}

export const VERIFICATION_NOTE_MAX = 2000;

export const verificationSchema = z.object({
  status: z.enum(VERIFICATION_STATUSES, { message: "validation.unknownChoice" }),
  note: z.string().trim().max(VERIFICATION_NOTE_MAX),
  version: z.string().regex(wholeNumber, { message: "validation.notWholeNumber" }),
});

/** The shape of form values (no rules), to read back a version the page carried (the edit form's base). */
const formValuesShape = z.object({
  date: z.object({ year: z.string(), month: z.string(), day: z.string() }),
  victimName: z.string(),
  victimNamePublic: z.boolean(),
  gender: z.string(),
  age: z.string(),
  characteristics: z.array(z.string()),
  sector: z.string(),
  perpetratorType: z.string(),
  outcome: z.string(),
  victimCount: z.string(),
  stateCode: z.string(),
  municipality: z.string(),
  company: z.object({ name: z.string(), country: z.string() }),
  description: z.string(),
  sources: z.array(z.object({ url: z.string(), title: z.string() })),
  confidential: z.object({ witnesses: z.string(), contacts: z.string(), exactLocation: z.string(), confidentialNotes: z.string() }),
});

export function parseFormValues(json: string): IncidentFormValues | null {
  try {
    const result = formValuesShape.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

function copyField(into: IncidentFormValues, from: IncidentFormValues, field: IncidentField): void {
  const [a, b] = field.split(".") as [keyof IncidentFormValues, string | undefined];
  const source = structuredClone(from[a]);
  if (b) (into[a] as Record<string, unknown>)[b] = (source as Record<string, unknown>)[b];
  else (into as unknown as Record<string, unknown>)[a] = source;
}

export interface MergeResult {
  /** Yours, with the fields only they changed taken from theirs */
  merged: IncidentFormValues;
  /** Changed by both, differently: your value is kept, theirs is shown beside it */
  both: IncidentField[];
  /** Changed only by them since your version: their value is now in the form */
  theirsOnly: IncidentField[];
}

/**
 * Three-way merge of a refused save: `base` is the version the editor started
 * from, `theirs` the newer saved one, `yours` what was posted. Nothing typed is
 * dropped: a field you changed keeps your value; a field only they changed takes
 * theirs (re-saving then cannot silently undo their work).
 */
export function mergeVersions(base: IncidentFormValues | null, theirs: IncidentFormValues, yours: IncidentFormValues): MergeResult {
  const merged = structuredClone(yours);
  if (!base) return { merged, both: changedFields(theirs, yours), theirsOnly: [] };
  const both: IncidentField[] = [];
  const theirsOnly: IncidentField[] = [];
  for (const field of INCIDENT_FIELDS) {
    const b = comparableValue(base, field);
    const t = comparableValue(theirs, field);
    const y = comparableValue(yours, field);
    if (t === b || t === y) continue;
    if (y === b) {
      copyField(merged, theirs, field);
      theirsOnly.push(field);
    } else {
      both.push(field);
    }
  }
  return { merged, both, theirsOnly };
}
