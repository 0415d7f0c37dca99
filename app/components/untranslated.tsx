import { useTranslation } from "react-i18next";

/** Marks text that stands in English because its translation is missing (never an empty space). */
export function Untranslated({ when }: { when: boolean }) {
  const { t } = useTranslation();
  if (!when) return null;
  return (
    <span className="untranslated" lang="en">
      {" "}
      ({t("common.untranslated")})
    </span>
  );
}
