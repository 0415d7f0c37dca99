import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { freePort, runStart } from "./app.ts";

// A newcomer's mistakes end in one clear sentence and a non-zero exit, never a stack trace.
function expectOneSentence(stderr: string, pattern: RegExp) {
  const lines = stderr.split("\n").filter((l) => l.trim() && !/npm (warn|error)/i.test(l));
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Vigía cannot start: /);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("npm start refuses bad configuration clearly", () => {
  it("a malformed DATABASE_URL", async () => {
    const r = await runStart({ DATABASE_URL: "mysql://localhost/vigia" });
    expect(r.code).not.toBe(0);
    expectOneSentence(r.stderr, /DATABASE_URL .* neither a SQLite file .* nor a PostgreSQL URL/);
  });

  it("an unreachable PostgreSQL", async () => {
    const port = await freePort();
    const r = await runStart({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/vigia` });
    expect(r.code).not.toBe(0);
    expectOneSentence(r.stderr, /Cannot reach PostgreSQL at postgresql:\/\/postgres@127\.0\.0\.1:\d+\/vigia .*start the server or correct DATABASE_URL/);
  });

  it("a port already in use", async () => {
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(port, r));
    try {
      const r = await runStart({ PORT: String(port), DATABASE_URL: `file:tests/.artifacts/e2e-db/port-${port}.db` });
      expect(r.code).not.toBe(0);
      expectOneSentence(r.stderr, new RegExp(`port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });

  it("production without a secret of its own", async () => {
    const r = await runStart({ NODE_ENV: "production", SESSION_SECRET: "change-me-in-production-vigia-dev-secret" });
    expect(r.code).not.toBe(0);
    expectOneSentence(r.stderr, /SESSION_SECRET is not set/);
  });

  it("a PORT that is not a number", async () => {
    const r = await runStart({ PORT: "eighty" });
    expect(r.code).not.toBe(0);
    expectOneSentence(r.stderr, /PORT "eighty" is not a port number/);
  });
});
