// i18next set up once for server and browser alike. The server holds every language
// (app/lib/i18n-resources.server.ts); the browser holds only the reader's, and of it only
// the sections the pages seen so far use: each route module awaits its handle's sections
// at its top level (loadPageSections), so that no route renders before they are there
// (docs/decisions/075-reader-language-only-in-the-browser.md, 118-dictionary-sections-per-page.md).
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

/** The dictionary's sections (its top-level keys); a page loads only those it uses. */
export type Section = keyof Translation;
export const SECTIONS = [
  "app",
  "common",
  "overview",
  "charts",
  "taxonomy",
  "errors",
  "auth",
  "trends",
  "provisions",
  "incidents",
  "admin",
  "validation",
  "forms",
  "gwImport",
] as const satisfies readonly Section[];
/** A route's handle names the sections its modules use (besides the root's, which every page has). */
export interface I18nHandle {
  i18n: readonly Section[];
}

// On the server: all three, whole. In the browser the .server module is empty, so this
// starts empty and loadSections fills in the reader's language section by section.
const dictionaries = new Map<Language, Partial<Dictionary>>(serverDictionaries ? (Object.entries(serverDictionaries) as [Language, Dictionary][]) : []);

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Whether a language's dictionary is at hand (always on the server; in the browser once a section is). */
export function hasLanguage(lng: Language): boolean {
  return dictionaries.has(lng);
}

// One static import() per language and section, so that the bundler makes one chunk of each.
const importers: { [L in Language]: { [S in Section]: () => Promise<Dictionary[S]> } } = {
  en: {
    app: () => import("~/locales/en/app.ts").then((m) => m.app),
    common: () => import("~/locales/en/common.ts").then((m) => m.common),
    overview: () => import("~/locales/en/overview.ts").then((m) => m.overview),
    charts: () => import("~/locales/en/charts.ts").then((m) => m.charts),
    taxonomy: () => import("~/locales/en/taxonomy.ts").then((m) => m.taxonomy),
    errors: () => import("~/locales/en/errors.ts").then((m) => m.errors),
    auth: () => import("~/locales/en/auth.ts").then((m) => m.auth),
    trends: () => import("~/locales/en/trends.ts").then((m) => m.trends),
    provisions: () => import("~/locales/en/provisions.ts").then((m) => m.provisions),
    incidents: () => import("~/locales/en/incidents.ts").then((m) => m.incidents),
    admin: () => import("~/locales/en/admin.ts").then((m) => m.admin),
    validation: () => import("~/locales/en/validation.ts").then((m) => m.validation),
    forms: () => import("~/locales/en/forms.ts").then((m) => m.forms),
    gwImport: () => import("~/locales/en/gw-import.ts").then((m) => m.gwImport),
  },
  es: {
    app: () => import("~/locales/es/app.ts").then((m) => m.app),
    common: () => import("~/locales/es/common.ts").then((m) => m.common),
    overview: () => import("~/locales/es/overview.ts").then((m) => m.overview),
    charts: () => import("~/locales/es/charts.ts").then((m) => m.charts),
    taxonomy: () => import("~/locales/es/taxonomy.ts").then((m) => m.taxonomy),
    errors: () => import("~/locales/es/errors.ts").then((m) => m.errors),
    auth: () => import("~/locales/es/auth.ts").then((m) => m.auth),
    trends: () => import("~/locales/es/trends.ts").then((m) => m.trends),
    provisions: () => import("~/locales/es/provisions.ts").then((m) => m.provisions),
    incidents: () => import("~/locales/es/incidents.ts").then((m) => m.incidents),
    admin: () => import("~/locales/es/admin.ts").then((m) => m.admin),
    validation: () => import("~/locales/es/validation.ts").then((m) => m.validation),
    forms: () => import("~/locales/es/forms.ts").then((m) => m.forms),
    gwImport: () => import("~/locales/es/gw-import.ts").then((m) => m.gwImport),
  },
  fr: {
    app: () => import("~/locales/fr/app.ts").then((m) => m.app),
    common: () => import("~/locales/fr/common.ts").then((m) => m.common),
    overview: () => import("~/locales/fr/overview.ts").then((m) => m.overview),
    charts: () => import("~/locales/fr/charts.ts").then((m) => m.charts),
    taxonomy: () => import("~/locales/fr/taxonomy.ts").then((m) => m.taxonomy),
    errors: () => import("~/locales/fr/errors.ts").then((m) => m.errors),
    auth: () => import("~/locales/fr/auth.ts").then((m) => m.auth),
    trends: () => import("~/locales/fr/trends.ts").then((m) => m.trends),
    provisions: () => import("~/locales/fr/provisions.ts").then((m) => m.provisions),
    incidents: () => import("~/locales/fr/incidents.ts").then((m) => m.incidents),
    admin: () => import("~/locales/fr/admin.ts").then((m) => m.admin),
    validation: () => import("~/locales/fr/validation.ts").then((m) => m.validation),
    forms: () => import("~/locales/fr/forms.ts").then((m) => m.forms),
    gwImport: () => import("~/locales/fr/gw-import.ts").then((m) => m.gwImport),
  },
};

// The browser's i18next instances (the page's and getFixedT's), given each section as it arrives.
const instances = new Set<I18n>();

/**
 * Makes these sections of a language's dictionary available to every i18next instance;
 * resolves once they are. A no-op on the server, which holds every section.
 */
export async function loadSections(lng: Language, sections: readonly Section[]): Promise<void> {
  if (serverDictionaries) return;
  const dictionary = dictionaries.get(lng) ?? {};
  dictionaries.set(lng, dictionary);
  const missing = [...new Set(sections)].filter((s) => !(s in dictionary));
  const arrived = await Promise.all(missing.map(async (s) => [s, await importers[lng][s]()] as const));
  for (const [s, texts] of arrived) {
    (dictionary as Record<Section, unknown>)[s] = texts;
    for (const instance of instances) {
      if (instance.hasResourceBundle(lng, "translation")) instance.addResourceBundle(lng, "translation", { [s]: texts }, true, true);
      else instance.addResourceBundle(lng, "translation", { ...dictionary });
    }
  }
}

/** The page's language in the browser (the server wrote it on <html lang>), or the default. */
function documentLanguage(): Language {
  const lang = typeof document === "undefined" ? undefined : document.documentElement.lang;
  return isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
}

/**
 * What a route module awaits at its top level, with the sections its handle names: Remix
 * imports a route's module (and so waits for this) before it renders the route, on the
 * first load and on every client navigation (docs/decisions/118-dictionary-sections-per-page.md).
 * The language never changes without a page load (LanguageSwitcher), so the page's is the one.
 */
export function loadPageSections(sections: readonly Section[]): Promise<void> {
  return loadSections(documentLanguage(), sections);
}

/** Every dictionary at hand, as i18next resources. */
function resources() {
  return Object.fromEntries([...dictionaries].map(([l, d]) => [l, { translation: { ...d } }]));
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
  if (!serverDictionaries) instances.add(instance);
  return instance;
}

/**
 * Switches an instance to a language, loading first, in that language, every section the
 * browser holds in any other (a language change is a page load, so this is a fallback).
 */
export async function switchLanguage(instance: I18n, lng: Language): Promise<void> {
  const held = new Set([...dictionaries.values()].flatMap((d) => Object.keys(d) as Section[]));
  await loadSections(lng, [...held]);
  await instance.changeLanguage(lng);
}

export type T = TFunction;

const fixed = new Map<Language, I18n>();
/** A t function for a language, for loaders, resource routes, meta functions and chart builders. */
export function getFixedT(lng: Language): TFunction {
  let instance = fixed.get(lng);
  if (!instance) {
    instance = createI18n(lng);
    fixed.set(lng, instance);
  }
  return instance.t;
}
