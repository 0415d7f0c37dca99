// PNG and CSV exports of the scorecard and the matrix, from the same pure
// builders the pages use. Self-contained on purpose (issue 5): the shared chart
// export module being built elsewhere can absorb renderChartPng and tableToCsv.
// The PNG carries its title, subtitle, source and date in the image, so that a
// copy pasted into a briefing still says what it shows and where it comes from.
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import type { ChartConfiguration } from "chart.js";
import { registerCharts } from "~/charts/register.ts";
import type { ChartTable } from "~/charts/types.ts";

export interface PngMeta {
  title: string;
  subtitle?: string;
  /** "Source: …", already translated */
  source: string;
  /** Further lines under the source (filters, data date, notes) */
  notes?: string[];
  width?: number;
  /** Height of the chart itself, without the text around it */
  chartHeight?: number;
}

const PAD = 28;
const FONT = "sans-serif";

function wrap(ctx: SKRSContext2D, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (ctx.measureText(next).width > maxWidth && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

interface TextBlock {
  font: string;
  color: string;
  lineHeight: number;
  lines: string[];
}

/** A chart drawn on a white canvas with its title and subtitle above it and its source and notes below. */
export async function renderChartPng(config: ChartConfiguration<any, any, any>, meta: PngMeta): Promise<Buffer> {
  const Chart = registerCharts();
  const width = meta.width ?? 1200;
  const chartHeight = meta.chartHeight ?? 520;
  const measure = createCanvas(width, 100).getContext("2d");
  const block = (text: string | undefined, font: string, color: string, lineHeight: number): TextBlock | null => {
    if (!text) return null;
    measure.font = font;
    return { font, color, lineHeight, lines: wrap(measure, text, width - 2 * PAD) };
  };
  const header = [block(meta.title, `bold 24px ${FONT}`, "#1b1b1b", 32), block(meta.subtitle, `16px ${FONT}`, "#444444", 22)].filter(Boolean) as TextBlock[];
  const footer = [block(meta.source, `14px ${FONT}`, "#333333", 20), ...(meta.notes ?? []).map((n) => block(n, `13px ${FONT}`, "#555555", 18))].filter(
    Boolean,
  ) as TextBlock[];
  const height = (blocks: TextBlock[]) => blocks.reduce((h, b) => h + b.lines.length * b.lineHeight, 0);
  const headerHeight = PAD + height(header) + 12;
  const totalHeight = headerHeight + chartHeight + 16 + height(footer) + PAD;

  const canvas = createCanvas(width, totalHeight);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, totalHeight);
  ctx.textBaseline = "top";
  const draw = (blocks: TextBlock[], top: number) => {
    let y = top;
    for (const b of blocks) {
      ctx.font = b.font;
      ctx.fillStyle = b.color;
      for (const line of b.lines) {
        ctx.fillText(line, PAD, y);
        y += b.lineHeight;
      }
    }
  };
  draw(header, PAD);

  const chartCanvas = createCanvas(width - 2 * PAD, chartHeight);
  const chartCtx = chartCanvas.getContext("2d");
  chartCtx.fillStyle = "#ffffff";
  chartCtx.fillRect(0, 0, chartCanvas.width, chartCanvas.height);
  const chart = new Chart(chartCtx as unknown as CanvasRenderingContext2D, {
    ...config,
    options: { ...config.options, responsive: false, maintainAspectRatio: false, animation: false, devicePixelRatio: 1 },
  });
  try {
    chart.draw();
    ctx.drawImage(chartCanvas, PAD, headerHeight);
  } finally {
    chart.destroy();
  }
  draw(footer, headerHeight + chartHeight + 16);
  return canvas.encode("png");
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV (RFC 4180, CRLF), with a byte-order mark so that spreadsheet programs read the accents right. */
export function tableToCsv(table: ChartTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvCell).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

export function pngResponse(png: Buffer, filename: string): Response {
  return new Response(new Uint8Array(png), {
    headers: {
      "Content-Type": "image/png",
      "Content-Disposition": `inline; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
