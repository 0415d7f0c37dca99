// Issue 10: signed out, on a 390 px phone, no page is wider than the screen, and
// the state map never draws over its source line, on /trends and in its embed.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, launchBrowser, startApp, type RunningApp } from "./app.ts";

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

const PHONE = { width: 390, height: 844 };

/** The widest thing on the page and what it is, for a readable failure. */
async function overflow(page: Page): Promise<{ scrollWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits = [...document.querySelectorAll("body *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.right > width + 1 && r.width > 0 && !el.closest(".table-scroll");
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}#${el.id} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, culprits };
  });
}

describe("a 390 px phone, signed out", () => {
  const pages: [string, string, string][] = [
    ["overview", "/", "Land and environmental defenders in Mexico"],
    ["trends", "/trends", "Trends"],
    ["matrix", "/matrix", ""],
    ["provision", "/provisions/AP-I-MIN", "Sustainable mining"],
    ["scorecard", "/provisions/AP-I-MIN/scorecard", "Sustainable mining"],
    ["charts", "/charts", ""],
  ];
  for (const [name, path, heading] of pages) {
    it(`${name} (${path}) is no wider than the screen`, async () => {
      const page = await browser.newPage({ viewport: PHONE });
      await page.goto(app.url + path);
      await expect.poll(() => page.locator("h1").first().textContent()).toContain(heading);
      // Charts draw after hydration; give their canvases a moment to size themselves.
      await page.waitForFunction(() => [...document.querySelectorAll("canvas")].every((c) => c.width > 0));
      const result = await overflow(page);
      await page.screenshot({ path: join(ARTIFACTS, `phone-${name}.png`), fullPage: true });
      expect(result).toEqual({ scrollWidth: PHONE.width, culprits: [] });
      await page.close();
    });
  }

  it("scrolls the matrix inside its own frame, the provision column kept in view", async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(app.url + "/matrix");
    const frame = page.locator(".matrix-frame").first();
    await frame.waitFor();
    const sizes = await frame.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    const firstCell = frame.locator("tbody tr th").first();
    const before = await firstCell.boundingBox();
    await frame.evaluate((el) => el.scrollBy(300, 0));
    await expect.poll(() => frame.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    const after = await firstCell.boundingBox();
    // Scrolled 300 px, the provision column stays where it was (within its collapsed border).
    expect(Math.abs(after!.x - before!.x)).toBeLessThanOrEqual(1.5);
    expect(await firstCell.evaluate((el) => getComputedStyle(el).position)).toBe("sticky");
    await page.close();
  });

  for (const [name, path, source] of [
    ["trends page", "/trends#state-map", "#state-map .chart-source"],
    ["embed", "/embed/state-map", ".chart-source"],
  ] as const) {
    it(`draws the state map clear of its source line (${name})`, async () => {
      for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
        const page = await browser.newPage({ viewport });
        await page.goto(app.url + path);
        const svg = page.locator(".state-map-drawing svg").first();
        await svg.waitFor();
        const map = (await svg.boundingBox())!;
        const text = (await page.locator(source).first().boundingBox())!;
        expect(map.height).toBeGreaterThan(100);
        // No intersection: the map ends above the source text (or sits wholly beside it).
        const intersects = map.x < text.x + text.width && text.x < map.x + map.width && map.y < text.y + text.height && text.y < map.y + map.height;
        expect(intersects).toBe(false);
        expect(map.y + map.height).toBeLessThanOrEqual(text.y);
        await page.screenshot({ path: join(ARTIFACTS, `map-${name.replace(" ", "-")}-${viewport.width}.png`), fullPage: name === "embed" });
        await page.close();
      }
    });
  }
});
