// `npm run dev`: the app on its own Express server, rebuilt on every change, the
// change served and shown in the open page without restarting the server. Runs on
// a copy of the project, so that editing a component never touches the real one.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, freePort, launchBrowser, ROOT } from "./app.ts";

const copy = join(ARTIFACTS, "dev-copy");
let child: ChildProcess | undefined;
let output = "";
let url = "";
let browser: Browser;

beforeAll(async () => {
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy, { recursive: true });
  for (const entry of ["app", "scripts", "seeds", "prisma", "package.json", "tsconfig.json", "remix.config.js", "remix.env.d.ts"]) {
    cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  }
  mkdirSync(join(copy, "public"));
  cpSync(join(ROOT, "public/favicon.svg"), join(copy, "public/favicon.svg"));
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  const port = await freePort();
  url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_URL: `file:${join(copy, "data", "dev.db")}` };
  delete (env as Record<string, string | undefined>).NODE_ENV;
  child = spawn("npm", ["run", "dev", "--silent"], { cwd: copy, env, detached: true });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`npm run dev did not start in time:\n${output}`)), 200_000);
    child!.stdout!.on("data", () => {
      if (output.includes("Vigía is running at")) {
        clearTimeout(timer);
        res();
      }
    });
    child!.on("exit", (code) => {
      clearTimeout(timer);
      rej(new Error(`npm run dev exited with ${code}:\n${output}`));
    });
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (child?.pid) {
    const exited = new Promise((r) => child!.once("exit", r));
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await exited;
  }
  rmSync(copy, { recursive: true, force: true });
});

describe("npm run dev", () => {
  it("migrates, seeds and serves the app, like npm start", async () => {
    expect(output).toMatch(/Seeded: .*67 figures.*154 incidents/);
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Land and environmental defenders in Mexico");
  });

  it("shows a changed component in the open page, without restarting the server", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    await expect.poll(() => page.locator("#headline-total").textContent()).toContain("Status: confirmed");

    const file = join(copy, "app/components/figure-status.tsx");
    const source = readFileSync(file, "utf8");
    const changed = source.replace(
      '{t("common.status")}: {t(`common.figureStatus.${known}`)}',
      '{t("common.status")} (live): {t(`common.figureStatus.${known}`)}',
    );
    expect(changed).not.toBe(source);
    writeFileSync(file, changed);

    // What a reader sees: the page updates by itself.
    await expect.poll(() => page.locator("#headline-total").textContent(), { timeout: 60_000 }).toContain("Status (live): confirmed");
    // A new request gets the new build from the same server process.
    const html = (await (await fetch(`${url}/`)).text()).replaceAll("<!-- -->", "");
    expect(html).toContain("Status (live): confirmed");
    expect(output.match(/Vigía is running at/g)).toHaveLength(1);
    await page.close();
  });
});
