import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "~/locales/en.ts";
import { es } from "~/locales/es.ts";
import { fr } from "~/locales/fr.ts";
import { ARTIFACTS, canvasInk, launchBrowser, startApp, type RunningApp } from "./app.ts";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
const ALL_KEYS = keys(en);
/** What i18next shows for any missing key under one of Vigía's sections, in the dictionary or not. */
const RAW_KEY = new RegExp(`\\b(${Object.keys(en).join("|")})\\.[a-z][A-Za-z_]*(\\.[A-Za-z_]+)*\\b`, "g");

const cases = [
  {
    lng: "es",
    dict: es,
    total: "al menos 222",
    y2024: "18 asesinadas · 1 desaparecida",
    date: "25 de junio de 2012",
  },
  {
    lng: "fr",
    dict: fr,
    total: "au moins 222",
    y2024: "18 tués · 1 disparu",
    date: "25 juin 2012",
  },
] as const;

describe.each(cases)("the overview in $lng", ({ lng, dict, total, y2024, date }) => {
  it("shows headline figures, chart titles and dates in the language, and no raw key", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}/?lng=${lng}`, { waitUntil: "networkidle" });
    expect(await page.getAttribute("html", "lang")).toBe(lng);
    expect(await page.locator("h1").textContent()).toBe(dict.overview.title);
    expect(await page.locator("#headline-total .headline-value").textContent()).toBe(total);
    expect(await page.locator("#headline-2024 .headline-value").textContent()).toBe(y2024);
    expect(await page.locator("#annual-trend .chart-title").textContent()).toBe(dict.trends.titles.annualTrend);
    expect(await page.locator("#sector-breakdown .chart-title").textContent()).toBe(dict.trends.titles.sector);
    expect(await page.locator("#sector-breakdown table").textContent()).toContain(dict.taxonomy.sector.unconfirmed);
    expect(await page.locator("#annual-trend .milestone-list").textContent()).toContain(date);
    await expect.poll(async () => Object.values(await canvasInk(page)).every((n) => n > 2000), { timeout: 15_000 }).toBe(true);
    const text = await page.locator("body").innerText();
    expect(ALL_KEYS.filter((k) => text.includes(k))).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `overview-${lng}.png`), fullPage: true });
    await page.close();
  });

  it("keeps the language chosen with the switcher on later pages", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole("button", { name: dict.app.languages[lng] }).click();
    // What a person sees: the heading in the chosen language (the switch reloads the page).
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 30_000 }).toBe(dict.overview.title);
    await page.goto(`${app.url}/`);
    expect(await page.locator("h1").textContent()).toBe(dict.overview.title);
    await context.close();
  });
});

describe("every page in Spanish and French", () => {
  const publicPages = [
    "/trends",
    "/charts",
    "/provisions",
    "/provisions/ESCAZU-ART9",
    "/provisions/ESCAZU-ART9/scorecard",
    "/provisions/rules",
    "/provisions/milestones",
    "/matrix",
    "/login",
  ];
  const signedInPages = ["/incidents", "/incidents/new", "/provisions/review", "/admin/users", "/audit"];

  it.each(["es", "fr"] as const)("shows no raw key on any page in %s, signed out and signed in as an admin", async (lng) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const rawKeys = async (path: string) => {
      await page.goto(`${app.url}${path}${path.includes("?") ? "&" : "?"}lng=${lng}`, { waitUntil: "networkidle" });
      expect(await page.getAttribute("html", "lang"), path).toBe(lng);
      const text = await page.locator("body").innerText();
      const missing = [...new Set([...ALL_KEYS.filter((k) => text.includes(k)), ...(text.match(RAW_KEY) ?? [])])];
      return missing.map((k) => `${path}: ${k}`);
    };
    const found: string[] = [];
    for (const path of publicPages) found.push(...(await rawKeys(path)));
    await page.goto(`${app.url}/login`);
    await page.fill("input[name=email]", "admin@vigia.test");
    await page.fill("input[name=password]", "vigia-admin-demo");
    await page.locator("form button[type=submit]").last().click();
    // Signed in once the address has left the sign-in page.
    await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
    for (const path of signedInPages) found.push(...(await rawKeys(path)));
    await page.goto(`${app.url}/incidents?lng=${lng}`);
    const caseHref = await page.locator("table a[href^='/incidents/']").first().getAttribute("href");
    found.push(...(await rawKeys(caseHref!)));
    expect(found).toEqual([]);
    await context.close();
  });
});

describe("Accept-Language", () => {
  it("picks the reader's language when nothing else says", async () => {
    const context = await browser.newContext({ locale: "fr-CA", extraHTTPHeaders: { "Accept-Language": "fr-CA,fr;q=0.9" } });
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    expect(await page.locator("h1").textContent()).toBe(fr.overview.title);
    await context.close();
  });
});

describe("the not-found page", () => {
  it.each([
    ["en", en],
    ["es", es],
    ["fr", fr],
  ] as const)("says so in %s, for an address no route claims and for a record that does not exist", async (lng, dict) => {
    const page = await browser.newPage();
    for (const path of ["/no-such-page", "/provisions/NO-SUCH-PROVISION", "/embed/no-such-chart"]) {
      const response = await page.goto(`${app.url}${path}?lng=${lng}`, { waitUntil: "networkidle" });
      expect(response?.status(), path).toBe(404);
      expect(await page.getAttribute("html", "lang"), path).toBe(lng);
      expect(await page.locator("main h1").textContent(), path).toBe(dict.errors.notFoundTitle);
      expect(await page.locator("main").textContent(), path).toContain(dict.errors.notFound);
    }
    await page.close();
  });
});
