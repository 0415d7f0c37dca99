import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createI18n, DEFAULT_LANGUAGE, isLanguage } from "~/lib/i18n.ts";

// The server rendered the page in the language on <html lang>; hydrate in the same one.
const lang = document.documentElement.lang;
const i18n = createI18n(isLanguage(lang) ? lang : DEFAULT_LANGUAGE);

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
