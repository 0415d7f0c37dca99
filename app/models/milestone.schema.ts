// The milestone form (dates that mark time charts and bound scorecard windows).
import * as z from "zod";
import { built, isoDate, optionalText, requiredText } from "~/lib/form.ts";
import { requireNewSourceTitle, sourceChoiceFields } from "./source.schema.ts";

export const MILESTONE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const milestoneSchema = /* @__PURE__ */ built(() =>
  z
    .object({
      key: z.string().trim().toLowerCase().max(60).regex(MILESTONE_KEY, "validation.badKey"),
      date: isoDate,
      label: requiredText(300),
      labelEs: optionalText(300),
      labelFr: optionalText(300),
      instrumentCode: z.string().trim(),
      note: optionalText(500),
      ...sourceChoiceFields,
    })
    .superRefine(requireNewSourceTitle),
);
export type MilestoneInput = z.output<typeof milestoneSchema>;
