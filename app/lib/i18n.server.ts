// Which language a request is served in: the `lng` query parameter, then the
// cookie set by the language switcher, then Accept-Language, then English.
import { createCookie } from "@remix-run/node";
import { cookieSecure } from "./http.server.ts";
import { DEFAULT_LANGUAGE, LANGUAGE_COOKIE, LANGUAGES, isLanguage, type Language } from "./i18n.ts";

export const languageCookie = createCookie(LANGUAGE_COOKIE, {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export function languageFromAcceptHeader(header: string | null): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked.find((x) => isLanguage(x.base))?.base as Language | undefined) ?? null;
}

export async function detectLanguage(request: Request): Promise<Language> {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (isLanguage(fromQuery)) return fromQuery;
  const fromCookie = await languageCookie.parse(request.headers.get("Cookie"));
  if (isLanguage(fromCookie)) return fromCookie;
  return languageFromAcceptHeader(request.headers.get("Accept-Language")) ?? DEFAULT_LANGUAGE;
}

/**
 * The language cookie to set when an address names a language (`?lng=es`, a
 * shared or embedded link) that the reader's cookie does not: the pages that
 * follow, reached by links without `lng`, stay in that language as they do after
 * the switcher. Null when the address names none, or the cookie already says it.
 */
export async function languageCookieFromQuery(request: Request): Promise<string | null> {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (!isLanguage(fromQuery)) return null;
  if ((await languageCookie.parse(request.headers.get("Cookie"))) === fromQuery) return null;
  return languageCookie.serialize(fromQuery, { secure: cookieSecure(request) });
}

export { LANGUAGES };
