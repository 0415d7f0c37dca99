// Commitments end to end in Chromium: an admin suggests links for every case,
// a staff member accepts one with a rationale, and the provision page, its
// scorecard and the accountability matrix show it, with their charts drawn.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, canvasInk, launchBrowser, signInInBrowser, startApp, type RunningApp } from "./app.ts";

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

describe("a fresh install, signed out", () => {
  it("shows suggested counts on the matrix, marked as such, and AP-I-MIN's suggested cases with their rule", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}/matrix`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Accountability matrix");
    // The legend says in words what each layer is.
    const legend = page.locator("#matrix-legend");
    expect(await legend.textContent()).toContain("Suggested, not yet reviewed");
    expect(await legend.textContent()).toContain("Accepted: a person reviewed the link");
    const row = page.locator(".matrix-table tbody tr").filter({ has: page.locator(".code", { hasText: /^AP-I-MIN$/ }) });
    const suggested = await row.locator(".cell-suggested").allTextContents();
    // 27 Global Witness mining cases are suggested for AP-I-MIN; none is accepted on a fresh install.
    expect(suggested.reduce((sum, text) => sum + (Number(text.match(/^(\d+) sugg\.$/)?.[1]) || 0), 0)).toBe(2 * 27);
    expect(await row.locator("td .cell-accepted").allTextContents()).not.toContain("27");
    // Years after the last case record say so instead of 0.
    expect(await row.locator("td.no-data").first().textContent()).toBe("no case-level data");

    await page.goto(`${app.url}/provisions/AP-I-MIN`);
    await expect.poll(() => page.locator("#suggested-title").textContent()).toBe("Suggestions awaiting review (27)");
    const first = page.locator("section.layer-suggested-section li.link-suggested").first();
    expect(await first.locator(".link-explanation").textContent()).toContain("sector-mining");
    expect(await page.locator("#accepted-title").textContent()).toContain("(0)");
    await page.close();
  });
});

describe("provisions, link review, scorecard and matrix", () => {
  let caseName = "";
  let caseYear = "";

  it("lets an admin suggest links for every case record and watch the progress", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
    await signInInBrowser(page, app.url, "admin");
    await page.goto(`${app.url}/provisions/rules`);
    expect(await page.locator("#rule-sector-mining").textContent()).toContain("Sustainable mining and critical minerals");
    await page.getByRole("button", { name: "Suggest links for all case records" }).click();
    await page.waitForURL(/\/provisions\/suggest\/\w+$/);
    // The page refreshes itself until the run is over.
    await expect.poll(() => page.locator("#job-status").textContent(), { timeout: 60_000 }).toBe("Finished");
    expect(await page.locator("#job-progress").textContent()).toContain("154 of 154 case records");
    await page.screenshot({ path: join(ARTIFACTS, "provisions-suggest-progress.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets staff accept a suggestion on a case with a rationale", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
    await signInInBrowser(page, app.url, "staff");
    await page.goto(`${app.url}/provisions/review?sector=mining_extractives`);
    expect(await page.locator("main").textContent()).toContain("27 case records have suggestions awaiting review.");
    const first = page.locator("table tbody tr").first();
    caseYear = (await first.locator("time").getAttribute("datetime"))!.slice(0, 4);
    const caseLink = first.getByRole("link");
    caseName = (await caseLink.textContent())!.trim();
    await caseLink.click();
    await page.waitForURL(/\/incidents\/\w+\/links$/);
    // Client-side navigation: the address changes before the new page has rendered.
    await expect.poll(() => page.locator("h1").textContent()).toContain(caseName);

    const suggestion = page.locator("li.link-item").filter({ has: page.locator(".code", { hasText: /^AP-I-MIN$/ }) });
    expect(await suggestion.locator(".link-explanation").textContent()).toContain("sector-mining");
    // Without a rationale the browser's own check stops the form; with one it goes through.
    await suggestion.getByLabel("Rationale (required)").fill("Killed in a conflict over a mine; the plan's mining commitment applies.");
    await suggestion.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => page.locator(".form-success").textContent()).toBe("Link accepted.");
    const accepted = page.locator(".link-group-accepted li.link-item").filter({ has: page.locator(".code", { hasText: /^AP-I-MIN$/ }) });
    expect(await accepted.textContent()).toContain("Killed in a conflict over a mine");
    expect(await accepted.textContent()).toContain("Demo staff");
    await page.screenshot({ path: join(ARTIFACTS, "provisions-review.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the accepted link on the provision page, the scorecard and the matrix, with charts drawn", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));

    await page.goto(`${app.url}/provisions/AP-I-MIN`, { waitUntil: "networkidle" });
    expect(await page.locator("#accepted-title").textContent()).toContain("(1)");
    expect(await page.locator("section[aria-labelledby=accepted-title] table").textContent()).toContain(caseName);
    await expect.poll(async () => (await canvasInk(page))["provision-years"], { timeout: 15_000 }).toBeGreaterThan(2000);

    await page.goto(`${app.url}/provisions/AP-I-MIN/scorecard`, { waitUntil: "networkidle" });
    await expect.poll(async () => (await canvasInk(page))["scorecard-years"], { timeout: 15_000 }).toBeGreaterThan(2000);
    const yearRow = page.locator("#scorecard-years table tbody tr").filter({ has: page.locator("th", { hasText: new RegExp(`^${caseYear}$`) }) });
    expect(await yearRow.locator("td").first().textContent()).toBe("1");
    expect(await page.locator("#scorecard-before .headline-label").textContent()).toContain("12 months before");
    expect(await page.locator(".scorecard-sources").textContent()).toContain("La Jornada");
    const png = await page.request.get(`${app.url}/provisions/AP-I-MIN/scorecard.png?milestone=csp-launch&months=12`);
    expect(png.headers()["content-type"]).toBe("image/png");
    await page.screenshot({ path: join(ARTIFACTS, "provisions-scorecard.png"), fullPage: true });

    await page.goto(`${app.url}/matrix`, { waitUntil: "networkidle" });
    await expect.poll(async () => (await canvasInk(page))["accountability-matrix"], { timeout: 15_000 }).toBeGreaterThan(20_000);
    const row = page.locator(".matrix-table tbody tr").filter({ has: page.locator(".code", { hasText: /^AP-I-MIN$/ }) });
    const years = await page.locator(".matrix-table thead th").allTextContents();
    const cell = row.locator("td").nth(years.indexOf(caseYear) - 1);
    expect(await cell.locator(".cell-accepted").textContent()).toBe("1");
    await cell.locator("a.cell-accepted").click();
    await page.waitForURL(/\/provisions\/AP-I-MIN\/cases\?year=/);
    expect(await page.locator("#provision-cases").textContent()).toContain(caseName);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("works without JavaScript: the matrix filters and a rejection with a rationale", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/matrix`);
    await page.getByLabel("Links counted").selectOption("both");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/status=both/);
    expect(await page.locator(".notice").textContent()).toContain("not findings");
    expect(await page.locator(".matrix-table tbody tr").count()).toBe(26);

    await signInInBrowser(page, app.url, "staff");
    await page.goto(`${app.url}/provisions/AP-I-RESPMIN`);
    const suggestion = page.locator("li.link-item").first();
    await suggestion.getByLabel("Rationale (required)").fill("TSM adoption postdates this case");
    await suggestion.getByRole("button", { name: "Reject" }).click();
    await page.waitForURL(/\/provisions\/AP-I-RESPMIN\?done=rejected/);
    expect(await page.locator(".form-success").textContent()).toBe("Link rejected.");
    expect(await page.locator("#suggested-title").textContent()).toContain("(26)");
    await context.close();
  });
});

describe("two people editing the same commitment", () => {
  // The same refused save, with JavaScript (Remix renders the 409 answer) and without (the browser renders it).
  for (const [javaScript, path, field, label, list] of [
    [true, "/provisions/milestones/csp-launch/edit", "Note", "Label (French)", /\/provisions\/milestones$/],
    [false, "/provisions/instruments/CSP-AP/edit", "Position", "Name (Spanish)", /\/provisions#instrument-CSP-AP$/],
  ] as const) {
    it(`refuses the later save with both versions shown and what was typed kept (${javaScript ? "with" : "without"} JavaScript)`, async () => {
      const first = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const second = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: javaScript });
      const them = await first.newPage();
      const me = await second.newPage();
      const errors: string[] = [];
      me.on("pageerror", (e) => errors.push(e.message));
      await signInInBrowser(them, app.url, "staff");
      await signInInBrowser(me, app.url, "staff");
      await me.goto(`${app.url}${path}`);
      await them.goto(`${app.url}${path}`);
      // They save first.
      const theirs = field === "Position" ? "7" : "Moved to a later date by the partners";
      await them.getByLabel(field, { exact: true }).fill(theirs);
      await them.getByRole("button", { name: "Save", exact: true }).click();
      await them.waitForURL(list);
      // Then I save what I typed on the version I opened.
      const typed = "Texto que escribí yo";
      await me.getByLabel(label, { exact: true }).fill(typed);
      await me.getByRole("button", { name: "Save", exact: true }).click();
      const conflict = me.locator("section.conflict");
      await conflict.waitFor();
      expect(await conflict.locator("h2").textContent()).toBe("Someone else saved this record while you were editing");
      expect(await conflict.textContent()).toContain("saved by Demo staff");
      const row = conflict.locator(`tr[data-field]`, { has: me.locator("th", { hasText: new RegExp(`^${field}$`) }) });
      expect(await row.locator("td.theirs").textContent()).toBe(theirs);
      expect(await row.getAttribute("data-kept")).toBe("theirs");
      // Nothing typed is lost, and their change is now in the form too.
      expect(await me.getByLabel(label, { exact: true }).inputValue()).toBe(typed);
      expect(await me.getByLabel(field, { exact: true }).inputValue()).toBe(theirs);
      await me.screenshot({ path: join(ARTIFACTS, `commitment-conflict${javaScript ? "" : "-nojs"}.png`), fullPage: true });
      // Saving again stores what the form holds.
      await me.getByRole("button", { name: "Save", exact: true }).click();
      await me.waitForURL(list);
      await me.goto(`${app.url}${path}`);
      expect(await me.getByLabel(label, { exact: true }).inputValue()).toBe(typed);
      expect(await me.getByLabel(field, { exact: true }).inputValue()).toBe(theirs);
      expect(errors).toEqual([]);
      await first.close();
      await second.close();
    });
  }
});
