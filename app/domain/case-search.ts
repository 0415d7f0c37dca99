// What a case search asks for, read from the list's address (`q`): words, each of
// which a record must contain (in the victim's name, the region as written, the
// municipality or the description), accents and case not counting. Public text
// only: no sensitive field is ever searched (decision 065).
import { MX_STATE_CODES, MX_STATES, type MxState } from "./taxonomy.ts";

export const SEARCH_PARAM = "q";
/** Longer text is cut (the search box allows no more). */
export const SEARCH_MAX_LENGTH = 200;
/** Words beyond these are ignored: each is one more condition on the index. */
export const SEARCH_MAX_TERMS = 8;

/**
 * The search text of an address, trimmed and cut to length; null when there is none.
 * Control characters (a NUL pasted or typed into the address) separate words like a
 * space: no record's text holds them, and PostgreSQL refuses NUL in a query.
 */
export function parseCaseSearch(params: URLSearchParams): string | null {
  const q = (params.get(SEARCH_PARAM) ?? "")
    .replace(/[\s\p{Cc}]+/gu, " ")
    .trim()
    .slice(0, SEARCH_MAX_LENGTH)
    .trim();
  return q || null;
}

/** Lower case without accents: how both databases compare search text. */
export function foldSearchText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words of a search that can match something (a lone "-" or quote cannot). */
export function searchTerms(q: string | null | undefined): string[] {
  if (!q) return [];
  return [...new Set(q.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)))].slice(0, SEARCH_MAX_TERMS);
}

/**
 * The states whose name holds every word of the search ("michoacan", "san luis"):
 * a staff record names its state by code only, so a search for a place finds it
 * through the state too.
 */
export function statesNamedBy(terms: string[]): MxState[] {
  if (!terms.length) return [];
  const folded = terms.map(foldSearchText);
  return MX_STATE_CODES.filter((code) => {
    const name = foldSearchText(MX_STATES[code]);
    return folded.every((t) => name.includes(t));
  });
}
