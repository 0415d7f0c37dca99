// Translation set up once for server and browser alike (t itself: app/lib/translate.ts).
// The server holds every language (app/lib/i18n-resources.server.ts); the browser holds only the reader's, and of it only
// the sections the pages seen so far use: each route module awaits its handle's sections
// at its top level (loadPageSections), so that no route renders before they are there
// (docs/decisions/075-reader-language-only-in-the-browser.md, 118-dictionary-sections-per-page.md,
// 124-own-translate.md).
import { createContext, createElement, useContext, useMemo, useSyncExternalStore, type ReactNode } from "react";
import type { Translation } from "~/locales/en.ts";
import { serverDictionaries } from "./i18n-resources.server.ts";
import { translate, type Lookup, type TFunction } from "./translate.ts";

export type { TFunction, TOptions } from "./translate.ts";

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

/**
 * Makes these sections of a language's dictionary available to every translator of the
 * browser; resolves once they are. A no-op on the server, which holds every section.
 */
export async function loadSections(lng: Language, sections: readonly Section[]): Promise<void> {
  if (serverDictionaries) return;
  const dictionary = dictionaries.get(lng) ?? {};
  dictionaries.set(lng, dictionary);
  const missing = [...new Set(sections)].filter((s) => !(s in dictionary));
  const arrived = await Promise.all(missing.map(async (s) => [s, await importers[lng][s]()] as const));
  for (const [s, texts] of arrived) (dictionary as Record<Section, unknown>)[s] = texts;
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

/** The dictionaries a key is looked up in: the language's, then the default language's. */
function lookups(lng: Language): Lookup[] {
  const held: Lookup[] = [[lng, dictionaries.get(lng)]];
  if (lng !== DEFAULT_LANGUAGE) held.push([DEFAULT_LANGUAGE, dictionaries.get(DEFAULT_LANGUAGE)]);
  return held;
}

const fixed = new Map<Language, TFunction>();
/** A t function for a language, for loaders, resource routes, meta functions and chart builders. */
export function getFixedT(lng: Language): TFunction {
  let t = fixed.get(lng);
  if (!t) {
    // The dictionaries are read at each call, so sections that arrive later are found.
    t = (key, options) => translate(lookups(lng), key, options);
    fixed.set(lng, t);
  }
  return t;
}

/** The page's translator: its language, which the root layout may change, and t in it. */
export interface I18n {
  readonly language: Language;
  /** t in the language the translator has when it is called. */
  t: TFunction;
  /**
   * Switches to a language: at once when the sections the browser holds are there in it
   * (always on the server), else once they are loaded (a language change is a page load,
   * so this is a fallback).
   */
  changeLanguage(lng: Language): Promise<void>;
  /** Calls back after each change of language; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export function createI18n(initial: Language): I18n {
  let language = initial;
  const listeners = new Set<() => void>();
  const set = (lng: Language) => {
    language = lng;
    // After the render that changed it: components that did not render again then do now.
    queueMicrotask(() => listeners.forEach((listener) => listener()));
  };
  return {
    get language() {
      return language;
    },
    t: (key, options) => getFixedT(language)(key, options),
    changeLanguage(lng) {
      if (lng === language) return Promise.resolve();
      const held = [...new Set([...dictionaries.values()].flatMap((d) => Object.keys(d) as Section[]))];
      const there = dictionaries.get(lng);
      if (serverDictionaries || (there && held.every((s) => s in there))) {
        set(lng);
        return Promise.resolve();
      }
      return loadSections(lng, held).then(() => set(lng));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const I18nContext = createContext<I18n | null>(null);

/** Gives the page's translator to every component below (the entries, and tests that render one). */
export function I18nProvider({ i18n, children }: { i18n: I18n; children?: ReactNode }) {
  return createElement(I18nContext.Provider, { value: i18n }, children);
}

/**
 * A component's t, in the page's language, and the translator itself. The component
 * renders again when the language changes, with a new t (for memo dependencies).
 */
export function useTranslation(): { t: TFunction; i18n: I18n } {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useTranslation needs an I18nProvider above it");
  const language = useSyncExternalStore(
    i18n.subscribe,
    () => i18n.language,
    () => i18n.language,
  );
  // A new t for each language (language is in the dependencies for that alone).
  const t = useMemo<TFunction>(() => (key, options) => i18n.t(key, options), [i18n, language]);
  return { t, i18n };
}
