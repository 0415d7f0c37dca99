import { describe, expect, it } from "vitest";
import { en } from "~/locales/en.ts";
import { es } from "~/locales/es.ts";
import { fr } from "~/locales/fr.ts";
import { getFixedT, LANGUAGES } from "~/lib/i18n.ts";
import { detectLanguage, languageCookieFromQuery, languageFromAcceptHeader } from "~/lib/i18n.server.ts";
import { formatDate, formatNumber } from "~/lib/format.ts";

function leaves(obj: unknown, prefix = ""): [string, unknown][] {
  if (typeof obj !== "object" || obj === null) return [[prefix, obj]];
  return Object.entries(obj).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  const dictionaries = { en, es, fr };

  it("have the same keys in every language", () => {
    const keys = leaves(en)
      .map(([k]) => k)
      .sort();
    for (const lng of LANGUAGES)
      expect(
        leaves(dictionaries[lng])
          .map(([k]) => k)
          .sort(),
      ).toEqual(keys);
  });

  it("have no empty value and keep every {{placeholder}} of the English text", () => {
    const english = new Map(leaves(en));
    for (const lng of LANGUAGES) {
      for (const [key, value] of leaves(dictionaries[lng])) {
        expect(typeof value, `${lng}:${key}`).toBe("string");
        expect((value as string).trim(), `${lng}:${key}`).not.toBe("");
        const placeholders = ((english.get(key) as string).match(/{{\w+}}/g) ?? []).sort();
        expect(((value as string).match(/{{\w+}}/g) ?? []).sort(), `${lng}:${key}`).toEqual(placeholders);
      }
    }
  });

  it("resolve through t, never showing a raw key", () => {
    for (const lng of LANGUAGES) {
      const t = getFixedT(lng);
      for (const [key] of leaves(en)) expect(t(key), `${lng}:${key}`).not.toBe(key);
    }
  });
});

describe("language detection", () => {
  const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

  it("prefers the lng parameter, then the cookie, then Accept-Language, then English", async () => {
    expect(await detectLanguage(request("http://x/?lng=fr", { Cookie: "vigia_lng=es", "Accept-Language": "en" }))).toBe("fr");
    // The cookie value is signed-less JSON-encoded by Remix's createCookie: "es" -> ImVzIg==
    const cookie = `vigia_lng=${btoa(JSON.stringify("es"))}`;
    expect(await detectLanguage(request("http://x/", { Cookie: cookie, "Accept-Language": "fr" }))).toBe("es");
    expect(await detectLanguage(request("http://x/", { "Accept-Language": "de-DE, fr-CA;q=0.8, es;q=0.5" }))).toBe("fr");
    expect(await detectLanguage(request("http://x/?lng=xx"))).toBe("en");
  });

  it("keeps a language named by the address in the cookie, so that the pages that follow stay in it", async () => {
    const es = `vigia_lng=${btoa(JSON.stringify("es"))}`;
    const set = await languageCookieFromQuery(request("http://x/trends?lng=es"));
    expect(set).toMatch(/^vigia_lng=ImVzIg%3D%3D; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax$/);
    // The cookie it sets is read back as that language on an address without lng.
    expect(await detectLanguage(request("http://x/matrix", { Cookie: set!.split(";")[0], "Accept-Language": "en" }))).toBe("es");
    expect(await languageCookieFromQuery(request("http://x/trends?lng=es", { Cookie: es }))).toBeNull();
    expect(await languageCookieFromQuery(request("http://x/trends?lng=fr", { Cookie: es }))).toMatch(/^vigia_lng=/);
    expect(await languageCookieFromQuery(request("http://x/trends"))).toBeNull();
    expect(await languageCookieFromQuery(request("http://x/trends?lng=xx"))).toBeNull();
  });

  it("reads Accept-Language by weight and ignores languages Vigía does not have", () => {
    expect(languageFromAcceptHeader("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(languageFromAcceptHeader("en;q=0.1, fr;q=0.9")).toBe("fr");
    expect(languageFromAcceptHeader("de, it")).toBeNull();
    expect(languageFromAcceptHeader(null)).toBeNull();
  });
});

describe("formatting", () => {
  it("formats numbers and dates for each locale", () => {
    expect(formatNumber(1234.5, "fr")).toBe("1\u00a0234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatDate("2025-09-22", "es")).toBe("22 de septiembre de 2025");
    expect(formatDate("2025-09-18", "en")).toBe("September 18, 2025");
    expect(formatDate("2025-09", "fr")).toBe("septembre 2025");
  });
});
