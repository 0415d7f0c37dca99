// Parses DATABASE_URL into the database kind Vigía runs on. Shared by the app,
// the start script, the seed and the tests, so the rules live in one place.
import { resolve } from "node:path";

export type DatabaseKind = "sqlite" | "postgresql";

export const DEFAULT_DATABASE_URL = "file:./data/vigia.db";

export class ConfigError extends Error {
  name = "ConfigError";
}

export interface DatabaseTarget {
  kind: DatabaseKind;
  url: string;
  /** Absolute path of the SQLite file (sqlite only). */
  file?: string;
}

export function parseDatabaseUrl(raw: string | undefined): DatabaseTarget {
  const url = (raw ?? "").trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (!path || path.includes("?") || path === ":memory:") {
      throw new ConfigError(`DATABASE_URL "${url}" is not a usable SQLite file: write it as file:./data/vigia.db (a path to a file).`);
    }
    return { kind: "sqlite", url, file: resolve(path) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`DATABASE_URL "${redact(url)}" is not a valid PostgreSQL URL: write it as postgresql://user:password@host:5432/database.`);
    }
    if (!parsed.hostname || parsed.pathname.length <= 1) {
      throw new ConfigError(`DATABASE_URL "${redact(url)}" needs a host and a database name: write it as postgresql://user:password@host:5432/database.`);
    }
    return { kind: "postgresql", url };
  }
  throw new ConfigError(
    `DATABASE_URL "${redact(url)}" is neither a SQLite file (file:./data/vigia.db) nor a PostgreSQL URL (postgresql://user:password@host:5432/database).`,
  );
}

/** Hides a password in a URL before it is printed. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
