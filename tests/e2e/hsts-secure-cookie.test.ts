// HSTS and the Secure session cookie in production (decision 093), through the
// built app started as a deployment would: behind a proxy that TRUST_PROXY
// names, an HTTPS request (X-Forwarded-Proto: https) gets Strict-Transport-Security
// and the cookie is Secure; without TRUST_PROXY a forged X-Forwarded-Proto is
// not believed (no HSTS), and the cookie is Secure all the same.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS, postSignIn, ROOT, sessionSetCookie, startApp, type RunningApp } from "./app.ts";

const dir = join(ARTIFACTS, "e2e-db");
mkdirSync(dir, { recursive: true });
const dbFile = join(dir, `hsts-${process.pid}.db`);
const DATABASE_URL = `file:${dbFile}`;
const production = { NODE_ENV: "production", SESSION_SECRET: randomBytes(32).toString("hex"), DATA_KEY: randomBytes(32).toString("base64"), DATABASE_URL };
const HSTS = "max-age=31536000; includeSubDomains";
/** A real account (not a demo one, which production refuses): the staff demo account renamed, with its password. */
const EMAIL = "staff@example.org";
const PASSWORD = "vigia-staff-demo";

let app: RunningApp | undefined;

beforeAll(() => {
  for (const s of ["", "-wal", "-shm"]) rmSync(dbFile + s, { force: true });
  const devEnv: Record<string, string | undefined> = { ...process.env, DATABASE_URL };
  delete devEnv.NODE_ENV;
  delete devEnv.SEED_DEMO_USERS;
  const setup = spawnSync("npx", ["tsx", "scripts/db-setup.ts"], { cwd: ROOT, env: devEnv as NodeJS.ProcessEnv, encoding: "utf8" });
  expect(setup.status, setup.stderr).toBe(0);
  const db = new Database(dbFile);
  db.prepare(`UPDATE "User" SET email = replace(email, '@vigia.test', '@example.org')`).run();
  db.close();
});

afterAll(async () => {
  await app?.stop();
  for (const s of ["", "-wal", "-shm"]) rmSync(dbFile + s, { force: true });
});

describe("behind a proxy that TRUST_PROXY names", () => {
  it("an HTTPS sign-in gets HSTS and a Secure, HttpOnly session cookie; plain HTTP gets no HSTS", async () => {
    // The test's requests come from the loopback address, as from a proxy on the same machine.
    app = await startApp({ ...production, TRUST_PROXY: "loopback" });
    const res = await postSignIn(app.url, { email: EMAIL, password: PASSWORD }, { headers: { "X-Forwarded-Proto": "https" } });
    expect(res.status).toBe(302);
    expect(res.headers.get("strict-transport-security")).toBe(HSTS);
    const cookie = sessionSetCookie(res);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);

    const page = await fetch(`${app.url}/`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("strict-transport-security")).toBe(HSTS);
    // Every cookie we set is Secure in production, the reader's language too.
    const language = await fetch(`${app.url}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.url, "X-Forwarded-Proto": "https" },
      body: new URLSearchParams({ lng: "es", redirectTo: "/" }),
    });
    expect(language.status).toBe(302);
    expect(language.headers.getSetCookie().find((c) => c.startsWith("vigia_lng=")) ?? "").toMatch(/; Secure/);
    for (const headers of [{}, { "X-Forwarded-Proto": "http" }] as Record<string, string>[]) {
      const plain = await fetch(`${app.url}/`, { headers });
      expect(plain.headers.get("strict-transport-security")).toBeNull();
    }
    await app.stop();
    app = undefined;
  });
});

describe("without TRUST_PROXY", () => {
  it("a forged X-Forwarded-Proto is not believed: no HSTS over plain HTTP; the production cookie is Secure all the same", async () => {
    app = await startApp(production);
    const res = await postSignIn(app.url, { email: EMAIL, password: PASSWORD }, { headers: { "X-Forwarded-Proto": "https" } });
    expect(res.status).toBe(302);
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(sessionSetCookie(res)).toMatch(/; Secure/);
    const page = await fetch(`${app.url}/`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("strict-transport-security")).toBeNull();
    // Nor a forged X-Forwarded-Host: a redirect still names this host, never the forged one.
    const away = await fetch(`${app.url}/incidents`, { redirect: "manual", headers: { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "evil.example" } });
    expect(away.status).toBe(302);
    expect(away.headers.get("location") ?? "").not.toContain("evil.example");
  });
});
