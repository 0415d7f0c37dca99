// Values on bars (issue 10): asked for on the page by ?values=1, on by default
// in PNG exports, drawn by a small Chart.js plugin.
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { hasBars, withBarValues } from "~/charts/bar-values-plugin.ts";
import { chartQueryString, parseChartQuery } from "~/charts/query.ts";
import { renderDocumentPng } from "~/charts/render.server.ts";
import { buildSectorBreakdownChart, sectorBreakdownTable, shapeSectorBreakdown } from "~/charts/sector-breakdown.ts";
import type { ChartDocument } from "~/charts/document.ts";
import { chartContext } from "./context.ts";

const ctx = chartContext("en");
const rows = shapeSectorBreakdown([
  { key: "mining_extractives", people: 27 },
  { key: "agribusiness", people: 12 },
  { key: null, people: 40 },
]);
const config = buildSectorBreakdownChart(rows, ctx);

async function png(barValues: boolean | undefined): Promise<Uint8ClampedArray> {
  const doc: ChartDocument = {
    texts: { title: "T", subtitle: "S", source: "X", sourceLine: "Source: X", asOf: "A", notes: [] },
    body: { kind: "chartjs", config },
    bodyHeight: 260,
    table: sectorBreakdownTable(rows, ctx),
    ...(barValues === undefined ? {} : { barValues }),
  };
  const image = await loadImage(Buffer.from(await renderDocumentPng(doc, ctx)));
  const canvas = createCanvas(image.width, image.height);
  const g = canvas.getContext("2d");
  g.drawImage(image, 0, 0);
  return g.getImageData(0, 0, image.width, image.height).data;
}

describe("values on bars", () => {
  it("is a URL choice that survives the permalink, unset by default", () => {
    expect(parseChartQuery(new URLSearchParams("values=1")).query.values).toBe(true);
    expect(parseChartQuery(new URLSearchParams("values=0")).query.values).toBe(false);
    expect(parseChartQuery(new URLSearchParams("")).query.values).toBeUndefined();
    expect(chartQueryString({ filter: {}, figures: "revised", values: true }, "es")).toBe("?values=1&lng=es");
  });

  it("is off in a page's config unless asked for, and offered only for bar charts", () => {
    expect(withBarValues(config, true).options?.plugins?.barValues).toEqual({ display: true });
    expect(withBarValues(config, false).options?.plugins?.barValues).toEqual({ display: false });
    expect(config.options?.plugins?.barValues).toBeUndefined();
    expect(hasBars(config)).toBe(true);
    expect(hasBars(null)).toBe(false);
  });

  it("writes the values into the PNG by default, and leaves them out when asked", async () => {
    const [byDefault, on, off] = await Promise.all([png(undefined), png(true), png(false)]);
    expect(Buffer.from(byDefault.buffer).equals(Buffer.from(on.buffer))).toBe(true);
    // Dark text pixels beyond the bars' ends: the drawing with values has more.
    const dark = (d: Uint8ClampedArray) => {
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 60 && d[i + 1] < 60 && d[i + 2] < 60) n++;
      return n;
    };
    expect(dark(on)).toBeGreaterThan(dark(off) + 50);
  }, 30_000);
});
