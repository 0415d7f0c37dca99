// Many rows in few statements, inside the caller's transaction: multi-row
// INSERTs with bound parameters, through Prisma's raw API. Prisma's own
// createMany spends about six times the CPU on building its queries, which
// decides whether a 100,000-row import fits in a minute (docs/benchmarks.md).
// Values are passed as Prisma passes them (Dates, numbers, strings, booleans),
// so the adapter stores them exactly as createMany would.
import { randomBytes } from "node:crypto";
import type { DatabaseKind } from "./database-url.ts";
import { SQLITE_MAX_BIND_VALUES } from "./db.server.ts";

export interface RawExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/**
 * Bound parameters per statement. SQLite's (better-sqlite3's build) and PostgreSQL's protocol limit,
 * which db.server.ts also tells Prisma: fewer, longer statements cost less CPU per row
 * (decision 062: about 15% less import CPU on SQLite than at the old bound of 999, in one run).
 */
const MAX_PARAMS: Record<DatabaseKind, number> = { sqlite: SQLITE_MAX_BIND_VALUES, postgresql: 32_766 };

export async function insertMany(db: RawExecutor, kind: DatabaseKind, table: string, rows: Record<string, unknown>[]): Promise<number> {
  if (!rows.length) return 0;
  const columns = Object.keys(rows[0]);
  // Only names and placeholders are written into the SQL text; every value is a bound parameter.
  // The names come from the models' code, never from a request: refuse anything that is not a plain identifier.
  for (const name of [table, ...columns]) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`insertMany: not an identifier: ${name}`);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS[kind] / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    const tuples = batch.map((row) => {
      const marks = columns.map((c) => {
        values.push(row[c] ?? null);
        return kind === "postgresql" ? `$${values.length}` : "?";
      });
      return `(${marks.join(", ")})`;
    });
    inserted += await db.$executeRawUnsafe(head + tuples.join(", "), ...values);
  }
  return inserted;
}

let counter = Math.floor(Math.random() * 36 ** 4);

/** An id in the shape of Prisma's cuid() ("c", time, counter, random; 25 characters), for rows inserted in bulk. */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = BigInt(`0x${randomBytes(8).toString("hex")}`)
    .toString(36)
    .padStart(12, "0")
    .slice(-12);
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
