import { readFileSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import { join } from "node:path";
import { createCanvas, loadImage } from "@napi-rs/canvas";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, canvasInk, freePort, launchBrowser, signInByForm, startApp, type RunningApp } from "./app.ts";

let app: RunningApp;
let browser: Browser;

/** The chart ids of the trends page, in order (state-map is an SVG, every other one a canvas). */
const CHART_IDS = [
  "mexico-annual",
  "killed-disappeared",
  "sector-breakdown",
  "indigenous-share",
  "perpetrator-breakdown",
  "state-breakdown",
  "state-map",
  "mining-by-year",
  "reconciliation",
  "annual-trend",
];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function expectAllDrawn(page: Page) {
  // Canvas charts draw after hydration; the map is server-rendered SVG.
  await expect.poll(async () => Object.entries(await canvasInk(page)).every(([id, n]) => id === "state-map" || n > 1500), { timeout: 20_000 }).toBe(true);
  const ink = await canvasInk(page);
  expect(Object.keys(ink)).toEqual(CHART_IDS);
  const map = page.locator("#state-map svg path[data-state]");
  expect(await map.count()).toBe(32);
  // The outlines load lazily in the browser; the server's paths stay while they do: never blank.
  expect(await map.evaluateAll((paths) => paths.filter((p) => (p.getAttribute("d") ?? "").length > 100).length)).toBe(32);
  const shaded = await map.evaluateAll(
    (paths) => paths.filter((p) => Number(p.getAttribute("data-people")) > 0 && p.getAttribute("fill") !== "#F4F4F4").length,
  );
  expect(shaded).toBeGreaterThan(0);
}

/** What a reader sees of every chart: subtitles and data tables. */
async function viewOf(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("figure[data-chart-id]")].map((f) => ({
      id: f.getAttribute("data-chart-id"),
      subtitle: f.querySelector(".chart-subtitle")?.textContent,
      table: f.querySelector("table")?.textContent,
    })),
  );
}

function pngSize(bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function inkOf(bytes: Buffer) {
  const image = await loadImage(bytes);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let ink = 0;
  let opaque = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] === 255) opaque++;
    if (data[i] < 235 || data[i + 1] < 235 || data[i + 2] < 235) ink++;
  }
  return { ink, opaque, pixels: image.width * image.height };
}

describe("trends explorer in Chromium", () => {
  it("draws every chart on /trends, with title, filters, source, date and table", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(app.url + "/trends", { waitUntil: "networkidle" });
    await expectAllDrawn(page);
    for (const id of CHART_IDS) {
      expect(await page.locator(`#${id} .chart-title`).textContent()).toBeTruthy();
      expect(await page.locator(`#${id} .chart-subtitle`).textContent()).toBeTruthy();
      expect(await page.locator(`#${id} .chart-source`).textContent()).toMatch(/^Source: .+Data as of /);
      expect(await page.locator(`#${id} table tbody tr`).count()).toBeGreaterThan(1);
    }
    expect(await page.locator("#sector-breakdown table").textContent()).toContain("Sector could not be confirmed");
    expect(await page.locator("#state-map").textContent()).toContain("State not identified: 17");
    expect(await page.locator("#state-map").textContent()).toContain("CC BY 4.0");
    // The social preview is the server's PNG of the same view.
    expect(await page.locator('meta[property="og:image"]').getAttribute("content")).toBe(`${app.url}/charts/mexico-annual.png?lng=en&size=preview`);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "trends.png"), fullPage: true });
    await page.close();
  });

  it("applies two filters, and reloading the permalink shows the same view", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url + "/trends", { waitUntil: "networkidle" });
    const unfiltered = await viewOf(page);
    await page.getByLabel("From year", { exact: true }).fill("2015");
    await page.locator("#filter-sector summary").click();
    await page.getByLabel("Mining and extractives", { exact: true }).check();
    await Promise.all([page.waitForURL(/\/trends\?/), page.getByRole("button", { name: "Apply filters" }).click()]);
    const url = new URL(page.url());
    expect(url.searchParams.get("from")).toBe("2015");
    expect(url.searchParams.getAll("sector")).toEqual(["mining_extractives"]);
    await expectAllDrawn(page);
    const filtered = await viewOf(page);
    expect(filtered).not.toEqual(unfiltered);
    expect(filtered.find((c) => c.id === "sector-breakdown")!.subtitle).toBe(
      "Case records: from 2015; sector: Mining and extractives; all outcomes; Global Witness records and verified staff records",
    );

    const permalink = await page.locator("#sector-breakdown a[data-export=permalink]").getAttribute("href");
    expect(permalink).toBe(`${app.url}/trends?from=2015&sector=mining_extractives&lng=en#sector-breakdown`);
    const again = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await again.goto(permalink!, { waitUntil: "networkidle" });
    await expectAllDrawn(again);
    expect(await viewOf(again)).toEqual(filtered);
    expect(await again.getByLabel("From year", { exact: true }).inputValue()).toBe("2015");
    expect(await again.getByLabel("Mining and extractives", { exact: true }).isChecked()).toBe(true);
    await again.close();
    await page.close();
  });

  it("downloads the PNG the export button draws: 2x, white, with the words in it", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await page.goto(app.url + "/trends?from=2015&sector=mining_extractives", { waitUntil: "networkidle" });
    await expectAllDrawn(page);
    for (const id of ["mexico-annual", "state-map"]) {
      const button = page.locator(`#${id} button[data-export=png]`);
      const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
      expect(download.suggestedFilename()).toBe(`vigia-${id}-en.png`);
      const bytes = readFileSync((await download.path())!);
      const { width, height } = pngSize(bytes);
      expect(width).toBe(2000);
      expect(height).toBeGreaterThan(800);
      const { ink, opaque, pixels } = await inkOf(bytes);
      expect(opaque).toBe(pixels);
      expect(ink / pixels).toBeGreaterThan(0.03);
      writeFileSync(join(ARTIFACTS, `export-${id}.png`), bytes);
      await expect.poll(() => page.locator(`#${id} .export-status`).textContent()).toBe(`Downloaded vigia-${id}-en.png.`);
    }
    await page.close();
  });

  it("serves the same chart as a PNG and a CSV from the server, and lists every chart", async () => {
    const png = await fetch(`${app.url}/charts/reconciliation.png?from=2016&lng=es`);
    expect(png.headers.get("content-type")).toBe("image/png");
    const bytes = Buffer.from(await png.arrayBuffer());
    expect(pngSize(bytes).width).toBe(2000);
    writeFileSync(join(ARTIFACTS, "server-reconciliation-es.png"), bytes);
    const csv = await fetch(`${app.url}/charts/reconciliation.csv?from=2016&lng=es`);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="vigia-reconciliation-es.csv"');
    expect(await csv.text()).toContain("Conciliación: cifra anual publicada y registros de casos, México");

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url + "/charts", { waitUntil: "networkidle" });
    expect(await page.locator("tr[data-chart-row]").count()).toBe(CHART_IDS.length);
    for (const id of CHART_IDS) {
      const row = page.locator(`tr[data-chart-row="${id}"]`);
      expect(await row.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual([
        `/trends?lng=en#${id}`,
        `/charts/${id}.png?lng=en`,
        `/charts/${id}.csv?lng=en`,
        `${app.url}/embed/${id}?lng=en`,
      ]);
    }
    await page.screenshot({ path: join(ARTIFACTS, "charts.png"), fullPage: true });
    const pngLink = await page.locator('tr[data-chart-row="state-map"] a').nth(1).getAttribute("href");
    const map = await fetch(app.url + pngLink);
    expect(map.status).toBe(200);
    writeFileSync(join(ARTIFACTS, "server-state-map.png"), Buffer.from(await map.arrayBuffer()));
    await page.close();
  });

  it("works without JavaScript: a plain form, and exports as links", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(app.url + "/trends");
    expect(await page.locator("button[data-export=png]").count()).toBe(0);
    // The whole map is in the HTML: 32 outlines drawn by the server.
    const outlines = page.locator("#state-map svg path[data-state]");
    expect(await outlines.evaluateAll((paths) => paths.filter((p) => (p.getAttribute("d") ?? "").length > 100).length)).toBe(32);
    expect(await page.locator("#mexico-annual a[data-export=server-png]").getAttribute("href")).toBe("/charts/mexico-annual.png?lng=en");
    await page.locator("#filter-state summary").click();
    await page.getByLabel("Oaxaca", { exact: true }).check();
    await page.getByLabel("To year", { exact: true }).fill("2019");
    await Promise.all([page.waitForURL(/state=OAX/), page.getByRole("button", { name: "Apply filters" }).click()]);
    expect(await page.locator("#state-breakdown .chart-subtitle").textContent()).toBe(
      "Case records: up to 2019; states: Oaxaca; all outcomes; Global Witness records and verified staff records",
    );
    expect(await page.locator("#state-breakdown table tbody tr").first().textContent()).toMatch(/^Oaxaca\d+$/);
    await context.close();
  });

  it("explains a wrong filter, keeps what was typed and shows the unfiltered view", async () => {
    const page = await browser.newPage();
    const response = await page.goto(app.url + "/trends?from=20x5&to=2010&state=XX&lng=fr");
    expect(response!.status()).toBe(200);
    const alert = page.getByRole("alert");
    expect(await alert.textContent()).toContain("À partir de l'année : « 20x5 » n'est pas une année entre 1990 et 2100.");
    expect(await alert.textContent()).toContain("État : « XX » ne fait pas partie des valeurs de ce filtre.");
    expect(await page.getByLabel("À partir de l'année").inputValue()).toBe("20x5");
    expect(await page.locator("#sector-breakdown .chart-subtitle").textContent()).toBe(
      "Dossiers de cas : toutes les années ; toutes les issues ; dossiers de Global Witness et dossiers de l'équipe vérifiés",
    );
    await page.close();
  });

  it("answers an unknown chart id with a 404 page", async () => {
    for (const path of ["/embed/no-such-chart", "/charts/no-such-chart.png", "/charts/no-such-chart.csv"]) {
      expect((await fetch(app.url + path)).status, path).toBe(404);
    }
    expect(await (await fetch(app.url + "/embed/no-such-chart")).text()).toContain("Page not found");
  });
});

/** One GET on node:http, its body as the chunks that arrived. */
function chunksOf(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; chunks: string[] }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${app.url}${path}`, { headers }, (res) => {
      const chunks: string[] = [];
      res.setEncoding("utf8");
      res.on("data", (c: string) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, chunks }));
    });
    req.on("error", reject);
    req.end();
  });
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe("charts streamed after the page's first bytes (decision 127)", () => {
  it("sends an anonymous reader the whole document: every chart in place, readable without JavaScript", async () => {
    const html = await (await fetch(`${app.url}/trends?from=2014`)).text();
    expect(count(html, /<figure[^>]*data-chart-id=/g)).toBe(CHART_IDS.length);
    // Rendered whole: no placeholder left, no hidden part waiting for a script to move it.
    expect(html).not.toMatch(/data-chart-pending="/);
    expect(html).not.toMatch(/<div hidden="" id="S:|<div hidden id="S:/);

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/trends?from=2014`);
    for (const id of CHART_IDS) {
      const figure = page.locator(`figure[data-chart-id="${id}"]`);
      expect(await figure.locator(".chart-source").textContent()).toMatch(/^Source: .+Data as of /);
      expect(await figure.locator("table tbody tr").count(), id).toBeGreaterThan(1);
    }
    await context.close();
  });

  it("streams a signed-in reader's page: filters, headings and each chart's loading line first, the charts after; complete with and without JavaScript", async () => {
    const cookie = await signInByForm(app.url, "admin");
    const answer = await chunksOf("/trends?from=2013", { Cookie: cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("private, no-store");
    const html = answer.chunks.join("");
    expect(answer.chunks.length).toBeGreaterThan(1);
    // What was sent before the first chart: the shell, written before any aggregate was ready.
    const shell = html.slice(0, html.search(/<div hidden id="S:/));
    expect(shell.length).toBeGreaterThan(0);
    expect(shell).toContain("<h1>Trends</h1>");
    expect(shell).toContain('name="from"');
    expect(count(shell, /aria-busy="true"[^>]*data-chart-pending=/g)).toBe(CHART_IDS.length);
    expect(count(shell, /Loading this chart&#x27;s data…/g)).toBe(CHART_IDS.length);
    expect(shell).not.toContain("data-chart-id=");
    // Then every chart.
    expect(count(html, /<figure[^>]*data-chart-id=/g)).toBe(CHART_IDS.length);

    const [name, value] = cookie.split("=");
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ name, value, url: app.url }]);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${app.url}/trends?from=2013`, { waitUntil: "networkidle" });
      if (javaScriptEnabled) await expectAllDrawn(page);
      for (const id of CHART_IDS) {
        const figure = page.locator(`figure[data-chart-id="${id}"]`);
        expect(await figure.isVisible(), `${id}, JavaScript ${javaScriptEnabled}`).toBe(true);
        expect(await figure.locator(".chart-source").textContent()).toMatch(/^Source: .+Data as of /);
        expect(await figure.locator("table tbody tr").count(), id).toBeGreaterThan(1);
      }
      // No loading line left in sight.
      expect(await page.locator("[data-chart-pending]").evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it("shows an error for the one chart whose aggregate failed, the rest of the page as it is, and never keeps that page", async () => {
    // Every gender named: the same records, but a filter the tally kept on write cannot answer
    // (decision 130), so each chart counts the records themselves.
    const path = "/trends?from=2012&to=2020&gender=female&gender=male&gender=other&gender=unknown";
    const db = new Database(app.dbFile);
    try {
      // Counting the records, the indigenous-share chart alone reads the people's characteristics.
      db.exec(`ALTER TABLE "IncidentCharacteristic" RENAME TO "IncidentCharacteristic_away"`);
      let failed: Response;
      try {
        failed = await fetch(app.url + path);
      } finally {
        db.exec(`ALTER TABLE "IncidentCharacteristic_away" RENAME TO "IncidentCharacteristic"`);
      }
      expect(failed.status).toBe(200);
      expect(failed.headers.get("cache-control")).toBe("no-store");
      expect(failed.headers.get("etag")).toBeNull();
      const html = await failed.text();
      expect(html).toMatch(/<section[^>]*id="indigenous-share"[^>]*data-chart-failed="indigenous-share"/);
      expect(html).toContain("This chart could not be loaded.");
      expect(html).not.toContain('data-chart-id="indigenous-share"');
      expect(count(html, /<figure[^>]*data-chart-id=/g)).toBe(CHART_IDS.length - 1);

      // Not kept: the next reader gets the page rendered again, whole.
      const again = await fetch(app.url + path);
      expect(again.headers.get("etag")).toBeTruthy();
      const fixed = await again.text();
      expect(fixed).not.toContain("data-chart-failed");
      expect(count(fixed, /<figure[^>]*data-chart-id=/g)).toBe(CHART_IDS.length);
    } finally {
      db.close();
    }
  });
});

describe("embedding", () => {
  let host: Server;
  let hostUrl: string;

  beforeAll(async () => {
    // Another site (another origin) that frames an embed page and, wrongly, the trends page.
    const port = await freePort();
    hostUrl = `http://127.0.0.1:${port}`;
    host = createServer((_req, res) => {
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(
        `<!doctype html><title>Another site</title>` +
          `<iframe id="embed" src="${app.url}/embed/state-map?sector=mining_extractives&lng=es" width="900" height="900"></iframe>` +
          `<iframe id="page" src="${app.url}/trends" width="900" height="300"></iframe>`,
      );
    });
    await new Promise<void>((r) => host.listen(port, "127.0.0.1", r));
  });

  afterAll(() => new Promise<void>((r) => host.close(() => r())));

  it("lets other sites frame /embed/ pages only", async () => {
    const embed = await fetch(`${app.url}/embed/sector-breakdown`);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    // One policy per response (decision 093): scripts by nonce, and who may frame the page.
    const directives = (r: Response) => (r.headers.get("content-security-policy") ?? "").split(/;\s*/);
    expect(directives(embed)).toContain("frame-ancestors *");
    expect(directives(embed).some((d) => d.startsWith("script-src 'nonce-"))).toBe(true);
    const trends = await fetch(`${app.url}/trends`);
    expect(trends.headers.get("x-frame-options")).toBe("DENY");
    expect(directives(trends)).toContain("frame-ancestors 'none'");
    expect(directives(trends)).not.toContain("frame-ancestors *");
    for (const path of ["/charts", "/charts/sector-breakdown.png", "/"]) {
      expect((await fetch(app.url + path)).headers.get("x-frame-options"), path).toBe("DENY");
    }

    const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
    await page.goto(hostUrl, { waitUntil: "networkidle" });
    const embedded = page.frameLocator("#embed");
    await expect
      .poll(() => embedded.locator("figure[data-chart-id=state-map] .chart-title").textContent(), { timeout: 15_000 })
      .toBe("Mapa de registros de casos por estado");
    // Alone: no site header or navigation inside the frame.
    expect(await embedded.locator("header.site-header").count()).toBe(0);
    expect(await embedded.locator("svg path[data-state]").count()).toBe(32);
    // The trends page refuses to be framed: its frame never shows the page.
    const framed = page.frames().find((f) => f.url().includes("/trends"));
    expect(framed ? await framed.locator("h1").count() : 0).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "embed.png"), fullPage: true });
    await page.close();
  });
});
