import type { ChartConfiguration } from "chart.js";
import type { TFunction } from "i18next";
import type { Language } from "~/lib/i18n.ts";

/** What every chart builder needs besides its data: words and number formats. */
export interface ChartContext {
  t: TFunction;
  lng: Language;
}

/** The accessible data table (and CSV) of a chart: exactly the plotted numbers. */
export interface ChartTable {
  columns: string[];
  rows: (string | number | null)[][];
}

export type AnyChartConfig = ChartConfiguration<"bar" | "line", (number | null)[], string>;
