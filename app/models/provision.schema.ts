// The provision form (a commitment an instrument makes, or lacks), shared by the page and the action.
import * as z from "zod";
import { built, choice, optionalIsoDate, optionalText, plainText, requiredText } from "~/lib/form.ts";
import { PROVISION_STATUSES } from "~/domain/taxonomy.ts";
import { commitmentCode, position } from "./instrument.schema.ts";
import { requireNewSourceTitle, sourceChoiceFields } from "./source.schema.ts";

export const TERM_MAX = 80;
export const TERMS_MAX = 60;

/** One term per line; blank lines dropped, duplicates (ignoring case) removed. */
const termList = /* @__PURE__ */ built(() =>
  z
    .string()
    .transform((v) => {
      const seen = new Set<string>();
      return v
        .split(/\r?\n/)
        .map((t) => t.trim())
        .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
    })
    .pipe(z.array(plainText().max(TERM_MAX, "validation.termTooLong")).max(TERMS_MAX, "validation.tooManyTerms")),
);

export const provisionSchema = /* @__PURE__ */ built(() =>
  z
    .object({
      code: commitmentCode,
      instrumentCode: z.string().trim().min(1),
      pillar: requiredText(120),
      title: requiredText(200),
      titleEs: optionalText(200),
      titleFr: optionalText(200),
      summary: requiredText(2000),
      summaryEs: optionalText(2000),
      summaryFr: optionalText(2000),
      status: choice(PROVISION_STATUSES),
      statusNote: optionalText(500),
      isGap: z.boolean(),
      madeOn: optionalIsoDate,
      termsEn: termList,
      termsEs: termList,
      position,
      ...sourceChoiceFields,
    })
    .superRefine(requireNewSourceTitle),
);
export type ProvisionInput = z.output<typeof provisionSchema>;
