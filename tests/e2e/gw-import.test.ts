// An administrator imports a small Global Witness file in a real browser: the
// upload, the preview (counts, the invalid row with its line, nothing written
// yet), then the confirmation and the page that follows the import to its end.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInInBrowser, startApp, type RunningApp } from "./app.ts";
import { gwCsv } from "../setup/gw-csv.ts";

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

describe("importing the Global Witness dataset in a browser", () => {
  it("uploads a file, shows its preview, and imports it when confirmed", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInInBrowser(page, app.url, "admin");

    await page.getByRole("link", { name: "Import" }).click();
    await page.waitForURL(`${app.url}/admin/import`);
    // The address changes before the new page has rendered: wait for its heading, as a person would.
    await expect.poll(() => page.locator("h1").textContent(), { timeout: 30_000 }).toBe("Import the Global Witness dataset");
    const csv = gwCsv([
      { id: "e2e-1", name: "Berta Cáceres", gender: "Female", industry_driver: "Hydropower", local_region: "Intibucá", date: "2016-03-03" },
      { id: "e2e-2", date: "3 March 2016" },
    ]);
    await page.getByLabel("The dataset as CSV").setInputFiles({ name: "small.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Check the file" }).click();

    await page.waitForURL(/\/admin\/import\/\w+$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Preview: small.csv");
    expect(await page.locator("#import-status").textContent()).toBe("Waiting for confirmation");
    expect(await page.locator("#count-created").textContent()).toBe("1");
    expect(await page.locator("#count-invalid").textContent()).toBe("1");
    const invalidRow = page.getByRole("row").filter({ hasText: "e2e-2" });
    expect(await invalidRow.textContent()).toContain("3");
    expect(await invalidRow.textContent()).toContain("“3 March 2016” is not a date (YYYY-MM-DD)");

    await page.getByRole("button", { name: "Import now" }).click();
    await expect.poll(() => page.locator("#import-status").textContent(), { timeout: 60_000 }).toBe("Imported");
    expect(await page.locator("h1").textContent()).toBe("Import of small.csv");
    expect(await page.locator("#count-created").textContent()).toBe("1");
    await context.close();
  });
});
