import { useEffect, useRef, type ReactNode } from "react";
import { Chart } from "react-chartjs-2";
import { useTranslation } from "~/lib/i18n.ts";
import { registerCharts } from "~/charts/register.ts";
import type { AnyChartConfig, ChartTable, HeatmapChartConfig } from "~/charts/types.ts";
import { DataTable } from "./data-table.tsx";

registerCharts();

export interface ChartFigureProps {
  id: string;
  title: string;
  subtitle?: string;
  source: string;
  /** "Data as of ..." with what the date is. */
  asOf?: string;
  /** A Chart.js chart; or give `drawing` instead (the SVG map). */
  config?: AnyChartConfig | HeatmapChartConfig;
  drawing?: ReactNode;
  table: ChartTable;
  /** Notes printed under the chart (coverage, milestones, caveats). */
  children?: ReactNode;
  /** Export links and buttons. */
  actions?: ReactNode;
  height?: number;
}

/** A chart with everything a reader needs around it: title, subtitle, source line, date and its data table. */
export function ChartFigure({ id, title, subtitle, source, asOf, config: anyConfig, drawing, table, children, actions, height = 360 }: ChartFigureProps) {
  const { t } = useTranslation();
  // react-chartjs-2 types its Chart per chart type; it draws a heat map's scatter configuration all the same.
  const config = anyConfig as AnyChartConfig | undefined;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const tableRef = useRef<HTMLDetailsElement>(null);
  // Printed pages show the data table, which a closed <details> would hide.
  useEffect(() => {
    const details = tableRef.current;
    if (!details) return;
    let wasOpen = details.open;
    const before = () => {
      wasOpen = details.open;
      details.open = true;
    };
    const after = () => {
      details.open = wasOpen;
    };
    window.addEventListener("beforeprint", before);
    window.addEventListener("afterprint", after);
    return () => {
      window.removeEventListener("beforeprint", before);
      window.removeEventListener("afterprint", after);
    };
  }, []);
  return (
    <figure className="chart-figure" id={id} aria-labelledby={titleId} data-chart-id={id}>
      <h2 id={titleId} className="chart-title">
        {title}
      </h2>
      {subtitle ? (
        <p className="chart-subtitle" id={descId}>
          {subtitle}
        </p>
      ) : null}
      {drawing ?? (
        <div className="chart-canvas" style={{ height }}>
          {config ? (
            <Chart
              type={config.type}
              data={config.data}
              options={config.options}
              role="img"
              aria-label={`${title}. ${t("common.dataTable", { title })}`}
              fallbackContent={<p>{t("common.dataTable", { title })}</p>}
            />
          ) : null}
        </div>
      )}
      <figcaption className="chart-source">
        {t("charts.sourceLine", { source })}
        {asOf ? (
          <>
            <br />
            <span className="chart-as-of">{asOf}</span>
          </>
        ) : null}
      </figcaption>
      {children ? <div className="chart-notes">{children}</div> : null}
      <details className="chart-table" ref={tableRef}>
        <summary>{t("common.showTable")}</summary>
        <DataTable table={table} caption={t("common.dataTable", { title })} />
      </details>
      {actions ? <div className="chart-actions">{actions}</div> : null}
    </figure>
  );
}
