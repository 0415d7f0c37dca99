// i18next set up once for server and browser alike. Resources are bundled (three
// small dictionaries), so no backend fetch is needed and the first render is complete.
import i18next, { type i18n as I18n, type TFunction } from "i18next";
import { en } from "~/locales/en.ts";
import { es } from "~/locales/es.ts";
import { fr } from "~/locales/fr.ts";

export const LANGUAGES = ["en", "es", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "en";
export const LANGUAGE_COOKIE = "vigia_lng";

/** BCP 47 locale used by Intl for numbers and dates in each language. */
export const INTL_LOCALE: Record<Language, string> = { en: "en-CA", es: "es-MX", fr: "fr-CA" };

export const resources = {
  en: { translation: en },
  es: { translation: es },
  fr: { translation: fr },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function createI18n(lng: Language): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}

export type T = TFunction;

const fixed = new Map<Language, I18n>();
/** A t function for a language, for loaders, resource routes and chart builders. */
export function getFixedT(lng: Language): TFunction {
  let instance = fixed.get(lng);
  if (!instance) {
    instance = createI18n(lng);
    fixed.set(lng, instance);
  }
  return instance.t;
}
