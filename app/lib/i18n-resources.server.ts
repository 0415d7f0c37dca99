// Every language's dictionary, for the server (pages, CSV, PNG, tests). The browser
// build replaces this module with an empty one and loads only the reader's language
// (loadLanguage in app/lib/i18n.ts; docs/decisions/075-reader-language-only-in-the-browser.md).
import { en } from "~/locales/en.ts";
import { es } from "~/locales/es.ts";
import { fr } from "~/locales/fr.ts";

export const serverDictionaries = { en, es, fr } as const;
