// A person turns on two-step sign-in in a real browser (docs/decisions/105):
// enrols with the key shown as text (the code computed by otplib, as an
// authenticator app would), keeps the recovery codes, signs out, signs in with a
// code, and, without JavaScript, with a recovery code, which then works no more.
import { generate } from "otplib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, signInInBrowser, startApp, type RunningApp } from "./app.ts";

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

const heading = (page: Page) => page.locator("h1").textContent();

/** The code an authenticator app shows `stepsAhead` steps of 30 s from now. */
function codeFor(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

async function passwordStep(page: Page) {
  await page.goto(`${app.url}/login`);
  await page.getByLabel("Email").fill("staff@vigia.test");
  await page.getByLabel("Password").fill("vigia-staff-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/login\/code/);
  await expect.poll(() => heading(page)).toBe("Enter your code");
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(`${app.url}/`);
  await expect.poll(() => page.getByRole("link", { name: "Sign in", exact: true }).count()).toBe(1);
}

describe("two-step sign-in in the browser", () => {
  let secret = "";
  let recoveryCodes: string[] = [];

  it("enrols: QR code with a text alternative, the key as text, a code to confirm, recovery codes shown once", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInInBrowser(page, app.url, "staff");

    await page.getByRole("link", { name: "Two-step sign-in" }).click();
    await page.waitForURL(/\/account\/two-factor$/);
    await expect.poll(() => heading(page)).toBe("Two-step sign-in");
    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Set up your authenticator app" }).count()).toBe(1);
    const qr = page.getByRole("img", { name: /QR code of your Vigía account/ });
    expect(await qr.getAttribute("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    // The image really is a drawing the browser decoded, not a broken link.
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    secret = (await page.locator("code.secret").textContent())!.replace(/\s/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

    // A wrong code first: the field says so, and two-step sign-in is still off.
    const field = page.getByLabel("Code from your authenticator app");
    await field.fill("000000");
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.locator(".error-summary").textContent()).toContain("This code is not right");

    await page.getByLabel("Code from your authenticator app").fill(await codeFor(secret));
    await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Your recovery codes" }).count()).toBe(1);
    // Focus lands on the codes, so a screen reader reads them first.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("recovery-codes"))).toBe(true);
    recoveryCodes = await page.locator(".recovery-codes li code").allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await expect.poll(() => page.getByText(/Two-step sign-in is on since/).count()).toBe(1);

    // Shown once: reading the page again shows how many are left, never the codes.
    await page.goto(`${app.url}/account/two-factor`);
    await expect.poll(() => page.getByText("10 recovery codes left.", { exact: false }).count()).toBe(1);
    expect(await page.content()).not.toContain(recoveryCodes[0]);
    await signOut(page);
    await context.close();
  });

  it("signs in with a code from the app after the password; the password alone gives no session", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await passwordStep(page);
    // Between the steps nothing is granted: a staff page sends the person to sign in.
    await page.goto(`${app.url}/incidents`);
    await page.waitForURL(/\/login\?redirectTo=/);
    await passwordStep(page);
    // The next step's code: the one confirmed at enrolment is never accepted again.
    await page.getByLabel("Code").fill(await codeFor(secret, 1));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.url}/`);
    await expect.poll(() => page.getByText(/Signed in as Demo staff/).count()).toBe(1);
    await signOut(page);
    await context.close();
  });

  it("without JavaScript, signs in with a recovery code, which then works no more", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await passwordStep(page);
    await page.getByLabel("Code").fill(recoveryCodes[0]);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.url}/`);
    await expect.poll(() => page.getByText(/Signed in as Demo staff/).count()).toBe(1);
    await page.goto(`${app.url}/account/two-factor`);
    await expect.poll(() => page.getByText("9 recovery codes left.", { exact: false }).count()).toBe(1);
    await signOut(page);

    await passwordStep(page);
    await page.getByLabel("Code").fill(recoveryCodes[0]);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.locator(".field-error").textContent()).toContain("This code is not right or was used already");
    expect(await page.getByLabel("Code").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe("/login/code");
    await context.close();
  });
});
