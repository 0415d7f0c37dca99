// The source an instrument, provision or milestone cites, as its form chooses it:
// an existing source, none, or a new one typed in the same form.
import * as z from "zod";
import { built, optionalText } from "~/lib/form.ts";

export const SOURCE_KINDS = ["official_text", "report", "article", "press_release", "dataset", "other"] as const;
/** The value of the source select that means "a new source, typed below". */
export const NEW_SOURCE = "__new__";

export const sourceChoiceFields = /* @__PURE__ */ built(() => ({
  sourceKey: z.string().trim(),
  newSourceTitle: optionalText(300),
  newSourceUrl: z
    .literal("")
    .transform(() => null)
    .or(z.url({ protocol: /^https?$/, error: "validation.notUrl" })),
  newSourcePublisher: optionalText(200),
  // A form without the kind (only the title matters to most people) files the source as "other".
  newSourceKind: z
    .literal("")
    .transform(() => "other" as const)
    .or(z.enum(SOURCE_KINDS, { error: "validation.unknownChoice" })),
}));

/** A new source needs at least its title. */
export function requireNewSourceTitle(v: { sourceKey: string; newSourceTitle: string | null }, ctx: z.RefinementCtx): void {
  if (v.sourceKey === NEW_SOURCE && !v.newSourceTitle) ctx.addIssue({ code: "custom", path: ["newSourceTitle"], message: "validation.required" });
}

/** The source part of a stored record's edit form: its source chosen, the new-source fields blank. */
export function storedSourceChoice(sourceKey: string | null | undefined) {
  return { sourceKey: sourceKey ?? "", newSourceTitle: "", newSourceUrl: "", newSourcePublisher: "", newSourceKind: "article" };
}
