import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, canvasInk, launchBrowser, startApp, type RunningApp } from "./app.ts";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("npm start on a fresh SQLite database", () => {
  it("migrates, seeds and serves, saying which database it uses", async () => {
    expect(app.output()).toMatch(/Applied \d+ migration/);
    expect(app.output()).toMatch(/Seeded: .*154 incidents/);
    // A new database gets link suggestions once, waiting for review (never counted until accepted).
    expect(app.output()).toMatch(/Link suggestions for review: Done: [1-9]\d* suggestions created/);
    const health = await fetch(`${app.url}/healthz`);
    expect(await health.json()).toEqual({ status: "ok", database: "sqlite" });
  });

  it("shows the overview with its headline figures and charts that have drawn", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(app.url + "/", { waitUntil: "networkidle" });
    await expect.poll(() => page.locator("#headline-total .headline-value").textContent()).toBe("at least 222");
    expect(await page.locator("#headline-2024 .headline-value").textContent()).toBe("18 killed · 1 disappeared");
    expect(await page.locator("#headline-indigenous .headline-value").textContent()).toBe("at least 110");
    expect(await page.locator("#headline-indigenous").textContent()).toContain("19%");
    expect(await page.locator("#headline-mining .headline-value").textContent()).toBe("at least 42");
    expect(await page.locator("#headline-police .headline-value").textContent()).toBe("at least 28");
    expect(await page.locator("#headline-indigenous-police .headline-value").textContent()).toBe("at least 17");
    expect(await page.locator("#headline-indigenous-mining .headline-value").textContent()).toBe("at least 15");
    const headlines = ["headline-total", "headline-2024", "headline-indigenous", "headline-mining", "headline-police"];
    for (const id of [...headlines, "headline-indigenous-police", "headline-indigenous-mining"]) {
      expect(await page.locator(`#${id} .headline-source`).textContent()).toMatch(/Source: \S/);
      expect(await page.locator(`#${id} .headline-meta`).textContent()).toMatch(/Period: \d{4}/);
    }

    // Each chart draws after hydration: wait for ink on every canvas.
    await expect.poll(async () => Object.values(await canvasInk(page)).every((n) => n > 2000), { timeout: 15_000 }).toBe(true);
    const ink = await canvasInk(page);
    expect(Object.keys(ink).sort()).toEqual(["annual-trend", "sector-breakdown"]);

    // Each chart has a title, a source line and a data table.
    for (const id of Object.keys(ink)) {
      expect(await page.locator(`#${id} .chart-title`).textContent()).toBeTruthy();
      expect(await page.locator(`#${id} .chart-source`).textContent()).toMatch(/^Source: /);
      expect(await page.locator(`#${id} table tbody tr`).count()).toBeGreaterThan(1);
    }
    expect(await page.locator("#sector-breakdown table").textContent()).toContain("Sector could not be confirmed");
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "overview.png"), fullPage: true });
    await page.close();
  });

  it("serves the same page to a browser with JavaScript off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(app.url + "/");
    expect(await page.locator("#headline-total .headline-value").textContent()).toBe("at least 222");
    expect(await page.locator("#annual-trend table tbody tr").count()).toBe(14);
    // The language switcher is a plain form.
    await page.getByRole("button", { name: "Español" }).click();
    await page.waitForURL(app.url + "/");
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 30_000 }).toBe("Personas defensoras de la tierra y el medio ambiente en México");
    await context.close();
  });

  it("answers an unknown address with a 404 page", async () => {
    const response = await fetch(`${app.url}/no-such-page`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Page not found");
  });
});
