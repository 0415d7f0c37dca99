import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n, DEFAULT_LANGUAGE, isLanguage, loadLanguage } from "~/lib/i18n.ts";

// The server rendered the page in the language on <html lang>; load that one
// language's dictionary (only it ships to the reader) and hydrate in it.
const lang = document.documentElement.lang;
const lng = isLanguage(lang) ? lang : DEFAULT_LANGUAGE;

void loadLanguage(lng).then(() => {
  const i18n = createI18n(lng);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
});
