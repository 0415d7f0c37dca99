import { useTranslation } from "~/lib/i18n.ts";
import type { ChartTable } from "~/charts/types.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/language.ts";

/** The accessible table of a chart's numbers; null cells say "not found" instead of staying blank. */
export function DataTable({ table, caption, id }: { table: ChartTable; caption: string; id?: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <div className="table-scroll">
      <table className="data-table" id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell ?? "—"}
                  </th>
                ) : (
                  <td key={j} className={typeof cell === "number" ? "num" : undefined}>
                    {cell === null ? <span className="muted">{t("common.notFound")}</span> : typeof cell === "number" ? formatNumber(cell, lng) : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
