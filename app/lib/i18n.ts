// i18next set up once for server and browser alike. The server holds every language
// (app/lib/i18n-resources.server.ts); the browser holds only the reader's, loaded
// before hydration by loadLanguage (docs/decisions/075-reader-language-only-in-the-browser.md),
// so the first render is complete in both and the two other languages never ship.
import i18next, { type i18n as I18n, type TFunction } from "i18next";
import type { Translation } from "~/locales/en.ts";
import { serverDictionaries } from "./i18n-resources.server.ts";

export const LANGUAGES = ["en", "es", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";
export const LANGUAGE_COOKIE = "vigia_lng";

/** BCP 47 locale used by Intl for numbers and dates in each language. */
export const INTL_LOCALE: Record<Language, string> = { en: "en-CA", es: "es-MX", fr: "fr-CA" };

type Dictionary = Translation;

// On the server: all three. In the browser the .server module is empty, so this
// starts empty and loadLanguage fills it.
const dictionaries = new Map<Language, Dictionary>(serverDictionaries ? (Object.entries(serverDictionaries) as [Language, Dictionary][]) : []);

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Whether a language's dictionary is at hand (always on the server). */
export function hasLanguage(lng: Language): boolean {
  return dictionaries.has(lng);
}

// One static import() per language, so the bundler makes one chunk per language.
const importers: Record<Language, () => Promise<Dictionary>> = {
  en: () => import("~/locales/en.ts").then((m) => m.en),
  es: () => import("~/locales/es.ts").then((m) => m.es),
  fr: () => import("~/locales/fr.ts").then((m) => m.fr),
};

/** Makes a language's dictionary available (a no-op on the server); resolves once it is. */
export async function loadLanguage(lng: Language): Promise<void> {
  if (dictionaries.has(lng)) return;
  dictionaries.set(lng, await importers[lng]());
}

/** Every dictionary at hand, as i18next resources. */
function resources() {
  return Object.fromEntries([...dictionaries].map(([l, d]) => [l, { translation: d }]));
}

export function createI18n(lng: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    resources: resources(),
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

/** Switches an instance to a language, loading its dictionary first when the browser lacks it. */
export async function switchLanguage(instance: I18n, lng: Language): Promise<void> {
  await loadLanguage(lng);
  const d = dictionaries.get(lng);
  if (d && !instance.hasResourceBundle(lng, "translation")) instance.addResourceBundle(lng, "translation", d);
  await instance.changeLanguage(lng);
}

export type T = TFunction;

const fixed = new Map<Language, I18n>();
/** A t function for a language, for loaders, resource routes and chart builders. */
export function getFixedT(lng: Language): TFunction {
  let instance = fixed.get(lng);
  if (!instance) {
    instance = createI18n(lng);
    // Kept only once its dictionary is there (always on the server; in the browser once loaded).
    if (hasLanguage(lng)) fixed.set(lng, instance);
  }
  return instance.t;
}
