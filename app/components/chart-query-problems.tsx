// What is wrong with a chart address's filters, in words, for the pages that
// show charts by address (/charts and /embed/<id>); the chart is then shown unfiltered.
import { useTranslation } from "~/lib/i18n.ts";
import { problemMessage } from "~/charts/problems.ts";
import type { FilterProblem } from "~/domain/incident-filter.ts";

export function ChartQueryProblems({ problems }: { problems: FilterProblem[] }) {
  const { t } = useTranslation();
  if (!problems.length) return null;
  return (
    <div className="filter-problems" role="alert">
      <p>
        <strong>{t("trends.problems.title")}</strong>
      </p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{problemMessage(p, { t })}</li>
        ))}
      </ul>
    </div>
  );
}
