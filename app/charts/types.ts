import type { ChartConfiguration } from "chart.js";
import type { TFunction } from "~/lib/translate.ts";
import type { Language } from "~/lib/i18n.ts";
import type { Count } from "./small-counts.ts";

/** What every chart builder needs besides its data: words and number formats. */
export interface ChartContext {
  t: TFunction;
  lng: Language;
  /** Names of the countries a chart's filters name, made on the server with its data (hydration-safe). */
  countryNames?: Record<string, string>;
  /** Set when the chart's counts below this threshold are withheld (anonymous readers, staff records in scope). */
  smallCountThreshold?: number;
}

/** The accessible data table (and CSV) of a chart: exactly the plotted numbers. */
export interface ChartTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export type AnyChartConfig = ChartConfiguration<"bar" | "line", (number | null)[], string>;

/** A heat map's configuration: a scatter chart on two category axes whose cells a plugin paints. */
export type HeatmapChartConfig = ChartConfiguration<"scatter", { x: string; y: string; v: number; text?: string }[], string>;

/** The years a time axis shows, both included. */
export interface YearSpan {
  from: number;
  to: number;
}

/** People counted in case records for one value of a grouping column (null: unknown). */
export interface CaseCount {
  key: string | null;
  /** null: fewer than the small-count threshold (app/charts/small-counts.ts) */
  people: Count;
}

/** People counted in case records per year. */
export interface YearCount {
  year: number;
  /** null: fewer than the small-count threshold */
  people: Count;
}

/** The first and last year of the case records a chart counts, per origin (gw_dataset, staff). */
export interface CaseCoverage {
  origin: string;
  from: number;
  to: number;
  /** gw_dataset only: the day an import last created or changed records (YYYY-MM-DD); null when none has */
  importedOn?: string | null;
}
