// Country names in the reader's language, from Intl.DisplayNames, so no country
// name needs translating by hand. Browsers and Node ship different names for some
// countries (Chromium says "Hong Kong", Node "Hong Kong SAR China"), so names are
// computed on the server only, in loaders, and sent to the page as data: a page
// that named a country while rendering would render it differently after
// hydration. Being a .server module, no component can import this file.
import { INTL_LOCALE, type Language } from "~/lib/i18n.ts";
import { COUNTRY_CODES } from "./countries.ts";

export function countryName(code: string, lng: Language): string {
  try {
    return new Intl.DisplayNames([INTL_LOCALE[lng]], { type: "region", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Names of some countries, keyed by code, for a loader to send with its data. */
export function countryNames(codes: Iterable<string>, lng: Language): Record<string, string> {
  const names: Record<string, string> = {};
  for (const code of codes) names[code] = countryName(code, lng);
  return names;
}

/** Every country with its name in the reader's language, sorted by that name; the most frequent first. */
export function countryOptions(lng: Language, first: readonly string[] = ["CA", "MX", "US"]): { code: string; name: string }[] {
  const collator = new Intl.Collator(INTL_LOCALE[lng]);
  const all = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lng) }));
  const top = first.map((code) => all.find((c) => c.code === code)!).filter(Boolean);
  return [...top, ...all.filter((c) => !first.includes(c.code)).sort((a, b) => collator.compare(a.name, b.name))];
}
