// Starts Vigía exactly as the README says (`npm start`) on a fresh SQLite file and
// a free port, and drives it with Debian's Chromium through playwright-core.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_USERS } from "../../app/domain/demo-users.ts";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const ARTIFACTS = join(ROOT, "tests", ".artifacts");

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm start` with the given environment until it exits (for start-up failures). */
export function runStart(env: Record<string, string>, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((res) => {
    const child = spawn("npm", ["start", "--silent"], { cwd: ROOT, env: { ...process.env, ...env }, detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => killGroup(child), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      res({ code, stdout, stderr });
    });
  });
}

function killGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

export interface RunningApp {
  url: string;
  dbFile: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** `npm start` on a fresh SQLite file; resolves once the server says it is running. */
export async function startApp(extraEnv: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  const dir = join(ARTIFACTS, "e2e-db");
  mkdirSync(dir, { recursive: true });
  const dbFile = join(dir, `app-${port}.db`);
  for (const s of ["", "-wal", "-shm"]) rmSync(dbFile + s, { force: true });
  // A newcomer's shell: no NODE_ENV, so the database counts as a development one (demo users).
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_URL: `file:${dbFile}`, ...extraEnv };
  if (!extraEnv.NODE_ENV) delete (env as Record<string, string | undefined>).NODE_ENV;
  const child = spawn("npm", ["start", "--silent"], { cwd: ROOT, env, detached: true });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  await new Promise<void>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`Vigía did not start in time:\n${out}`)), 180_000);
    const check = () => {
      if (out.includes("Vigía is running at")) {
        clearTimeout(timer);
        res();
      }
    };
    child.stdout.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      rej(new Error(`Vigía exited with ${code}:\n${out}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    dbFile,
    output: () => out,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      killGroup(child);
      await exited;
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Number of non-blank pixels drawn on each canvas of the page, keyed by the chart id. */
export async function canvasInk(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const result: Record<string, number> = {};
    document.querySelectorAll("figure[data-chart-id]").forEach((figure) => {
      const canvas = figure.querySelector("canvas");
      const id = figure.getAttribute("data-chart-id")!;
      if (!canvas) {
        result[id] = 0;
        return;
      }
      const ctx = canvas.getContext("2d")!;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
      result[id] = ink;
    });
    return result;
  });
}

/** A demo account's role (README "Demo logins"), or any account's email and password. */
export type DemoRole = (typeof DEMO_USERS)[number]["role"];
export type Credentials = { email: string; password: string };

function credentialsOf(who: DemoRole | Credentials): Credentials {
  if (typeof who !== "string") return who;
  const { email, password } = DEMO_USERS.find((u) => u.role === who)!;
  return { email, password };
}

/**
 * POSTs the sign-in form as a browser on this site would: the sign-in form is anonymous,
 * so it carries no CSRF token, only the same-origin Origin header (app/lib/csrf.server.ts).
 * The raw answer, for tests about the sign-in response itself; `headers` are sent as well
 * (a proxy's X-Forwarded-Proto, say).
 */
export function postSignIn(
  url: string,
  who: DemoRole | Credentials,
  options: { headers?: Record<string, string>; redirectTo?: string } = {},
): Promise<Response> {
  const { email, password } = credentialsOf(who);
  return fetch(`${url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url, ...options.headers },
    body: new URLSearchParams({ email, password, redirectTo: options.redirectTo ?? "/" }),
  });
}

/** The session cookie an answer sets, its attributes included. */
export function sessionSetCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("vigia_session="));
  expect(cookie, `a session cookie: ${res.status} ${res.headers.getSetCookie().join(" | ")}`).toBeDefined();
  return cookie!;
}

/** The session cookie an answer sets, as a Cookie header ("name=value"). */
export function sessionCookie(res: Response): string {
  return sessionSetCookie(res).split(";")[0];
}

/** Signs in through the sign-in form (postSignIn) and returns the session as a Cookie header ("name=value"). */
export async function signInByForm(
  url: string,
  who: DemoRole | Credentials,
  options: { headers?: Record<string, string>; redirectTo?: string } = {},
): Promise<string> {
  const res = await postSignIn(url, who, options);
  expect(res.status).toBe(302);
  return sessionCookie(res);
}

/** A form field by its label, which may end with the required-field star. */
function fieldLabel(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}( \\*)?\\s*$`);
}

/** The sign-in page's words a person looks for, in English unless a test reads it in another language. */
export interface SignInLabels {
  email: string;
  password: string;
  signIn: string;
}
const ENGLISH_SIGN_IN: SignInLabels = { email: "Email", password: "Password", signIn: "Sign in" };

/**
 * Signs in in the page as a person would: the sign-in page, its email and password fields
 * by their labels, its sign-in button; then waits until the page has landed on the home
 * page. With `hydrated`, waits for the sign-in page's JavaScript first, so the form is
 * sent by the client router rather than as a plain HTML form; `labels` are the page's
 * words when it is shown in another language.
 */
export async function signInInBrowser(
  page: Page,
  url: string,
  who: DemoRole | Credentials,
  options: { hydrated?: boolean; labels?: SignInLabels } = {},
): Promise<void> {
  const { email, password } = credentialsOf(who);
  const labels = options.labels ?? ENGLISH_SIGN_IN;
  await page.goto(`${url}/login`);
  if (options.hydrated) await page.waitForFunction(() => "__remixRouter" in window);
  await page.getByLabel(fieldLabel(labels.email)).fill(email);
  await page.getByLabel(fieldLabel(labels.password)).fill(password);
  await page.getByRole("button", { name: labels.signIn }).click();
  await page.waitForURL(`${url}/`);
}
