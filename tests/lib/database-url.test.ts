import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_DATABASE_URL, parseDatabaseUrl, redact } from "~/lib/database-url.ts";
import { readEnv } from "~/lib/env.server.ts";

describe("parseDatabaseUrl", () => {
  it("defaults to the embedded SQLite file under data/", () => {
    expect(parseDatabaseUrl(undefined)).toEqual({ kind: "sqlite", url: DEFAULT_DATABASE_URL, file: resolve("data/vigia.db") });
    expect(parseDatabaseUrl("  ").kind).toBe("sqlite");
  });

  it("picks PostgreSQL from a postgres:// or postgresql:// URL", () => {
    expect(parseDatabaseUrl("postgresql://u:p@db:5432/vigia").kind).toBe("postgresql");
    expect(parseDatabaseUrl("postgres://db/vigia").kind).toBe("postgresql");
  });

  it.each([
    ["mysql://localhost/vigia", /neither a SQLite file .* nor a PostgreSQL URL/],
    ["vigia.db", /neither a SQLite file/],
    ["file:", /not a usable SQLite file/],
    ["file::memory:", /not a usable SQLite file/],
    ["postgresql://localhost", /needs a host and a database name/],
  ])("refuses %s with one sentence saying what to write", (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(ConfigError);
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it("never prints a password", () => {
    expect(redact("postgresql://vigia:s3cret@db:5432/vigia")).toBe("postgresql://vigia:***@db:5432/vigia");
    try {
      parseDatabaseUrl("postgresql://vigia:s3cret@db");
    } catch (error) {
      expect((error as Error).message).not.toContain("s3cret");
    }
  });
});

describe("readEnv", () => {
  it("reads PORT and refuses a port that is not one", () => {
    expect(readEnv({ PORT: "3001" }).port).toBe(3001);
    expect(readEnv({}).port).toBe(3000);
    expect(() => readEnv({ PORT: "http" })).toThrow(/PORT "http" is not a port number/);
    expect(() => readEnv({ PORT: "70000" })).toThrow(ConfigError);
  });
});
