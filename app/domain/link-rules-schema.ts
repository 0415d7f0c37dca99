// The shape of app/data/link-rules.json, as a zod schema. Checked in
// tests/domain/link-rules.test.ts and when the server starts (link.server.ts),
// not at load in the browser: zod stays out of the pages that show the rules.
import * as z from "zod";
import { LINK_TYPES } from "./link-type.ts";
import { CHARACTERISTICS, PERPETRATOR_TYPES, SECTORS } from "./taxonomy.ts";

const translated = z.object({ en: z.string().min(1), es: z.string().min(1), fr: z.string().min(1) });
const countryCodes = z.array(z.string().regex(/^[A-Z]{2}$/)).min(1);

const conditionSchema = z.strictObject({
  sector: z.array(z.enum(SECTORS)).min(1).optional(),
  perpetratorType: z.array(z.enum(PERPETRATOR_TYPES)).min(1).optional(),
  characteristic: z.array(z.enum(CHARACTERISTICS)).min(1).optional(),
  companyCountry: countryCodes.optional(),
  countryCode: countryCodes.optional(),
});

const ruleSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]+$/),
  when: conditionSchema,
  provisions: z.array(z.string().min(1)).min(1),
  /** The link type its suggestions propose; "by-date" (the default) compares the case's date with the commitment's */
  linkType: z.enum([...LINK_TYPES, "by-date"]).optional(),
  description: translated,
  why: translated,
});

export const rulesFileSchema = z
  .strictObject({
    about: z.string(),
    version: z.string().min(1),
    changes: z.array(z.strictObject({ version: z.string(), note: translated })),
    rules: z.array(ruleSchema).min(1),
  })
  .refine((f) => new Set(f.rules.map((r) => r.code)).size === f.rules.length, { message: "Rule codes must be unique" });

export type LinkRule = z.infer<typeof ruleSchema>;
export type RuleCondition = z.infer<typeof conditionSchema>;
export type RuleField = keyof RuleCondition;

export type RulesFile = z.infer<typeof rulesFileSchema>;
