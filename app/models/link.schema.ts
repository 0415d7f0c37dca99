// Forms of link review: a decision on a link, and a link made by hand.
import * as z from "zod";
import { built, plainText } from "~/lib/form.ts";
import { RATIONALE_MAX, RATIONALE_MIN } from "~/domain/link-rationale.ts";
import { LINK_TYPES } from "~/domain/link-type.ts";

export { RATIONALE_MAX, RATIONALE_MIN };

/** How the case bears on the provision; a form without the field (or an empty choice) leaves it as proposed. */
const linkType = /* @__PURE__ */ built(() =>
  z
    .literal("")
    .transform(() => undefined)
    .or(z.enum(LINK_TYPES))
    .optional(),
);

const rationale = /* @__PURE__ */ built(() => plainText().min(RATIONALE_MIN, "validation.rationaleRequired").max(RATIONALE_MAX));

export const linkDecisionSchema = /* @__PURE__ */ built(() =>
  z.object({
    intent: z.enum(["accept", "reject"]),
    linkId: z.string().min(1),
    /** The status the reviewer saw, so that a decision made meanwhile by someone else is not overwritten. */
    expectedStatus: z.enum(["suggested", "accepted", "rejected"]),
    rationale,
    /** How the case bears on the provision; left as proposed when absent */
    linkType,
  }),
);

export const manualLinkSchema = /* @__PURE__ */ built(() =>
  z.object({
    intent: z.literal("link"),
    provisionId: z.string().min(1, "validation.provisionRequired"),
    rationale,
    /** How the case bears on the provision; within its scope when absent */
    linkType,
  }),
);
