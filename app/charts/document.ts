// An export document: everything an exported chart says, whichever page it comes
// from. The registry's charts, the accountability matrix and the provision
// scorecards each describe themselves as one; the PNG (export-image.ts, in the
// browser and on the server) and the CSV are drawn from it alone, so that every
// image and every file carries a title, its filters, notes, source, date and
// permalink in the same places.
import type { StateMapModel } from "./state-map.ts";
import type { AnyChartConfig, ChartTable, HeatmapChartConfig } from "./types.ts";

/** Everything a figure, an image or a CSV says in words around the numbers. */
export interface ChartTexts {
  title: string;
  subtitle: string;
  /** The sources, and the same as a "Source: ..." line. */
  source: string;
  sourceLine: string;
  asOf: string;
  /** The chart's notes, then its milestones in one line (for images and CSV; the page lists them). */
  notes: string[];
}

/** The drawing: a Chart.js chart, or the map of Mexico's states. */
export type ImageBody = { kind: "chartjs"; config: AnyChartConfig | HeatmapChartConfig } | { kind: "map"; model: StateMapModel };

export interface ChartDocument {
  texts: ChartTexts;
  body: ImageBody;
  /** Height of the drawing in CSS pixels. */
  bodyHeight: number;
  /** Width of the image in CSS pixels when the drawing needs more than the usual width. */
  width?: number;
  /** Exactly the plotted numbers: the CSV's body, cell for cell. */
  table: ChartTable;
  /** Values written on the bars of the image (default: on). */
  barValues?: boolean;
}

/**
 * The CSV of a document: one header line each for the title, the filters, the
 * source, the date, every note and the credit (with the permalink), an empty
 * line, then the table.
 */
export function documentCsvRows(doc: ChartDocument, credit: string): (string | number | null)[][] {
  const { texts, table } = doc;
  return [[texts.title], [texts.subtitle], [texts.sourceLine], [texts.asOf], ...texts.notes.map((n) => [n]), [credit], [], table.columns, ...table.rows];
}

/**
 * The one word wrapper: the words of one paragraph in lines that `fits` accepts
 * (a line holding a single word too long to fit is kept whole). Images measure
 * with the canvas; tick labels count characters.
 */
export function wrapWords(paragraph: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of paragraph.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && !fits(candidate)) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  lines.push(line);
  return lines;
}

/** The Chart.js configuration of a document drawn by Chart.js, for the page's figure (undefined for the map). */
export function documentChartConfig(doc: ChartDocument): Extract<ImageBody, { kind: "chartjs" }>["config"] | undefined {
  return doc.body.kind === "chartjs" ? doc.body.config : undefined;
}
