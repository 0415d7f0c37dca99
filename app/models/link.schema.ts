// Forms of link review: a decision on a link, and a link made by hand. Error
// messages are i18n keys under links.errors.
import { z } from "zod";

const rationale = z.string().trim().min(3, "rationaleRequired").max(1000, "rationaleTooLong");

export const linkDecisionSchema = z.object({
  intent: z.enum(["accept", "reject"]),
  linkId: z.string().min(1),
  /** The status the reviewer saw, so that a decision made meanwhile by someone else is not overwritten. */
  expectedStatus: z.enum(["suggested", "accepted", "rejected"]),
  rationale,
});

export const manualLinkSchema = z.object({
  intent: z.literal("link"),
  provisionId: z.string().min(1, "provisionRequired"),
  rationale,
});
