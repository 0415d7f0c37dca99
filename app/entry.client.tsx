import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { createI18n, DEFAULT_LANGUAGE, I18nProvider, isLanguage } from "~/lib/i18n.ts";

// The server rendered the page in the language on <html lang>. Remix's inline script
// imports the page's route modules before this entry, and each awaits its dictionary
// sections in that language at its top level (loadPageSections, docs/decisions/118), so
// they are all here: hydrate in it, the first render matching the server's.
const lang = document.documentElement.lang;
const lng = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;
const i18n = createI18n(lng);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <RemixBrowser />
      </I18nProvider>
    </StrictMode>,
  );
});
