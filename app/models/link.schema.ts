// Forms of link review: a decision on a link, and a link made by hand.
import * as z from "zod";

export const RATIONALE_MIN = 3;
export const RATIONALE_MAX = 1000;

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
