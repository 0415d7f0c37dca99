// The parts of the accountability matrix page: its GET filter form and the table
// whose numbers open the case records behind them. The heat map itself is a
// ChartFigure drawn from the matrix's export document.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { matrixShade, type MatrixData, type MatrixRow } from "~/charts/accountability-matrix.ts";
import { STATUS_CHOICES, type MatrixFilter } from "~/domain/matrix-filter.ts";
import { formatNumber } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";
import { GapBadge } from "./commitment.tsx";
import { SectorSelect } from "./provision-filters.tsx";

/** Sector, years and link statuses, as a GET form that works without JavaScript; `lngParam` keeps a language chosen in the address. */
export function MatrixFilterForm({ filter, lngParam }: { filter: MatrixFilter; lngParam: Language }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filter-form" aria-label={t("provisions.filters.label")}>
      {lngParam !== "en" ? <input type="hidden" name="lng" value={lngParam} /> : null}
      <SectorSelect value={filter.sector} allValue="all" />
      <label>
        {t("provisions.filters.from")}
        <input type="number" name="from" min={1990} max={2100} defaultValue={filter.yearFrom} inputMode="numeric" />
      </label>
      <label>
        {t("provisions.filters.to")}
        <input type="number" name="to" min={1990} max={2100} defaultValue={filter.yearTo} inputMode="numeric" />
      </label>
      <label>
        {t("provisions.matrix.status")}
        <select name="status" defaultValue={filter.status}>
          {Object.keys(STATUS_CHOICES).map((s) => (
            <option key={s} value={s}>
              {t(`provisions.matrix.statusChoices.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button-secondary">
        {t("provisions.filters.apply")}
      </button>
    </Form>
  );
}

/** The case records behind a cell or a row's total: the provision's cases page with the matrix's filters. */
function casesHref(code: string, filter: MatrixFilter, years: { year: number } | { from: number; to: number }): string {
  const range: Record<string, string> = "year" in years ? { year: String(years.year) } : { from: String(years.from), to: String(years.to) };
  return `/provisions/${code}/cases?${new URLSearchParams({ ...range, sector: filter.sector, status: filter.status })}`;
}

function MatrixCell({ row, index, data, filter, lng }: { row: MatrixRow; index: number; data: MatrixData; filter: MatrixFilter; lng: Language }) {
  const { t } = useTranslation();
  const count = row.counts[index];
  const year = data.years[index];
  const shade = matrixShade(count, data.max);
  const label = t("provisions.matrix.cellLabel", { count, code: row.code, year });
  return (
    <td className="num matrix-cell" style={{ background: shade.fill, color: shade.ink }}>
      {count > 0 ? (
        <Link to={casesHref(row.code, filter, { year })} style={{ color: shade.ink }} aria-label={label}>
          {formatNumber(count, lng)}
        </Link>
      ) : (
        <span aria-label={label}>0</span>
      )}
      {row.suggested[index] && !data.onlySuggested ? (
        <span className="cell-suggested">{t("provisions.matrix.cellSuggested", { count: row.suggested[index] })}</span>
      ) : null}
    </td>
  );
}

/** The matrix as a table: every provision a row, every year a column, each number a link to its case records. */
export function MatrixCaseTable({ data, filter, caption, lng }: { data: MatrixData; filter: MatrixFilter; caption: string; lng: Language }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="matrix-table-title">
      <h2 id="matrix-table-title">{t("provisions.matrix.tableTitle")}</h2>
      <p className="small">{t("provisions.matrix.tableIntro")}</p>
      {/* Its own scrolling frame on narrow screens, the provision column kept in view (sticky). */}
      <div className="table-scroll matrix-frame">
        <table className="matrix-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("provisions.matrix.provision")}</th>
              {data.years.map((y) => (
                <th key={y} scope="col" className="num">
                  {y}
                </th>
              ))}
              <th scope="col" className="num">
                {t("common.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((row) => (
              <tr key={row.code} className={row.isGap ? "is-gap" : undefined}>
                <th scope="row">
                  <Link to={`/provisions/${row.code}`}>
                    <span className="code">{row.code}</span> <span className="matrix-title">{row.title}</span>
                  </Link>{" "}
                  {row.isGap ? <GapBadge /> : null}
                </th>
                {data.years.map((year, i) => (
                  <MatrixCell key={year} row={row} index={i} data={data} filter={filter} lng={lng} />
                ))}
                <td className="num">
                  {row.total > 0 ? (
                    <Link to={casesHref(row.code, filter, { from: filter.yearFrom, to: filter.yearTo })}>{formatNumber(row.total, lng)}</Link>
                  ) : (
                    0
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
