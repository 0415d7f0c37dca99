// The text signal of link suggestions: which of a provision's terms appear in a
// case's text. Pure and language-agnostic so that English and Spanish terms are
// matched by the same rules, which a person can check by hand:
// - case and accents do not matter (minería = mineria = MINERÍA);
// - whole words only (mine never matches "mineral" or "undermine");
// - a word matches its plural and back (-s, -es, -y/-ies, -z/-ces), so that
//   concesión matches concesiones and "comunidad indígena" matches
//   "comunidades indígenas";
// - a term of several words matches those words in a row, whatever punctuation
//   or spacing separates them ("Canada–Mexico partnership" = "canada-mexico partnership").

export type TermLanguage = "en" | "es";

export interface Term {
  term: string;
  lang: TermLanguage;
}

export interface TermMatch extends Term {
  /** The words of the text that matched, as written there (first few occurrences). */
  found: string[];
}

interface Token {
  /** Normalised: lower case, accents removed */
  key: string;
  start: number;
  end: number;
}

/** Lower case without accents or other combining marks. */
export function normaliseWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Words of a text, with their positions in it (letters, combining marks and digits). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    tokens.push({ key: normaliseWord(m[0]), start: m.index!, end: m.index! + m[0].length });
  }
  return tokens;
}

/** True when `plural` is a regular plural of `singular` in English or Spanish. */
function isPluralOf(singular: string, plural: string): boolean {
  if (singular.length < 3) return false;
  if (plural === singular + "s" || plural === singular + "es") return true;
  if (singular.endsWith("y") && plural === singular.slice(0, -1) + "ies") return true;
  if (singular.endsWith("z") && plural === singular.slice(0, -1) + "ces") return true;
  return false;
}

/** Two normalised words are the same word, up to a regular plural. */
export function sameWord(a: string, b: string): boolean {
  return a === b || isPluralOf(a, b) || isPluralOf(b, a);
}

/**
 * Which terms occur in the text. A term found only inside a longer matched term
 * ("mining" inside "mining concession") is left out, so that one phrase is
 * counted once. Terms that normalise to the same words count once (the first
 * given is reported).
 */
export function matchTerms(text: string, terms: Term[]): TermMatch[] {
  const tokens = tokenize(text);
  if (!tokens.length) return [];
  const seen = new Set<string>();
  const hits: { term: Term; words: number; spans: [number, number][] }[] = [];
  for (const term of terms) {
    const words = tokenize(term.term).map((t) => t.key);
    const id = words.join(" ");
    if (!words.length || seen.has(id)) continue;
    seen.add(id);
    const spans: [number, number][] = [];
    for (let i = 0; i + words.length <= tokens.length; i++) {
      let ok = true;
      for (let j = 0; j < words.length && ok; j++) ok = sameWord(tokens[i + j].key, words[j]);
      if (ok) spans.push([i, i + words.length - 1]);
    }
    if (spans.length) hits.push({ term, words: words.length, spans });
  }
  const inside = (span: [number, number], other: [number, number]) => other[0] <= span[0] && span[1] <= other[1];
  return hits
    .filter((hit) => {
      const longer = hits.filter((h) => h.words > hit.words);
      return !hit.spans.every((span) => longer.some((h) => h.spans.some((o) => inside(span, o))));
    })
    .map((hit) => ({
      ...hit.term,
      found: [...new Set(hit.spans.map(([a, b]) => text.slice(tokens[a].start, tokens[b].end)))].slice(0, 3),
    }));
}

/** Points a term adds to a suggestion's score: a phrase of several words is more specific than one word. */
export function termWeight(term: string): number {
  return tokenize(term).length > 1 ? 1 : 0.5;
}
