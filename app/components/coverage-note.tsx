// What data covers the years a count is made over, said plainly (Global Witness
// records, published annual figures, staff records), from the data itself.
import { useTranslation } from "~/lib/i18n.ts";
import { coverageLines, type CaseCoverage } from "~/domain/coverage.ts";
import { formatDate } from "~/lib/format.ts";
import { useLanguage } from "~/lib/language.ts";

export function CoverageNote({ coverage }: { coverage: CaseCoverage }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <div className="coverage-note" role="note">
      <p className="small-heading">{t("provisions.coverage.title")}</p>
      <ul className="small">
        {coverageLines(coverage, t, (d) => formatDate(d, lng)).map((line) => (
          <li key={line}>{line}</li>
        ))}
        <li>{t("provisions.coverage.columnNote")}</li>
      </ul>
    </div>
  );
}
