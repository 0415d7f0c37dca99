// Demo accounts (public passwords) never reach production: a production start
// refuses a database where one is active, SEED_DEMO_USERS=0 deactivates them,
// and even one reactivated afterwards cannot sign in (decision 090).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ARTIFACTS, postSignIn, ROOT, runStart, startApp, type RunningApp } from "./app.ts";

const dir = join(ARTIFACTS, "e2e-db");
mkdirSync(dir, { recursive: true });
const dbFile = join(dir, `demo-users-${process.pid}.db`);
const DATABASE_URL = `file:${dbFile}`;
// Production also needs its own key for the confidential fields (decision 102).
const production = { NODE_ENV: "production", SESSION_SECRET: randomBytes(32).toString("hex"), DATA_KEY: randomBytes(32).toString("base64"), DATABASE_URL };

function expectOneSentence(stderr: string, pattern: RegExp) {
  const lines = stderr.split("\n").filter((l) => l.trim() && !/npm (warn|error)/i.test(l));
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Vigía cannot start: /);
  expect(lines[0]).toMatch(pattern);
}

let app: RunningApp | undefined;
afterAll(async () => {
  await app?.stop();
  for (const s of ["", "-wal", "-shm"]) rmSync(dbFile + s, { force: true });
});

describe("demo accounts never reach production", () => {
  it("a development database gets demo accounts; production refuses to start on it, saying how to fix it", async () => {
    for (const s of ["", "-wal", "-shm"]) rmSync(dbFile + s, { force: true });
    const devEnv: Record<string, string | undefined> = { ...process.env, DATABASE_URL };
    delete devEnv.NODE_ENV;
    delete devEnv.SEED_DEMO_USERS;
    const setup = spawnSync("npx", ["tsx", "scripts/db-setup.ts"], { cwd: ROOT, env: devEnv as NodeJS.ProcessEnv, encoding: "utf8" });
    expect(setup.status, setup.stderr).toBe(0);
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "User" WHERE email LIKE '%@vigia.test' AND active = 1`).get()).toEqual({ n: 3 });
    db.close();

    const r = await runStart(production);
    expect(r.code).not.toBe(0);
    expectOneSentence(
      r.stderr,
      /demo accounts .*active on this database \(admin@vigia\.test, staff@vigia\.test, viewer@vigia\.test\): start once with SEED_DEMO_USERS=0/,
    );
  });

  it("SEED_DEMO_USERS=1 is refused in production", async () => {
    const r = await runStart({ ...production, SEED_DEMO_USERS: "1" });
    expect(r.code).not.toBe(0);
    expectOneSentence(r.stderr, /SEED_DEMO_USERS=1 .* production deployment refuses/);
  });

  it("SEED_DEMO_USERS=0 deactivates them; one reactivated later still cannot sign in, and no page claims demo accounts", async () => {
    app = await startApp({ ...production, SEED_DEMO_USERS: "0" });
    expect(app.output()).toMatch(/Deactivated 3 demo account\(s\)/);
    const db = new Database(dbFile);
    db.prepare(`UPDATE "User" SET active = 1 WHERE email = 'admin@vigia.test'`).run();
    const audits = db.prepare(`SELECT COUNT(*) AS n FROM "AuditEvent" WHERE action = 'user_deactivate' AND "systemActor" = 'setup:demo-users'`).get();
    db.close();
    expect(audits).toEqual({ n: 3 });

    const res = await postSignIn(app.url, "admin");
    // Refused like any failed sign-in: 400 with the page's alert (decision 094).
    expect(res.status).toBe(400);
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(/vigia_session=[^;]{10}/);
    expect(await res.text()).toMatch(/role="alert"/);

    const home = await (await fetch(`${app.url}/`)).text();
    expect(home).not.toMatch(/demo-banner/);
  });
});
