import type { ReactNode } from "react";
import { Chart } from "react-chartjs-2";
import { useTranslation } from "react-i18next";
import { registerCharts } from "~/charts/register.ts";
import type { AnyChartConfig, ChartTable } from "~/charts/types.ts";
import { DataTable } from "./data-table.tsx";

registerCharts();

export interface ChartFigureProps {
  id: string;
  title: string;
  subtitle?: string;
  source: string;
  config: AnyChartConfig;
  table: ChartTable;
  /** Notes printed under the chart (coverage, milestones, caveats). */
  children?: ReactNode;
  height?: number;
}

/** A chart with everything a reader needs around it: title, subtitle, source line and its data table. */
export function ChartFigure({ id, title, subtitle, source, config, table, children, height = 360 }: ChartFigureProps) {
  const { t } = useTranslation();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
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
      <div className="chart-canvas" style={{ height }}>
        <Chart
          type={config.type}
          data={config.data}
          options={config.options}
          role="img"
          aria-label={`${title}. ${t("common.dataTable", { title })}`}
          fallbackContent={<p>{t("common.dataTable", { title })}</p>}
        />
      </div>
      <figcaption className="chart-source">{t("charts.sourceLine", { source })}</figcaption>
      {children ? <div className="chart-notes">{children}</div> : null}
      <details className="chart-table">
        <summary>{t("common.showTable")}</summary>
        <DataTable table={table} caption={t("common.dataTable", { title })} />
      </details>
    </figure>
  );
}
