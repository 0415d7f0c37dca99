// Pieces of the GET filter forms on the commitments pages (matrix, a provision's
// cases, the review queue): the sector choice and the problems with the filters.
import { useTranslation } from "~/lib/i18n.ts";
import { SECTORS } from "~/domain/taxonomy.ts";
import type { MatrixProblem } from "~/domain/matrix-filter.ts";

/** A labelled select of every sector, after an "all sectors" option whose value is `allValue`. */
export function SectorSelect({ value, allValue }: { value: string; allValue: string }) {
  const { t } = useTranslation();
  return (
    <label>
      {t("provisions.cases.sector")}
      <select name="sector" defaultValue={value}>
        <option value={allValue}>{t("provisions.matrix.allSectors")}</option>
        {SECTORS.map((s) => (
          <option key={s} value={s}>
            {t(`taxonomy.sector.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** What is wrong with the matrix filters in the address; the page then shows what it can. */
export function MatrixFilterProblems({ problems }: { problems: MatrixProblem[] }) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <div className="form-error" role="alert">
      {problems.map((p, i) => (
        <p key={i}>{t(`provisions.filters.problems.${p.reason}`, { param: p.param, value: p.value })}</p>
      ))}
    </div>
  );
}
