// The parts of the accountability matrix page: its GET filter form and the table
// whose numbers open the case records behind them. The heat map itself is a
// ChartFigure drawn from the matrix's export document.
import { Form, Link } from "@remix-run/react";
import { matrixShade, WITHHELD_SHADE, type MatrixData, type MatrixRow } from "~/charts/accountability-matrix.ts";
import { LinkTypeFilter } from "./link-review.tsx";
import { STATUS_CHOICES, type MatrixFilter } from "~/domain/matrix-filter.ts";
import { formatNumber } from "~/lib/format.ts";
import { type Language, useTranslation } from "~/lib/i18n.ts";
import { GapBadge } from "./commitment.tsx";
import { LinkLayersLegend } from "./link-layers.tsx";
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
      <LinkTypeFilter value={filter.linkType} />
      <button type="submit" className="button-secondary">
        {t("provisions.filters.apply")}
      </button>
    </Form>
  );
}

/** The case records behind a cell or a row's total, in one layer: the provision's cases page with the matrix's filters. */
function casesHref(code: string, filter: MatrixFilter, years: { year: number } | { from: number; to: number }, layer: "accepted" | "suggested"): string {
  const range: Record<string, string> = "year" in years ? { year: String(years.year) } : { from: String(years.from), to: String(years.to) };
  const params = new URLSearchParams({ ...range, sector: filter.sector, status: layer });
  if (filter.linkType) params.set("type", filter.linkType);
  return `/provisions/${code}/cases?${params}`;
}

/** One year of one provision: accepted links on the cell's shade, suggestions apart in a dashed box, or "no case-level data". */
function MatrixCell({ row, index, data, filter, lng }: { row: MatrixRow; index: number; data: MatrixData; filter: MatrixFilter; lng: Language }) {
  const { t } = useTranslation();
  const year = data.years[index];
  if (!data.covered[index]) {
    return (
      <td className="num matrix-cell no-data">
        <span className="small">{t("provisions.coverage.noCaseData")}</span>
      </td>
    );
  }
  const accepted = row.accepted[index];
  const suggested = row.suggested[index];
  // A withheld count (decision 109) says "fewer than N" and opens no list of its records.
  const threshold = data.smallCountThreshold ?? 3;
  const withheld = { accepted: data.layers.accepted && accepted === null, suggested: data.layers.suggested && suggested === null };
  const shade = withheld.accepted ? WITHHELD_SHADE : matrixShade((data.layers.accepted ? accepted : suggested) ?? 0, data.max);
  const style = data.layers.accepted ? { background: shade.fill, color: shade.ink } : undefined;
  return (
    <td className="num matrix-cell" style={style}>
      {withheld.accepted ? (
        <span className="cell-accepted withheld" aria-label={t("provisions.matrix.cellLabelWithheld", { count: threshold, code: row.code, year })}>
          {t("charts.fewerThan", { count: threshold })}
        </span>
      ) : null}
      {withheld.suggested ? (
        <span
          className="cell-suggested layer-suggested withheld"
          aria-label={t("provisions.layers.cellSuggestedLabelWithheld", { count: threshold, code: row.code, year })}
        >
          {t("provisions.layers.cellSuggestedWithheld", { count: threshold })}
        </span>
      ) : null}
      {accepted !== null ? (
        accepted > 0 ? (
          <Link
            to={casesHref(row.code, filter, { year }, "accepted")}
            style={{ color: shade.ink }}
            className="cell-accepted"
            aria-label={t("provisions.matrix.cellLabel", { count: accepted, code: row.code, year })}
          >
            {formatNumber(accepted, lng)}
          </Link>
        ) : (
          <span className="cell-accepted" aria-label={t("provisions.matrix.cellLabel", { count: 0, code: row.code, year })}>
            0
          </span>
        )
      ) : null}
      {suggested !== null ? (
        suggested > 0 ? (
          <Link
            to={casesHref(row.code, filter, { year }, "suggested")}
            className="cell-suggested layer-suggested"
            aria-label={t("provisions.layers.cellSuggestedLabel", { count: suggested, code: row.code, year })}
          >
            {t("provisions.layers.cellSuggested", { count: suggested })}
          </Link>
        ) : (
          <span className="cell-suggested layer-suggested" aria-label={t("provisions.layers.cellSuggestedLabel", { count: 0, code: row.code, year })}>
            {t("provisions.layers.cellSuggested", { count: 0 })}
          </span>
        )
      ) : null}
    </td>
  );
}

/** The matrix as a table: every provision a row, every year a column, each number a link to its case records; two layers, never summed. */
export function MatrixCaseTable({ data, filter, caption, lng }: { data: MatrixData; filter: MatrixFilter; caption: string; lng: Language }) {
  const { t } = useTranslation();
  const total = (row: MatrixRow, layer: "accepted" | "suggested") => {
    const n = layer === "accepted" ? row.acceptedTotal : row.suggestedTotal;
    const className = layer === "accepted" ? "cell-accepted" : "cell-suggested layer-suggested";
    if (n === null) {
      const count = data.smallCountThreshold ?? 3;
      return (
        <span className={`${className} withheld`}>
          {layer === "accepted" ? t("charts.fewerThan", { count }) : t("provisions.layers.cellSuggestedWithheld", { count })}
        </span>
      );
    }
    const text = layer === "accepted" ? formatNumber(n, lng) : t("provisions.layers.cellSuggested", { count: n });
    return n > 0 ? (
      <Link className={className} to={casesHref(row.code, filter, { from: filter.yearFrom, to: filter.yearTo }, layer)}>
        {text}
      </Link>
    ) : (
      <span className={className}>{text}</span>
    );
  };
  return (
    <section aria-labelledby="matrix-table-title">
      <h2 id="matrix-table-title">{t("provisions.matrix.tableTitle")}</h2>
      <p className="small">{t("provisions.matrix.tableIntro")}</p>
      <LinkLayersLegend id="matrix-legend" />
      {/* Its own scrolling frame on narrow screens, the provision column kept in view (sticky). */}
      <div className="table-scroll matrix-frame">
        <table className="matrix-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("provisions.matrix.provision")}</th>
              {data.years.map((y, i) => (
                <th key={y} scope="col" className={data.covered[i] ? "num" : "num no-data"}>
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
                <td className="num matrix-total">
                  {data.layers.accepted ? total(row, "accepted") : null}
                  {data.layers.suggested ? total(row, "suggested") : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data.covered.some((c) => !c) ? (
        <div className="small coverage-note" role="note">
          <p>{t("provisions.coverage.columnNote")}</p>
          {data.published.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
