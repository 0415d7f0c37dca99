// How a case record bears on a provision: the type of a link. A suggestion
// proposes one (from its rule, or from the case's date against the date the
// commitment was made); the reviewer confirms or changes it.

export const LINK_TYPES = ["context", "in_scope", "alleged_breach", "authority_response"] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export function isLinkType(value: unknown): value is LinkType {
  return typeof value === "string" && (LINK_TYPES as readonly string[]).includes(value);
}

/** What a rule proposes: a fixed type, or "by-date" (context before the commitment was made, within its scope from then on). */
export type RuleLinkType = LinkType | "by-date";

/**
 * The type a suggestion proposes. A rule that names a fixed type wins (the first
 * such rule, in the order they fired); otherwise the dates decide: a case before
 * the commitment was made is context for it, a case on or after that day falls
 * within its scope. With the date unknown the case is taken as within scope, and
 * the reviewer decides.
 */
export function proposeLinkType(ruleTypes: RuleLinkType[], occurredOn: Date | string, madeOn: Date | string | null): LinkType {
  const fixed = ruleTypes.find((t): t is LinkType => t !== "by-date");
  if (fixed) return fixed;
  if (!madeOn) return "in_scope";
  const day = (d: Date | string) => (typeof d === "string" ? d : d.toISOString()).slice(0, 10);
  return day(occurredOn) < day(madeOn) ? "context" : "in_scope";
}
