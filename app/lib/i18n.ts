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
/**
 * The large sections are loaded one level down, in parts, so that a page using a few of their
 * second-level keys does not load the rest (docs/decisions/126): each part below holds these
 * second-level keys, in app/locales/<lng>/<section>/<section>-<part>.ts; the section's own name stands for
 * its main part, every other key (<section>/<section>.ts).
 */
export const SECTION_PARTS = {
  provisions: {
    links: ["links", "linkTypes"],
    form: ["form", "kinds", "sourceKinds"],
    views: ["list", "detail", "charts", "scorecard", "export", "filters", "matrix", "cases", "layers", "coverage", "review", "milestones", "rules", "suggest"],
  },
  incidents: { filters: ["filters"], removal: ["duplicates", "purge"] },
  admin: { audit: ["audit"] },
  gwImport: { preview: ["preview", "reasons", "field"] },
} as const satisfies { [S in Section]?: Record<string, readonly (keyof Translation[S])[]> };
type PartsOf = typeof SECTION_PARTS;
/** What a page loads: a section, or a part of one of the large sections (named "provisions.links"). */
export type Part = Section | { [S in keyof PartsOf]: `${S}.${keyof PartsOf[S] & string}` }[keyof PartsOf];
/** Every part, each one chunk per language in the browser (for the build's checks: pure, so the browser drops it). */
export const PARTS: readonly Part[] = /* @__PURE__ */ SECTIONS.flatMap((s): Part[] => [
  s,
  ...Object.keys((SECTION_PARTS as Partial<Record<Section, object>>)[s] ?? {}).map((p) => `${s}.${p}` as Part),
]);

/** The part that holds a key of a section ("provisions.links.accept": provisions.links; "provisions.gap": provisions). */
export function partOf(section: Section, secondLevelKey: string): Part {
  const parts = (SECTION_PARTS as Partial<Record<Section, Record<string, readonly string[]>>>)[section] ?? {};
  const part = Object.keys(parts).find((p) => parts[p].includes(secondLevelKey));
  return (part ? `${section}.${part}` : section) as Part;
}

/** A route's handle names the sections and parts its modules use (besides the root's, which every page has). */
export interface I18nHandle {
  i18n: readonly Part[];
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

/** In the browser, the sections and parts held in each language (loadSections). */
const heldParts = new Map<Language, Set<Part>>();

// One static import() per language and section, so that the bundler makes one chunk of each.
type Texts = Record<string, unknown>;
// A split section's own name imports its main part; each part's texts are added to the section's.
const importers: { [L in Language]: { [P in Part]: () => Promise<Texts> } } = {
  en: {
    app: () => import("~/locales/en/app.ts").then((m) => m.app),
    common: () => import("~/locales/en/common.ts").then((m) => m.common),
    overview: () => import("~/locales/en/overview.ts").then((m) => m.overview),
    charts: () => import("~/locales/en/charts.ts").then((m) => m.charts),
    taxonomy: () => import("~/locales/en/taxonomy.ts").then((m) => m.taxonomy),
    errors: () => import("~/locales/en/errors.ts").then((m) => m.errors),
    auth: () => import("~/locales/en/auth.ts").then((m) => m.auth),
    trends: () => import("~/locales/en/trends.ts").then((m) => m.trends),
    provisions: () => import("~/locales/en/provisions/provisions.ts").then((m) => m.texts),
    "provisions.links": () => import("~/locales/en/provisions/provisions-links.ts").then((m) => m.texts),
    "provisions.form": () => import("~/locales/en/provisions/provisions-form.ts").then((m) => m.texts),
    "provisions.views": () => import("~/locales/en/provisions/provisions-views.ts").then((m) => m.texts),
    incidents: () => import("~/locales/en/incidents/incidents.ts").then((m) => m.texts),
    "incidents.filters": () => import("~/locales/en/incidents/incidents-filters.ts").then((m) => m.texts),
    "incidents.removal": () => import("~/locales/en/incidents/incidents-removal.ts").then((m) => m.texts),
    admin: () => import("~/locales/en/admin/admin.ts").then((m) => m.texts),
    "admin.audit": () => import("~/locales/en/admin/admin-audit.ts").then((m) => m.texts),
    validation: () => import("~/locales/en/validation.ts").then((m) => m.validation),
    forms: () => import("~/locales/en/forms.ts").then((m) => m.forms),
    gwImport: () => import("~/locales/en/gw-import/gw-import.ts").then((m) => m.texts),
    "gwImport.preview": () => import("~/locales/en/gw-import/gw-import-preview.ts").then((m) => m.texts),
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
    provisions: () => import("~/locales/es/provisions/provisions.ts").then((m) => m.texts),
    "provisions.links": () => import("~/locales/es/provisions/provisions-links.ts").then((m) => m.texts),
    "provisions.form": () => import("~/locales/es/provisions/provisions-form.ts").then((m) => m.texts),
    "provisions.views": () => import("~/locales/es/provisions/provisions-views.ts").then((m) => m.texts),
    incidents: () => import("~/locales/es/incidents/incidents.ts").then((m) => m.texts),
    "incidents.filters": () => import("~/locales/es/incidents/incidents-filters.ts").then((m) => m.texts),
    "incidents.removal": () => import("~/locales/es/incidents/incidents-removal.ts").then((m) => m.texts),
    admin: () => import("~/locales/es/admin/admin.ts").then((m) => m.texts),
    "admin.audit": () => import("~/locales/es/admin/admin-audit.ts").then((m) => m.texts),
    validation: () => import("~/locales/es/validation.ts").then((m) => m.validation),
    forms: () => import("~/locales/es/forms.ts").then((m) => m.forms),
    gwImport: () => import("~/locales/es/gw-import/gw-import.ts").then((m) => m.texts),
    "gwImport.preview": () => import("~/locales/es/gw-import/gw-import-preview.ts").then((m) => m.texts),
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
    provisions: () => import("~/locales/fr/provisions/provisions.ts").then((m) => m.texts),
    "provisions.links": () => import("~/locales/fr/provisions/provisions-links.ts").then((m) => m.texts),
    "provisions.form": () => import("~/locales/fr/provisions/provisions-form.ts").then((m) => m.texts),
    "provisions.views": () => import("~/locales/fr/provisions/provisions-views.ts").then((m) => m.texts),
    incidents: () => import("~/locales/fr/incidents/incidents.ts").then((m) => m.texts),
    "incidents.filters": () => import("~/locales/fr/incidents/incidents-filters.ts").then((m) => m.texts),
    "incidents.removal": () => import("~/locales/fr/incidents/incidents-removal.ts").then((m) => m.texts),
    admin: () => import("~/locales/fr/admin/admin.ts").then((m) => m.texts),
    "admin.audit": () => import("~/locales/fr/admin/admin-audit.ts").then((m) => m.texts),
    validation: () => import("~/locales/fr/validation.ts").then((m) => m.validation),
    forms: () => import("~/locales/fr/forms.ts").then((m) => m.forms),
    gwImport: () => import("~/locales/fr/gw-import/gw-import.ts").then((m) => m.texts),
    "gwImport.preview": () => import("~/locales/fr/gw-import/gw-import-preview.ts").then((m) => m.texts),
  },
};

/**
 * Makes these sections of a language's dictionary available to every translator of the
 * browser; resolves once they are. A no-op on the server, which holds every section.
 */
export async function loadSections(lng: Language, parts: readonly Part[]): Promise<void> {
  if (serverDictionaries) return;
  const dictionary = (dictionaries.get(lng) ?? {}) as Record<string, Texts>;
  dictionaries.set(lng, dictionary);
  const held = heldParts.get(lng) ?? new Set<Part>();
  heldParts.set(lng, held);
  const missing = [...new Set(parts)].filter((p) => !held.has(p));
  const arrived = await Promise.all(missing.map(async (p) => [p, await importers[lng][p]()] as const));
  for (const [p, texts] of arrived) {
    const section = p.split(".")[0];
    dictionary[section] = { ...dictionary[section], ...texts };
    held.add(p);
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
export function loadPageSections(parts: readonly Part[]): Promise<void> {
  return loadSections(documentLanguage(), parts);
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
      const held = [...new Set([...heldParts.values()].flatMap((parts) => [...parts]))];
      const there = heldParts.get(lng);
      if (serverDictionaries || (there && held.every((p) => there.has(p)))) {
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
