// Each dashboard aggregate twice: through the app's model functions (Prisma), and
// as the very SQL those functions sent, with the same parameters, on the raw
// driver (better-sqlite3 or pg). The SQL is captured at the driver itself while
// the model function runs once, so the baseline is the same work minus the app's
// and Prisma's own cost: the real limit (docs/decisions/071-benchmark-baseline.md).
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../app/lib/database-url.ts";
import { median, timePair } from "./measure.ts";

export interface Statement {
  sql: string;
  args: unknown[];
}

let capturing: Statement[] | null = null;
let patched = false;

/** Wraps the drivers' entry points once; they record only while a capture runs. */
function patchDrivers() {
  if (patched) return;
  patched = true;
  const probe = new Database(":memory:");
  const statementProto = Object.getPrototypeOf(probe.prepare("SELECT 1"));
  probe.close();
  const bind = statementProto.bind;
  statementProto.bind = function (this: { source: string }, ...args: unknown[]) {
    capturing?.push({ sql: this.source, args: args.length === 1 && Array.isArray(args[0]) ? args[0] : args });
    return bind.apply(this, args);
  };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, config: any, ...rest: any[]) {
    if (capturing && config && typeof config === "object" && typeof config.text === "string") capturing.push({ sql: config.text, args: config.values ?? [] });
    return (query as any).call(this, config, ...rest);
  } as typeof query;
}

/** The statements `fn` sends to the driver (run it once before, so that connecting is not captured). */
export async function captureStatements(fn: () => Promise<unknown>): Promise<Statement[]> {
  patchDrivers();
  await fn();
  capturing = [];
  try {
    await fn();
    return capturing;
  } finally {
    capturing = null;
  }
}

export interface RawDriver {
  /** Runs the statements as a hand-written function on the driver would: SQLite one after another, PostgreSQL all at once on a pool. */
  run(statements: Statement[]): Promise<number>;
  close(): Promise<void>;
}

export function rawDriver(target: DatabaseTarget): RawDriver {
  if (target.kind === "sqlite") {
    const db = new Database(target.file!, { readonly: true, fileMustExist: true });
    return {
      async run(statements) {
        let rows = 0;
        for (const s of statements) {
          const stmt = db.prepare(s.sql);
          if (stmt.reader) rows += stmt.raw(true).all(s.args).length;
          else stmt.run(s.args);
        }
        return rows;
      },
      async close() {
        db.close();
      },
    };
  }
  // As many connections as the app's own pool (app/lib/db.server.ts).
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  return {
    async run(statements) {
      const results = await Promise.all(statements.map((s) => pool.query({ text: s.sql, values: s.args, rowMode: "array" })));
      return results.reduce((n, r) => n + r.rowCount!, 0);
    },
    async close() {
      await pool.end();
    },
  };
}

export interface AggregateResult {
  name: string;
  statements: number;
  appMs: number;
  rawMs: number;
  /** app / raw */
  ratio: number;
  /** Within 2 × raw + 2 ms */
  pass: boolean;
}

export const aggregateTarget = (rawMs: number) => 2 * rawMs + 2;

/**
 * Captures every aggregate's statements first, which also warms every query (each
 * runs twice), then times each against its raw statements.
 */
export async function compareAggregates(
  aggregates: [name: string, appFn: () => Promise<unknown>][],
  raw: RawDriver,
  runs: number,
  log: (line: string) => void,
): Promise<AggregateResult[]> {
  const statements: Statement[][] = [];
  for (const [, appFn] of aggregates) statements.push(await captureStatements(appFn));
  const results: AggregateResult[] = [];
  for (const [i, [name, appFn]] of aggregates.entries()) {
    const times = await timePair(appFn, () => raw.run(statements[i]), runs);
    const appMs = median(times.a);
    const rawMs = median(times.b);
    results.push({ name, statements: statements[i].length, appMs, rawMs, ratio: appMs / rawMs, pass: appMs <= aggregateTarget(rawMs) });
    log(`    ${name}: app ${appMs.toFixed(1)} ms, raw ${rawMs.toFixed(1)} ms`);
  }
  return results;
}
