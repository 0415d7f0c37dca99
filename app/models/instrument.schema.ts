// The instrument form (a plan, law, treaty, guidelines ...), shared by the page and the action.
import * as z from "zod";
import { built, choice, optionalText, requiredText } from "~/lib/form.ts";
import { requireNewSourceTitle, sourceChoiceFields } from "./source.schema.ts";

export const INSTRUMENT_KINDS = ["partnership", "statement", "review", "law", "treaty", "guidelines", "strategy", "mechanism", "agreement", "policy"] as const;

export const COMMITMENT_CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
/** Codes that would collide with pages under /provisions/ (paths match without regard to case). */
export const RESERVED_CODES = ["NEW", "RULES", "REVIEW", "SUGGEST", "INSTRUMENTS", "MILESTONES"];

/** The code of an instrument or a provision: fixed once saved, since links and addresses use it. */
export const commitmentCode = /* @__PURE__ */ built(() =>
  z
    .string()
    .trim()
    .toUpperCase()
    .max(40)
    .regex(COMMITMENT_CODE, "validation.badCode")
    .refine((v) => !RESERVED_CODES.includes(v), "validation.reservedCode"),
);

/** Order on the page (smaller first); empty reads as 0. */
export const position = /* @__PURE__ */ built(() =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? "0" : v))
    .pipe(z.string().regex(/^\d{1,3}$/, "validation.badPosition"))
    .transform(Number),
);

export const instrumentSchema = /* @__PURE__ */ built(() =>
  z
    .object({
      code: commitmentCode,
      name: requiredText(300),
      nameEs: optionalText(300),
      nameFr: optionalText(300),
      kind: choice(INSTRUMENT_KINDS),
      position,
      ...sourceChoiceFields,
    })
    .superRefine(requireNewSourceTitle),
);
export type InstrumentInput = z.output<typeof instrumentSchema>;
