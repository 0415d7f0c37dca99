// Every language's dictionary, for the server (pages, CSV, PNG, tests). The browser
// build replaces this module with an empty one and loads only the sections a page uses
// in the reader's language (loadSections in app/lib/i18n.ts; docs/decisions/075 and 118).
import { en } from "~/locales/en.ts";
import { es } from "~/locales/es.ts";
import { fr } from "~/locales/fr.ts";

export const serverDictionaries = { en, es, fr } as const;
