// The admin's decisions on an import's conflicts, as the confirmation form sends
// them: one radio group per Global Witness id, named "decision.<id>".
import * as z from "zod";
import { built } from "~/lib/form.ts";

export const CONFLICT_DECISIONS = ["leave", "keep", "take"] as const;
export type ConflictDecision = (typeof CONFLICT_DECISIONS)[number];
export const DECISION_FIELD = "decision.";

const decision = /* @__PURE__ */ built(() => z.enum(CONFLICT_DECISIONS).catch("leave"));

/** Decisions other than "leave" (a conflict left is reported again next time), for the listed ids only. */
export function readConflictDecisions(form: FormData, conflictIds: string[]): Record<string, "keep" | "take"> {
  const out: Record<string, "keep" | "take"> = {};
  for (const id of conflictIds) {
    const value = decision.parse(form.get(`${DECISION_FIELD}${id}`) ?? "leave");
    if (value !== "leave") out[id] = value;
  }
  return out;
}
