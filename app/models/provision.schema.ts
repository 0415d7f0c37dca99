// Forms of the commitments layer (instruments, provisions, milestones), shared by
// the pages and the actions. Error messages are i18n keys under provisions.errors.
import { z } from "zod";
import { FIGURE_STATUSES } from "~/domain/taxonomy.ts";

export const INSTRUMENT_KINDS = ["partnership", "statement", "review", "law", "treaty", "guidelines", "strategy", "mechanism", "agreement", "policy"] as const;
export const SOURCE_KINDS = ["official_text", "report", "article", "press_release", "dataset", "other"] as const;
export const NEW_SOURCE = "__new__";

const text = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "tooLong")
    .transform((v) => (v === "" ? null : v));

export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "badDate")
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, "badDate");

const optionalDate = z.union([z.literal("").transform(() => null), isoDate]);

const position = z
  .string()
  .trim()
  .transform((v) => (v === "" ? "0" : v))
  .pipe(z.string().regex(/^\d{1,3}$/, "badPosition"))
  .transform(Number);

/** One term per line; blank lines dropped, duplicates (ignoring case) removed. */
const termList = z
  .string()
  .transform((v) => {
    const seen = new Set<string>();
    return v
      .split(/\r?\n/)
      .map((t) => t.trim())
      .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
  })
  .pipe(z.array(z.string().max(80, "termTooLong")).max(60, "tooManyTerms"));

export const PROVISION_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
/** Codes that would collide with pages under /provisions/ (paths match without regard to case). */
export const RESERVED_CODES = ["NEW", "RULES", "REVIEW", "SUGGEST", "INSTRUMENTS", "MILESTONES"];
const code = z
  .string()
  .trim()
  .toUpperCase()
  .max(40, "tooLong")
  .regex(PROVISION_CODE, "badCode")
  .refine((v) => !RESERVED_CODES.includes(v), "reservedCode");

/** The source of an instrument, provision or milestone: an existing one, none, or a new one typed in the form. */
const sourceFields = {
  sourceKey: z.string().trim(),
  newSourceTitle: optionalText(300),
  newSourceUrl: z.union([z.literal("").transform(() => null), z.url({ protocol: /^https?$/, error: "badUrl" })]),
  newSourcePublisher: optionalText(200),
  newSourceKind: z.enum(SOURCE_KINDS, { error: "required" }),
};

function refineSource<T extends { sourceKey: string; newSourceTitle: string | null }>(schema: z.ZodType<T>) {
  return schema.superRefine((v, ctx) => {
    if (v.sourceKey === NEW_SOURCE && !v.newSourceTitle) ctx.addIssue({ code: "custom", path: ["newSourceTitle"], message: "required" });
  });
}

export const instrumentSchema = refineSource(
  z.object({
    code,
    name: text(300),
    nameEs: optionalText(300),
    nameFr: optionalText(300),
    kind: z.enum(INSTRUMENT_KINDS, { error: "required" }),
    position,
    ...sourceFields,
  }),
);
export type InstrumentInput = z.infer<typeof instrumentSchema>;

export const provisionSchema = refineSource(
  z.object({
    code,
    instrumentCode: z.string().trim().min(1, "required"),
    pillar: text(120),
    title: text(200),
    titleEs: optionalText(200),
    titleFr: optionalText(200),
    summary: text(2000),
    summaryEs: optionalText(2000),
    summaryFr: optionalText(2000),
    status: z.enum(FIGURE_STATUSES, { error: "required" }),
    statusNote: optionalText(500),
    isGap: z.boolean(),
    madeOn: optionalDate,
    termsEn: termList,
    termsEs: termList,
    position,
    ...sourceFields,
  }),
);
export type ProvisionInput = z.infer<typeof provisionSchema>;

export const MILESTONE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const milestoneSchema = refineSource(
  z.object({
    key: z.string().trim().toLowerCase().max(60, "tooLong").regex(MILESTONE_KEY, "badKey"),
    date: isoDate,
    label: text(300),
    labelEs: optionalText(300),
    labelFr: optionalText(300),
    instrumentCode: z.string().trim(),
    note: optionalText(500),
    ...sourceFields,
  }),
);
export type MilestoneInput = z.infer<typeof milestoneSchema>;

/** Every text field of a form, as typed, so that a page can show it again after an error. */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "csrf") values[key] = value;
  return values;
}

/** The form as the schema expects it: every field present (missing = empty), checkboxes as booleans. */
export function formInput(form: FormData, checkboxes: string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = { newSourceKind: "other", ...formValues(form) };
  for (const name of checkboxes) values[name] = form.get(name) === "on";
  for (const key of [
    "sourceKey",
    "newSourceTitle",
    "newSourceUrl",
    "newSourcePublisher",
    "instrumentCode",
    "termsEn",
    "termsEs",
    "position",
    "madeOn",
    "note",
    "statusNote",
    "nameEs",
    "nameFr",
    "titleEs",
    "titleFr",
    "summaryEs",
    "summaryFr",
    "labelEs",
    "labelFr",
  ]) {
    if (values[key] === undefined) values[key] = "";
  }
  return values;
}

export type FieldErrors = Record<string, string[] | undefined>;

export function fieldErrors(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}
