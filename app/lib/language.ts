// How a page learns its reader's language, one way per place:
// - loaders and actions: detectLanguage(request) (i18n.server.ts);
// - components: useLanguage(). The root layout hands the root loader's language
//   to the page's translator before anything below it renders, so this is that language,
//   wherever the component sits, including error pages whose own loader threw;
// - meta functions: metaT(matches) or metaLanguage(matches), from the root
//   loader's data.
// A page therefore needs no `lng` of its own in its loader data.
import { DEFAULT_LANGUAGE, getFixedT, isLanguage, type Language, type TFunction, useTranslation } from "./i18n.ts";

/** The reader's language, as the root loader detected it. */
export function useLanguage(): Language {
  return useTranslation().i18n.language;
}

/** The reader's language in a meta function (from its `matches`). */
export function metaLanguage(matches: readonly { id: string; data?: unknown }[] | undefined): Language {
  const lng = (matches?.find((m) => m.id === "root")?.data as { lng?: unknown } | undefined)?.lng;
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

/** A t function in the reader's language, for a meta function. */
export function metaT(matches: readonly { id: string; data?: unknown }[] | undefined): TFunction {
  return getFixedT(metaLanguage(matches));
}
