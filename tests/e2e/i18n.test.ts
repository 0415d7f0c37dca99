import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "~/locales/en.ts";
import { es } from "~/locales/es.ts";
import { fr } from "~/locales/fr.ts";
import { ARTIFACTS, canvasInk, launchBrowser, signInInBrowser, startApp, type RunningApp } from "./app.ts";

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
/** What t shows for a missing key (the key itself) under one of Vigía's sections, in the dictionary or not. */
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
    // The sign-in page in the language chosen above, its words from the same dictionary.
    const dict = { es, fr }[lng];
    await signInInBrowser(page, app.url, "admin", { labels: { email: dict.auth.email, password: dict.auth.password, signIn: dict.app.nav.signIn } });
    for (const path of signedInPages) found.push(...(await rawKeys(path)));
    await page.goto(`${app.url}/incidents?lng=${lng}`);
    const caseHref = await page.locator("table a[href^='/incidents/']").first().getAttribute("href");
    found.push(...(await rawKeys(caseHref!)));
    expect(found).toEqual([]);
    await context.close();
  });
});

describe.each([
  ["en", en],
  ["es", es],
  ["fr", fr],
] as const)("client navigation in %s", (lng, dict) => {
  it("shows each page with its own dictionary sections, loaded before it renders, and no raw key", async () => {
    // The reader's language from Accept-Language, so that it holds on every request (?lng= holds for one).
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { "Accept-Language": lng } });
    const page = await context.newPage();
    const sections: string[] = [];
    const chunks = new Set<string>();
    page.on("request", (r) => {
      const m = /\/build\/_shared\/([a-z-]+)-[A-Z0-9]+\.js$/.exec(r.url());
      // A section's chunk, or a part's (provisions-links: docs/decisions/126).
      if (m && /^(app|common|overview|charts|taxonomy|errors|auth|trends|provisions|incidents|admin|validation|forms|gw-import)(-[a-z]+)?$/.test(m[1])) {
        sections.push(m[1]);
        chunks.add(r.url());
      }
    });
    const h1s: string[] = [];
    // Every heading the page ever shows, so that a render before the sections arrive is seen.
    await page.exposeFunction("recordHeading", (text: string) => h1s.push(text));
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const h1 = document.querySelector("main h1");
        if (h1?.textContent) (window as unknown as { recordHeading: (t: string) => void }).recordHeading(h1.textContent);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${app.url}/login`, { waitUntil: "networkidle" });
    expect(await page.getAttribute("html", "lang")).toBe(lng);
    expect(sections.sort()).toEqual(["app", "auth", "errors"]);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const visits = [
      ["/trends", dict.app.nav.trends, dict.trends.title],
      ["/matrix", dict.app.nav.matrix, dict.provisions.matrix.title],
      ["/provisions", dict.app.nav.provisions, dict.provisions.list.title],
    ] as const;
    for (const [path, link, title] of visits) {
      await page.locator("header nav").getByRole("link", { name: link, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await expect.poll(() => page.locator("main h1").textContent(), { timeout: 15_000 }).toBe(title);
      // A client navigation: the page was not loaded again.
      expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), path).toBe(true);
      const text = await page.locator("body").innerText();
      expect([...new Set([...ALL_KEYS.filter((k) => text.includes(k)), ...(text.match(RAW_KEY) ?? [])])], path).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `client-navigation-${lng}${path.replaceAll("/", "-")}.png`) });
    }
    expect(h1s.filter((h) => (h.match(RAW_KEY) ?? []).length > 0 || ALL_KEYS.includes(h))).toEqual([]);
    // Each section arrived once, in one language only (a section's chunk in another language is another file).
    expect(sections.length).toBe(new Set(sections).size);
    expect(chunks.size).toBe(sections.length);
    expect(new Set(sections)).toEqual(
      new Set([
        "app",
        "auth",
        "errors",
        "charts",
        "common",
        "taxonomy",
        "trends",
        "provisions",
        "provisions-links",
        "provisions-views",
        "provisions-form",
        "validation",
      ]),
    );
    await context.close();
  });
});

describe("a link that names the language", () => {
  it("keeps it on the pages the reader goes on to, reached by links without lng", async () => {
    // A reader whose browser asks for English opens a Spanish link someone shared.
    const context = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
    const page = await context.newPage();
    await page.goto(`${app.url}/trends?lng=es`);
    await expect.poll(() => page.locator("main h1").textContent(), { timeout: 15_000 }).toBe(es.trends.title);
    for (const [path, link, title] of [
      ["/matrix", es.app.nav.matrix, es.provisions.matrix.title],
      ["/provisions", es.app.nav.provisions, es.provisions.list.title],
    ] as const) {
      await page.locator("header nav").getByRole("link", { name: link, exact: true }).click();
      await page.waitForURL((url) => url.pathname === path);
      await expect.poll(() => page.locator("main h1").textContent(), { timeout: 15_000 }).toBe(title);
      expect(await page.getAttribute("html", "lang")).toBe("es");
      // The header too: nothing falls back to English after the click.
      expect(await page.locator("header nav").getByRole("link", { name: es.app.nav.trends, exact: true }).count()).toBe(1);
    }
    // And on a page loaded afresh.
    await page.goto(`${app.url}/`);
    expect(await page.locator("main h1").textContent()).toBe(es.overview.title);
    await context.close();
  });
});

describe("a language chosen in another tab", () => {
  it("is the one of the next page reached on the client, whose sections the browser then loads in it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, extraHTTPHeaders: { "Accept-Language": "en" } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${app.url}/trends`, { waitUntil: "networkidle" });
    expect(await page.locator("main h1").textContent()).toBe(en.trends.title);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    // Another tab switches to French: the language cookie changes under this page.
    const other = await context.newPage();
    await other.goto(`${app.url}/`);
    await other.getByRole("button", { name: fr.app.languages.fr }).click();
    await expect.poll(() => other.locator("main h1").textContent(), { timeout: 30_000 }).toBe(fr.overview.title);
    await other.close();
    // This page goes on in English until it asks the server again: a client navigation to
    // the matrix, then its filter form (new search parameters, so the root loader answers anew).
    await page.locator("header nav").getByRole("link", { name: en.app.nav.matrix, exact: true }).click();
    await page.waitForURL((url) => url.pathname === "/matrix");
    await page.locator("form.filter-form button[type=submit]").click();
    await page.waitForURL((url) => url.pathname === "/matrix" && url.search !== "");
    await expect.poll(() => page.locator("main h1").textContent(), { timeout: 15_000 }).toBe(fr.provisions.matrix.title);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    await expect.poll(() => page.locator("header nav").getByRole("link", { name: fr.app.nav.trends, exact: true }).count()).toBe(1);
    // Still the same page (a client navigation), with no raw key and no English text left.
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    const text = await page.locator("body").innerText();
    expect([...new Set([...ALL_KEYS.filter((k) => text.includes(k)), ...(text.match(RAW_KEY) ?? [])])]).toEqual([]);
    expect(text).not.toContain(en.provisions.matrix.title);
    expect(await page.locator("form.filter-form").getAttribute("aria-label")).toBe(fr.provisions.filters.label);
    expect(errors).toEqual([]);
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
