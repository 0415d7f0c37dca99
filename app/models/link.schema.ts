// Forms of link review: a decision on a link, and a link made by hand.
import * as z from "zod";
import { RATIONALE_MAX, RATIONALE_MIN } from "~/domain/link-rationale.ts";

export { RATIONALE_MAX, RATIONALE_MIN };

const rationale = z.string().trim().min(RATIONALE_MIN, "validation.rationaleRequired").max(RATIONALE_MAX);

export const linkDecisionSchema = z.object({
  intent: z.enum(["accept", "reject"]),
  linkId: z.string().min(1),
  /** The status the reviewer saw, so that a decision made meanwhile by someone else is not overwritten. */
  expectedStatus: z.enum(["suggested", "accepted", "rejected"]),
  rationale,
});

export const manualLinkSchema = z.object({
  intent: z.literal("link"),
  provisionId: z.string().min(1, "validation.provisionRequired"),
  rationale,
});
