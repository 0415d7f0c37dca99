import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { buildMatrixChart, matrixChartHeight, matrixSeriesLabel, matrixShade, matrixTable } from "~/charts/accountability-matrix.ts";
import type { AnyChartConfig } from "~/charts/types.ts";
import { ChartFigure } from "~/components/chart-figure.tsx";
import { GapBadge } from "~/components/commitment.tsx";
import { MatrixFilterProblems, SectorSelect } from "~/components/provision-filters.tsx";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { formatDate, formatNumber } from "~/lib/format.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { describeMatrixFilter, matrixFilterToParams, STATUS_CHOICES } from "~/domain/matrix-filter.ts";
import { getMatrix } from "~/models/matrix.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const lng = await detectLanguage(request);
  const matrix = await getMatrix(lng, new URL(request.url).searchParams);
  return matrix;
}

export default function MatrixPage() {
  const { filter, problems, data, today } = useLoaderData<typeof loader>();
  const lng = useLanguage();
  const { t } = useTranslation();
  const ctx = { t, lng };
  const query = matrixFilterToParams(filter).toString();
  const subtitle = describeMatrixFilter(filter, t);
  const cellQuery = (year: number) => new URLSearchParams({ year: String(year), sector: filter.sector, status: filter.status }).toString();
  // The heat map is a scatter chart; ChartFigure draws any Chart.js configuration.
  const config = buildMatrixChart(data, ctx) as unknown as AnyChartConfig;
  return (
    <div className="matrix-page">
      <h1>{t("provisions.matrix.title")}</h1>
      <p className="lede">{t("provisions.matrix.intro")}</p>

      <Form method="get" className="filter-form" aria-label={t("provisions.filters.label")}>
        {lng !== "en" ? <input type="hidden" name="lng" value={lng} /> : null}
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
      <MatrixFilterProblems problems={problems} />
      {data.includesSuggested ? (
        <p className="notice" role="note">
          {t("provisions.matrix.suggestedWarning")}
        </p>
      ) : null}

      <ChartFigure
        id="accountability-matrix"
        title={t("provisions.matrix.chartTitle")}
        subtitle={subtitle}
        source={t("provisions.matrix.source")}
        config={config}
        table={matrixTable(data, ctx)}
        height={matrixChartHeight(data)}
      >
        <p className="export-links">
          <a href={`/matrix.png?${query}&lng=${lng}`} download>
            {t("provisions.export.png")}
          </a>{" "}
          ·{" "}
          <a href={`/matrix.csv?${query}&lng=${lng}`} download>
            {t("provisions.export.csv")}
          </a>
        </p>
        <p className="small">{t("provisions.matrix.note")}</p>
        <p className="small muted">{t("charts.dataAsOf", { date: formatDate(today, lng) })}</p>
      </ChartFigure>

      <section aria-labelledby="matrix-table-title">
        <h2 id="matrix-table-title">{t("provisions.matrix.tableTitle")}</h2>
        <p className="small">{t("provisions.matrix.tableIntro")}</p>
        <div className="table-scroll">
          <table className="matrix-table">
            <caption>
              {matrixSeriesLabel(data, t)} · {subtitle}
            </caption>
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
                  {row.counts.map((count, i) => {
                    const shade = matrixShade(count, data.max);
                    const year = data.years[i];
                    const label = t("provisions.matrix.cellLabel", { count, code: row.code, year });
                    return (
                      <td key={year} className="num matrix-cell" style={{ background: shade.fill, color: shade.ink }}>
                        {count > 0 ? (
                          <Link to={`/provisions/${row.code}/cases?${cellQuery(year)}`} style={{ color: shade.ink }} aria-label={label}>
                            {formatNumber(count, lng)}
                          </Link>
                        ) : (
                          <span aria-label={label}>0</span>
                        )}
                        {row.suggested[i] && !data.onlySuggested ? (
                          <span className="cell-suggested">{t("provisions.matrix.cellSuggested", { count: row.suggested[i] })}</span>
                        ) : null}
                      </td>
                    );
                  })}
                  <td className="num">
                    {row.total > 0 ? (
                      <Link
                        to={`/provisions/${row.code}/cases?${new URLSearchParams({ from: String(filter.yearFrom), to: String(filter.yearTo), sector: filter.sector, status: filter.status })}`}
                      >
                        {formatNumber(row.total, lng)}
                      </Link>
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
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("provisions.matrix.title")} · Vigía` }, { name: "description", content: t("provisions.matrix.intro") }];
};
