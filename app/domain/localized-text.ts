// Text stored in three languages (one column each): the reader's language, or
// the English text marked as untranslated, never an empty string.
import type { Language } from "~/lib/i18n.ts";

export interface LocalizedText {
  text: string;
  /** True when the English text stands in for a missing translation. */
  untranslated: boolean;
}

export function localized(en: string, es: string | null | undefined, fr: string | null | undefined, lng: Language): LocalizedText {
  const translated = lng === "es" ? es : lng === "fr" ? fr : en;
  return translated && translated.trim() ? { text: translated, untranslated: false } : { text: en, untranslated: lng !== "en" };
}
