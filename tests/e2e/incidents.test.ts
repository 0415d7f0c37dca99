// Staff log an incident in a real browser: a validation error first (every typed
// value must survive it), then the fix, the saved case, the list and the audit log.
// Once with JavaScript and once without: the server checks the form either way and
// answers with the same messages (docs/decisions/114-zod-only-where-a-form-is-checked.md).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, launchBrowser, signInInBrowser, startApp, type RunningApp } from "./app.ts";

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

/** A field by its label, which may end with the required-field star. */
function label(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\*)?\\s*$`);
}

const MARKUP = `<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true"> Amenazas`;

async function logIncident(page: Page, name: string, javaScript: boolean) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${app.url}/incidents/new`, { waitUntil: "networkidle" });
  expect(await page.locator("h1").textContent()).toBe("Log an incident");

  // First attempt: a year in the future and no sector.
  await page.getByLabel(label("Year")).fill(String(new Date().getUTCFullYear() + 2));
  await page.getByLabel(label("Month")).selectOption({ label: "September" });
  await page.getByLabel(label("Day")).fill("19");
  await page.getByLabel(label("Victim's name")).fill(name);
  await page.getByLabel(label("Age")).fill("44");
  await page.getByLabel(label("Indigenous peoples")).check();
  await page.getByLabel(label("Type of attack")).selectOption("threat");
  await page.getByLabel(label("Perpetrator")).selectOption("private_security");
  await page.getByLabel(label("State")).selectOption("OAX");
  await page.getByLabel(label("Municipality")).fill("San José del Progreso");
  await page.getByLabel(label("Description")).fill(MARKUP);
  await page.getByLabel(label("Source 1: title")).fill("Testimonio directo");
  await page.getByLabel(label("Witnesses")).fill("Testigo reservado");
  if (!javaScript) {
    // Without JavaScript, "Add another source" re-renders the form with every value kept.
    await page.getByRole("button", { name: "Add another source" }).click();
    await page.waitForLoadState("load");
    expect(await page.getByLabel(label("Source 3: title")).count()).toBe(1);
    expect(await page.getByLabel(label("Victim's name")).inputValue()).toBe(name);
    await page.getByLabel(label("Source 3: title")).fill("Nota de prensa");
    await page.getByLabel(label("Source 3: web address")).fill("https://example.org/nota");
  }
  await page.getByRole("button", { name: "Save the case" }).click();

  const summary = page.locator(".error-summary");
  await summary.waitFor();
  if (javaScript) await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
  const links = await summary.locator("a").allTextContents();
  expect(links).toEqual([
    "Date of the attack: Day: This date is in the future: enter when the attack happened.",
    "Sector (industry driver): This field is required.",
  ]);
  // Each wrong field says so, next to itself, and is tied to its message.
  const day = page.getByLabel(label("Day"));
  expect(await day.getAttribute("aria-invalid")).toBe("true");
  expect(await page.locator(`#${await day.getAttribute("aria-describedby")}`).textContent()).toBe(
    "This date is in the future: enter when the attack happened.",
  );
  expect(await page.getByLabel(label("Sector (industry driver)")).getAttribute("aria-invalid")).toBe("true");
  expect(await page.getByLabel(label("Municipality")).getAttribute("aria-invalid")).toBeNull();
  // The summary's link leads to the field.
  await summary.getByRole("link", { name: /Sector/ }).click();
  await expect.poll(() => new URL(page.url()).hash).toBe("#f-sector");

  // Nothing typed was lost.
  expect(await page.getByLabel(label("Victim's name")).inputValue()).toBe(name);
  expect(await page.getByLabel(label("Age")).inputValue()).toBe("44");
  expect(await page.getByLabel(label("Indigenous peoples")).isChecked()).toBe(true);
  expect(await page.getByLabel(label("Type of attack")).inputValue()).toBe("threat");
  expect(await page.getByLabel(label("State")).inputValue()).toBe("OAX");
  expect(await page.getByLabel(label("Municipality")).inputValue()).toBe("San José del Progreso");
  expect(await page.getByLabel(label("Description")).inputValue()).toBe(MARKUP);
  expect(await page.getByLabel(label("Source 1: title")).inputValue()).toBe("Testimonio directo");
  expect(await page.getByLabel(label("Witnesses")).inputValue()).toBe("Testigo reservado");
  if (!javaScript) expect(await page.getByLabel(label("Source 3: web address")).inputValue()).toBe("https://example.org/nota");
  await page.screenshot({ path: join(ARTIFACTS, `incident-form-errors${javaScript ? "" : "-nojs"}.png`), fullPage: true });

  // The fix.
  await page.getByLabel(label("Year")).fill("2025");
  await page.getByLabel(label("Sector (industry driver)")).selectOption("mining_extractives");
  await page.getByRole("button", { name: "Save the case" }).click();
  await page.waitForURL(/\/incidents\/[a-z0-9]+\?done=created$/);
  expect(await page.locator("#victim-name").textContent()).toBe(name);
  // Markup typed as text is shown as text, never run.
  expect(await page.locator("#record-description").textContent()).toBe(MARKUP);
  expect(await page.locator("#record-description script, #record-description img").count()).toBe(0);
  if (javaScript) expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false)).toBe(false);
  expect(dialogs).toEqual([]);
  return page.url().split("?")[0].split("/").pop()!;
}

describe("logging an incident in the browser", () => {
  it("as staff with JavaScript: an error first, then the fix; the case is in the list and, for admins, in the audit log", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInInBrowser(page, app.url, "staff");
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const name = "María José O'Brien-Núñez";
    const id = await logIncident(page, name, true);
    await page.screenshot({ path: join(ARTIFACTS, "incident-case-page.png"), fullPage: true });

    await page.getByRole("link", { name: "Cases", exact: true }).click();
    await page.waitForURL(`${app.url}/incidents`);
    // New cases are "reported": the list counts as the dashboards do until they are verified.
    await page.getByText("Staff cases awaiting verification").click();
    await page.waitForURL(/verification=reported/);
    const row = page.locator("table.case-table tbody tr", { hasText: name });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole("link").getAttribute("href")).toBe(`/incidents/${id}`);
    await page.screenshot({ path: join(ARTIFACTS, "incident-list.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();

    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await adminContext.newPage();
    await signInInBrowser(admin, app.url, "admin");
    await admin.getByRole("link", { name: "Audit log" }).click();
    await admin.waitForURL(`${app.url}/audit`);
    await admin.locator("h1", { hasText: "Audit log" }).waitFor();
    const event = admin.locator("table.audit-table tbody tr", { has: admin.locator(`a[href="/incidents/${id}"]`) });
    expect(await event.count()).toBe(1);
    expect(await event.locator("td").nth(1).textContent()).toBe("Demo staff");
    expect(await event.locator("td").nth(2).textContent()).toBe("Created");
    // The name was not marked publishable, so the log says it is withheld, not what it is.
    expect(await event.textContent()).toContain("[withheld]");
    expect(await event.textContent()).not.toContain(name);
    expect(await event.textContent()).toContain("San José del Progreso");
    expect(await event.textContent()).not.toContain("Testigo reservado");
    await admin.screenshot({ path: join(ARTIFACTS, "audit-log.png"), fullPage: true });
    await adminContext.close();
  });

  it("as staff without JavaScript: the same messages from the server, and nothing lost", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await signInInBrowser(page, app.url, "staff");
    const id = await logIncident(page, "Ñuu Savi Ixtlán 李秀英", false);
    const sources = await page.locator(".source-list li").allTextContents();
    expect(sources).toEqual(["Testimonio directo", "Nota de prensa https://example.org/nota"]);
    expect(id).toBeTruthy();
    await context.close();
  });

  it("a viewer sees the case without its staff-only fields", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const staff = await context.newPage();
    await signInInBrowser(staff, app.url, "staff");
    await staff.goto(`${app.url}/incidents?verification=reported&origin=staff`);
    const href = await staff.locator("table.case-table tbody tr a").first().getAttribute("href");
    await context.close();
    const viewerContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const viewer = await viewerContext.newPage();
    await signInInBrowser(viewer, app.url, "viewer");
    const response = await viewer.goto(`${app.url}${href}`);
    expect(response?.status()).toBe(200);
    const html = await viewer.content();
    expect(html).not.toContain("Testigo reservado");
    // Neither case's name was marked publishable: the viewer gets "Name withheld" instead.
    expect(html).not.toMatch(/Brien|Ñuu Savi/);
    expect(await viewer.locator("#victim-name").textContent()).toBe("Name withheld");
    expect(await viewer.locator(".staff-only").count()).toBe(0);
    expect(await viewer.getByRole("link", { name: "Log incident" }).count()).toBe(0);
    await viewerContext.close();
  });
});
