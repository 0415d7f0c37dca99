// Link suggestion rules: read from the versioned data file app/data/link-rules.json,
// checked by its zod schema (link-rules-schema.ts) in a test and when the server starts,
// never in the browser, and applied to a case's facts by pure functions (no database),
// so that the page that explains the rules, the suggestion engine and the tests
// all read the same data.
import raw from "~/data/link-rules.json";
import type { LinkRule, RuleField, RulesFile } from "./link-rules-schema.ts";
import type { RuleLinkType } from "./link-type.ts";
import { matchTerms, termWeight, type Term, type TermMatch } from "./term-match.ts";

export type { LinkRule, RuleCondition, RuleField } from "./link-rules-schema.ts";
export const RULE_FIELDS: RuleField[] = ["sector", "perpetratorType", "characteristic", "companyCountry", "countryCode"];

/** The rules file as data; its shape is checked by rulesFileSchema in tests and at server start. */
export const LINK_RULES = raw as RulesFile;
export const RULES_VERSION = LINK_RULES.version;

/** What the rules and the text signal look at in a case record. */
export interface CaseFacts {
  sector: string;
  perpetratorType: string;
  companyCountry: string | null;
  countryCode: string;
  characteristics: string[];
  /** The case's description and the titles of its sources, joined. */
  text: string;
}

function holds(field: RuleField, values: string[], facts: CaseFacts): boolean {
  switch (field) {
    case "characteristic":
      return facts.characteristics.some((c) => values.includes(c));
    case "companyCountry":
      return !!facts.companyCountry && values.includes(facts.companyCountry.toUpperCase());
    default:
      return values.includes(facts[field]);
  }
}

/** Every listed field must hold; an empty condition holds for every case. */
export function ruleFires(rule: LinkRule, facts: CaseFacts): boolean {
  return RULE_FIELDS.every((field) => {
    const values = rule.when[field];
    return !values || holds(field, values as string[], facts);
  });
}

/** A rule that fired, with what it looks for in one language: what pages show of it. */
export interface RuleFired {
  code: string;
  description: string;
}

/**
 * The rules behind a link as a page shows them. Described on the server, so that the
 * rules file stays out of the browser's JavaScript (docs/decisions/116-client-js-where-it-stands.md);
 * a code the file no longer has reads as itself.
 */
export function describeRules(codes: string[], lng: "en" | "es" | "fr"): RuleFired[] {
  return codes.map((code) => ({ code, description: ruleDescription(code, lng) }));
}

export function rulesThatFire(facts: CaseFacts, rules: LinkRule[] = LINK_RULES.rules): LinkRule[] {
  return rules.filter((r) => ruleFires(r, facts));
}

export interface ProvisionTerms {
  id: string;
  code: string;
  termsEn: string[];
  termsEs: string[];
  /** YYYY-MM-DD the commitment was made, when known (the proposed link type depends on it) */
  madeOn?: string | null;
}

export interface LinkProposal {
  provisionId: string;
  provisionCode: string;
  /** rule when at least one rule fired, else text */
  method: "rule" | "text";
  rulesFired: string[];
  matchedTerms: TermMatch[];
  score: number;
  /** What the rules that fired propose as the link's type ("by-date" when none names one) */
  ruleLinkTypes: RuleLinkType[];
}

export const RULE_POINTS = 1;

/**
 * The links a case should get, with their explanation: each rule that fires adds
 * RULE_POINTS to the provisions it names; each of a provision's terms found in
 * the case's text adds termWeight(term). Provisions named by a rule but absent
 * from the database are skipped (a rule may point at a provision not yet added).
 */
export function proposeLinks(
  facts: CaseFacts,
  provisions: ProvisionTerms[],
  rules: LinkRule[] = LINK_RULES.rules,
  /** Term matches by provision and text, for a batch of cases that share texts (an import's source line) */
  textMatches?: Map<string, TermMatch[]>,
): LinkProposal[] {
  const fired = rulesThatFire(facts, rules);
  const proposals: LinkProposal[] = [];
  const hasText = facts.text.trim() !== "";
  for (const p of provisions) {
    const firedHere = fired.filter((r) => r.provisions.includes(p.code));
    const rulesFired = firedHere.map((r) => r.code);
    const terms: Term[] = [...p.termsEn.map((term) => ({ term, lang: "en" as const })), ...p.termsEs.map((term) => ({ term, lang: "es" as const }))];
    let matchedTerms: TermMatch[] = [];
    if (hasText) {
      const key = `${p.id}\u0000${facts.text}`;
      const known = textMatches?.get(key);
      matchedTerms = known ?? matchTerms(facts.text, terms);
      if (!known) textMatches?.set(key, matchedTerms);
    }
    if (!rulesFired.length && !matchedTerms.length) continue;
    const score = rulesFired.length * RULE_POINTS + matchedTerms.reduce((sum, m) => sum + termWeight(m.term), 0);
    proposals.push({
      provisionId: p.id,
      provisionCode: p.code,
      method: rulesFired.length ? "rule" : "text",
      rulesFired,
      matchedTerms,
      score: Math.round(score * 100) / 100,
      ruleLinkTypes: firedHere.map((r) => r.linkType ?? "by-date"),
    });
  }
  return proposals.sort((a, b) => b.score - a.score || a.provisionCode.localeCompare(b.provisionCode));
}

/** A stored JSON list of terms, tolerant of null and of anything that is not a list of strings. */
export function parseTermList(json: string | null | undefined): string[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.trim() !== "") : [];
  } catch {
    return [];
  }
}

/** A rule's description in a language, or its code when the rules file has no such rule (any more). */
export function ruleDescription(code: string, lng: "en" | "es" | "fr"): string {
  return LINK_RULES.rules.find((r) => r.code === code)?.description[lng] ?? code;
}
