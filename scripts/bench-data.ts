// `npm run bench:data -- --cases 1000000 [--seed 1] [--database <url>]`: writes a
// bench database of synthetic case records (deterministic for the seed, every row
// marked synthetic) into its own SQLite file under data/bench/ (the default) or its
// own PostgreSQL database named vigia_bench...; never into the development, seed or
// any other database. The database is written afresh each time.
import { pathToFileURL } from "node:url";
import { ConfigError, parseDatabaseUrl, redact } from "../app/lib/database-url.ts";
import { defaultBenchUrl, generateBenchDatabase } from "./bench/bench-database.ts";

export function parseBenchDataArgs(argv: string[]): { cases: number; seed: number; database: string } {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i === -1) return undefined;
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new ConfigError(`--${name} needs a value.`);
    return v;
  };
  const whole = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw.replaceAll("_", ""));
    if (!Number.isInteger(n) || n < 0) throw new ConfigError(`--${name} must be a whole number, not "${raw}".`);
    return n;
  };
  const cases = whole("cases", 100_000);
  const seed = whole("seed", 1);
  return { cases, seed, database: value("database") ?? defaultBenchUrl("sqlite", cases, seed) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { cases, seed, database } = parseBenchDataArgs(process.argv.slice(2));
    const target = parseDatabaseUrl(database);
    console.log(`Writing ${cases.toLocaleString("en")} synthetic case records (seed ${seed}) into ${redact(target.url)}`);
    const { marker } = await generateBenchDatabase({ target, cases, seed, log: console.log });
    console.log(
      `Done in ${marker.seconds} s: ${marker.incidents?.toLocaleString("en")} synthetic case records, ` +
        `${marker.characteristics?.toLocaleString("en")} person characteristics, ${marker.links?.toLocaleString("en")} links to provisions ` +
        `(plus the seed's reference data and its 154 Global Witness records).`,
    );
  } catch (error) {
    console.error(error instanceof ConfigError ? `bench:data: ${error.message}` : error);
    process.exit(1);
  }
}
