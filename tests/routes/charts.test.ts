// Every registered chart through every way out of Vigía: the trends page's data
// table, the CSV and the server-rendered PNG must show the same numbers.
import { createCanvas, loadImage } from "@napi-rs/canvas";
import { parse } from "csv-parse/sync";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CHART_IDS, chartTable, type ChartId, type LoadedChart } from "~/charts/registry.ts";
import { RegistryChart } from "~/components/registry-chart.tsx";
import { formatNumber } from "~/lib/format.ts";
import { createI18n, getFixedT, I18nProvider, type Language } from "~/lib/i18n.ts";
import { loader as csvLoader } from "~/routes/charts.$id[.]csv.ts";
import { loader as pngLoader } from "~/routes/charts.$id[.]png.ts";
import { loader as listLoader } from "~/routes/charts._index.tsx";
import { handle as embedHandle, loader as embedLoader } from "~/routes/embed.$id.tsx";
import { loader as trendsLoader, TRENDS_CHARTS } from "~/routes/trends.tsx";
import { settled } from "../setup/route.ts";
import { loaderArgs as args } from "../setup/trends.ts";

async function thrown(p: Promise<unknown>): Promise<Response> {
  try {
    await p;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
  throw new Error("expected a thrown Response");
}

/** The chart's data table exactly as the trends page renders it (the RegistryChart component), as text cells. */
function pageTableCells(chart: LoadedChart, lng: Language, query: Awaited<ReturnType<typeof trendsLoader>>["query"]): string[][] {
  const html = renderToStaticMarkup(
    createElement(I18nProvider, { i18n: createI18n(lng) }, createElement(RegistryChart, { chart, query, lng, origin: "http://localhost" })),
  );
  const table = /<table class="data-table"[^>]*>([\s\S]*?)<\/table>/.exec(html)?.[1];
  if (!table) throw new Error(`no data table for ${chart.id}`);
  const decode = (s: string) =>
    s
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#x27;|&#39;/g, "'")
      .trim();
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1])));
}

/** The CSV's table: the rows after the first empty line (the header lines come before it). */
function csvTable(text: string): string[][] {
  const rows = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false }) as string[][];
  const blank = rows.findIndex((r) => r.length === 1 && r[0] === "");
  return rows.slice(blank + 1).filter((r) => !(r.length === 1 && r[0] === ""));
}

const QUERIES = [
  { label: "no filter", search: "" },
  { label: "two filters, Spanish", search: "from=2015&to=2021&sector=mining_extractives&sector=unconfirmed&lng=es" },
  { label: "states and first-reported figures, French", search: "state=OAX&state=GRO&state=unknown&figures=first&lng=fr" },
];

describe("the chart registry and the trends page", () => {
  it("shows every registered chart on the trends page", () => {
    expect([...TRENDS_CHARTS].sort()).toEqual([...CHART_IDS].sort());
  });

  for (const q of QUERIES) {
    it(`CSV numbers equal the page's data table for every chart (${q.label})`, async () => {
      const page = await settled(await trendsLoader(args(`http://localhost/trends?${q.search}`)));
      expect(page.problems).toEqual([]);
      const lng = page.lng as Language;
      for (const id of CHART_IDS) {
        const chart = page.charts.find((c) => c.id === id) as LoadedChart;
        const shown = pageTableCells(chart, lng, page.query);
        const response = await csvLoader(args(`http://localhost/charts/${id}.csv?${q.search}`, { id }));
        const csv = csvTable(await response.text());
        expect(csv.length, id).toBe(shown.length);
        expect(csv.length, id).toBeGreaterThan(1);
        expect(csv[0], id).toEqual(shown[0]);
        for (let r = 1; r < csv.length; r++) {
          for (let c = 0; c < csv[r].length; c++) {
            const raw = csv[r][c];
            const cell = shown[r][c];
            if (c === 0) expect(cell, `${id} ${r}`).toBe(raw);
            else if (raw === "") expect(cell, `${id} ${r},${c}`).toBe(getFixedT(lng)("common.notFound"));
            else if (/^-?\d+(\.\d+)?$/.test(raw)) expect(cell, `${id} ${r},${c}`).toBe(formatNumber(Number(raw), lng));
            else expect(cell, `${id} ${r},${c}`).toBe(raw);
          }
        }
      }
    });
  }

  it("applies the filters in SQL: mining only, Oaxaca only, the unidentified state kept", async () => {
    const page = await settled(await trendsLoader(args("http://localhost/trends?sector=mining_extractives&state=OAX&state=unknown")));
    const t = getFixedT("en");
    const ctx = { t, lng: "en" as const };
    const sector = page.charts.find((c) => c.id === "sector-breakdown") as LoadedChart<"sector-breakdown">;
    expect(chartTable(sector, ctx).rows).toEqual([
      ["Mining and extractives", expect.any(Number)],
      ["Sector could not be confirmed", 0],
    ]);
    const map = page.charts.find((c) => c.id === "state-map") as LoadedChart<"state-map">;
    const counted = new Map(chartTable(map, ctx).rows.map((r) => [r[0], r[1]]));
    const total = sector.data.counts.reduce((s, c) => s + c.people!, 0);
    expect((counted.get("Oaxaca") as number) + (counted.get("State not identified") as number)).toBe(total);
    expect(counted.get("Guerrero")).toBe(0);
  });

  it("switches the published value between revised and first reported", async () => {
    const revised = await settled(await trendsLoader(args("http://localhost/trends?from=2012&to=2016")));
    const first = await settled(await trendsLoader(args("http://localhost/trends?from=2012&to=2016&figures=first")));
    const ctx = { t: getFixedT("en"), lng: "en" as const };
    const plotted = (page: typeof revised) => chartTable(page.charts.find((c) => c.id === "mexico-annual") as LoadedChart, ctx).rows.map((r) => r[3]);
    expect(plotted(revised)).toEqual([10, 3, 3, 4, 3]);
    expect(plotted(first)).toEqual([null, null, null, null, 3]);
  });
});

describe("filter problems", () => {
  it("explains each wrong filter and shows the unfiltered view, never failing", async () => {
    const bad = await settled(await trendsLoader(args("http://localhost/trends?from=abc&to=2010&state=XX&sector=mining_extractives")));
    expect(bad.problems).toEqual([
      { param: "from", value: "abc", reason: "notYear" },
      { param: "state", value: "XX", reason: "unknownCode" },
    ]);
    expect(bad.query).toEqual({ filter: {}, figures: "revised" });
    // What the reader typed stays in the form.
    expect(bad.values.from).toEqual(["abc"]);
    expect(bad.values.state).toEqual(["XX"]);
    expect(bad.values.sector).toEqual(["mining_extractives"]);
    const plain = await settled(await trendsLoader(args("http://localhost/trends")));
    expect(bad.charts).toEqual(plain.charts);

    const reversed = await settled(await trendsLoader(args("http://localhost/trends?from=2020&to=2012")));
    expect(reversed.problems).toEqual([{ param: "from", value: "2020 > 2012", reason: "yearOrder" }]);
    expect(reversed.charts).toEqual(plain.charts);
  });

  it("refuses to export a chart with wrong filters, saying why in the reader's language", async () => {
    for (const ext of ["png", "csv"] as const) {
      const loader = ext === "png" ? pngLoader : csvLoader;
      const response = await thrown(loader(args(`http://localhost/charts/sector-breakdown.${ext}?from=19x5&lng=es`, { id: "sector-breakdown" })));
      expect(response.status).toBe(400);
      const text = await response.text();
      expect(text).toContain("No se generó esta gráfica");
      expect(text).toContain("Desde el año: «19x5» no es un año entre 1990 y 2100.");
    }
  });

  it("answers an unknown chart id with 404 everywhere", async () => {
    for (const loader of [pngLoader, csvLoader, embedLoader]) {
      const response = await thrown(loader(args("http://localhost/charts/no-such-chart.png", { id: "no-such-chart" })));
      expect(response.status).toBe(404);
    }
  });
});

describe("server-rendered PNG", () => {
  for (const id of CHART_IDS) {
    it(`${id}: a valid PNG at twice the width, with drawn, coloured pixels`, async () => {
      const response = await pngLoader(args(`http://localhost/charts/${id}.png?lng=fr`, { id }));
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("image/png");
      expect(response.headers.get("Content-Disposition")).toBe(`inline; filename="vigia-${id}-fr.png"`);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      const image = await loadImage(bytes);
      expect(image.width).toBe(2000);
      const canvas = createCanvas(image.width, image.height);
      const ctx = canvas.getContext("2d");
      ctx.drawImage(image, 0, 0);
      const { data } = ctx.getImageData(0, 0, image.width, image.height);
      let ink = 0;
      let colour = 0;
      let transparent = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        if (a < 255) transparent++;
        if (r < 235 || g < 235 || b < 235) ink++;
        if (Math.max(r, g, b) - Math.min(r, g, b) > 60) colour++;
      }
      const pixels = image.width * image.height;
      // White background, never transparent; text and the chart itself drawn.
      expect(transparent).toBe(0);
      expect(ink / pixels).toBeGreaterThan(0.03);
      expect(colour).toBeGreaterThan(5000);
    });
  }
});

describe("PNG sizes (decision 112)", () => {
  it("draws 2000 px for download and 1000 px for previews and social cards, each kept apart, and refuses a size that names none", async () => {
    const png = async (query: string, id = "annual-trend") => {
      const response = await pngLoader(args(`http://localhost/charts/${id}.png?${query}`, { id }));
      const bytes = Buffer.from(await response.arrayBuffer());
      return { bytes, image: await loadImage(bytes) };
    };
    const download = await png("lng=en");
    const preview = await png("lng=en&size=preview");
    expect(download.image.width).toBe(2000);
    expect(preview.image.width).toBe(1000);
    // The same layout, scaled: the same proportions, fewer bytes.
    expect(preview.image.height).toBe(download.image.height / 2);
    expect(preview.bytes.length).toBeLessThan(download.bytes.length * 0.6);
    // Asked again, each size is its own kept image.
    expect((await png("lng=en")).image.width).toBe(2000);
    expect((await png("size=preview&lng=en")).image.width).toBe(1000);
    // The state map is drawn as paths: it scales too.
    expect((await png("size=preview", "state-map")).image.width).toBe(1000);

    const refused = await thrown(pngLoader(args("http://localhost/charts/annual-trend.png?size=huge&lng=es", { id: "annual-trend" })));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("huge");
  });
});

describe("CSV", () => {
  it("names the chart, its filters, source and date before the numbers, in the reader's language, as UTF-8 with a BOM", async () => {
    const response = await csvLoader(args("http://localhost/charts/state-map.csv?sector=mining_extractives&lng=es", { id: "state-map" }));
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="vigia-state-map-es.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("\uFEFFMapa de registros de casos por estado");
    expect(lines[1]).toContain("sector: Minería e industrias extractivas");
    expect(lines[2]).toMatch(/^"?Fuente: Conjunto de datos de Global Witness/);
    expect(lines[3]).toMatch(/^"?Datos al 22 de septiembre de 2022/);
    expect(text).toContain("@svg-maps/mexico");
    expect(text).toContain("\r\nEstado,Personas (registros de casos)\r\n");
    expect(text).toContain("\r\nMichoacán,");
  });
});

describe("chart list and embed", () => {
  it("lists every chart with links that carry the filters and the language", async () => {
    const data = await listLoader(args("http://localhost/charts?from=2015&lng=fr"));
    expect(data.ids).toEqual(CHART_IDS);
    expect(data.query.filter).toEqual({ yearFrom: 2015 });
  });

  it("loads one chart for framing elsewhere, without the site's header", async () => {
    expect(embedHandle.bare).toBe(true);
    const data = await embedLoader(args("http://localhost/embed/reconciliation?from=2018&lng=es", { id: "reconciliation" }));
    expect(data.chart.id).toBe("reconciliation");
    expect(data.lng).toBe("es");
    expect((data.chart.data as { span: { from: number } }).span.from).toBe(2018);
  });
});

describe("data as of", () => {
  it("is the dataset's date for Global Witness records and a staff record's last change once one is counted", async () => {
    const { prisma } = await import("~/lib/db.server.ts");
    const ctx = { t: getFixedT("en"), lng: "en" as const };
    const { chartTexts } = await import("~/charts/registry.ts");
    const before = await settled(await trendsLoader(args("http://localhost/trends")));
    const sector = (page: typeof before) => page.charts.find((c) => c.id === ("sector-breakdown" satisfies ChartId)) as LoadedChart;
    expect(sector(before).data.asOf).toBe("2022-09-22");
    expect(chartTexts(sector(before), ctx).asOf).toBe("Data as of September 22, 2022 (the newest date among the sources and case records behind this chart)");

    // An unverified staff record is not counted by default; once verified it is, and the date moves.
    const staff = await prisma.incident.create({
      data: {
        origin: "staff",
        occurredOn: new Date("2025-10-02T00:00:00Z"),
        year: 2025,
        sector: "mining_extractives",
        perpetratorType: "unspecified",
        outcome: "disappeared",
        stateCode: "CHP",
      },
    });
    const unverified = await settled(await trendsLoader(args("http://localhost/trends")));
    expect(sector(unverified).data.asOf).toBe("2022-09-22");
    const updated = await prisma.incident.update({ where: { id: staff.id }, data: { verificationStatus: "verified" } });
    const after = await settled(await trendsLoader(args("http://localhost/trends")));
    expect(sector(after).data.asOf).toBe(updated.updatedAt.toISOString().slice(0, 10));
    const kd = after.charts.find((c) => c.id === "killed-disappeared") as LoadedChart<"killed-disappeared">;
    // One person from a staff record: an anonymous reader is told "fewer than 3" (decision 099).
    expect(chartTable(kd, ctx).rows.find((r) => r[0] === 2025)).toEqual([2025, 0, "fewer than 3"]);
  });
});
