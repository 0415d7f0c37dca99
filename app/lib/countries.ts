// ISO 3166-1 alpha-2 codes (the 249 officially assigned), for a company's home
// country. Names come from Intl.DisplayNames in the reader's language, so no
// country name needs translating by hand. Browsers and Node ship different
// country names (Chromium says "Hong Kong", Node "Hong Kong SAR China"), so names
// are computed on the server only and sent to the page as data; never call
// countryName while rendering, or hydration breaks.
import { INTL_LOCALE, type Language } from "./i18n.ts";

export const COUNTRY_CODES = [
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE",
  "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD",
  "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
  "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
  "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU",
  "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN",
  "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME",
  "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
  "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM",
  "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI",
  "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK",
  "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
  "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
] as const;
export type CountryCode = (typeof COUNTRY_CODES)[number];

const CODES = new Set<string>(COUNTRY_CODES);
export function isCountryCode(code: string): code is CountryCode {
  return CODES.has(code);
}

export function countryName(code: string, lng: Language): string {
  try {
    return new Intl.DisplayNames([INTL_LOCALE[lng]], { type: "region", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every country with its name in the reader's language, sorted by that name; the most frequent first. */
export function countryOptions(lng: Language, first: readonly string[] = ["CA", "MX", "US"]): { code: string; name: string }[] {
  const collator = new Intl.Collator(INTL_LOCALE[lng]);
  const all = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lng) as string }));
  const top = first.map((code) => all.find((c) => c.code === code)!).filter(Boolean);
  return [...top, ...all.filter((c) => !first.includes(c.code)).sort((a, b) => collator.compare(a.name, b.name))];
}
