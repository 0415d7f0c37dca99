import { useTranslation } from "~/lib/i18n.ts";

/**
 * The one marker after English text standing in for a missing translation, so a
 * reader never takes it for an omission. Put it after the text, with a space.
 */
export function Untranslated({ when = true }: { when?: boolean }) {
  const { t } = useTranslation();
  if (!when) return null;
  return (
    <span className="untranslated" title={t("common.untranslatedHelp")}>
      {t("common.untranslated")}
    </span>
  );
}
