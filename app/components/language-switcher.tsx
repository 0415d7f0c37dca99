import { Form, useLocation } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { LANGUAGES, type Language, useTranslation } from "~/lib/i18n.ts";

/**
 * A plain form: works without JavaScript, sets the language cookie, returns to the same page.
 * Always a full page load (reloadDocument): the browser holds only the reader's language, so
 * the server renders the page in the new one and the browser loads that one alone.
 */
export function LanguageSwitcher({ current }: { current: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  params.delete("lng");
  const redirectTo = location.pathname + (params.size ? `?${params}` : "");
  return (
    <Form method="post" action="/language" reloadDocument className="language-switcher" aria-label={t("app.changeLanguage")}>
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {LANGUAGES.map((lng) => (
        <button key={lng} type="submit" name="lng" value={lng} lang={lng} aria-pressed={lng === current} className={lng === current ? "current" : undefined}>
          {t(`app.languages.${lng}`)}
        </button>
      ))}
    </Form>
  );
}
