// Many rows in one statement, inside the caller's transaction, through Prisma's raw API:
// the rows go as one bound parameter, a JSON array, which the database unpacks
// (json_populate_recordset on PostgreSQL, json_each on SQLite). Prisma's own createMany
// spends about six times the CPU on building its queries, and a multi-row VALUES list
// with a bound parameter per value still spent most of an import's CPU in Prisma's
// handling of each parameter (decision 133). Values are stored as Prisma stores them:
// Dates as the adapters write them, booleans as SQLite's 1 and 0.
import { randomBytes } from "node:crypto";
import type { DatabaseKind } from "./database-url.ts";

export interface RawExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** The text Prisma's SQLite adapter stores for a DateTime (its default "iso8601" format), so that SQL comparisons see the same strings. */
export function sqliteDateText(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

/**
 * Inserts `rows` (objects with the same keys, the table's column names) in one statement.
 * Only names are written into the SQL text, and they come from the models' code, never
 * from a request: anything that is not a plain identifier is refused. The values are one
 * bound parameter.
 */
export async function insertMany(db: RawExecutor, kind: DatabaseKind, table: string, rows: Record<string, unknown>[]): Promise<number> {
  if (!rows.length) return 0;
  const columns = Object.keys(rows[0]);
  for (const name of [table, ...columns]) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`insertMany: not an identifier: ${name}`);
  const names = columns.map((c) => `"${c}"`).join(", ");
  if (kind === "postgresql") {
    // Each value is read as the column's own type; a missing key is NULL.
    return db.$executeRawUnsafe(
      `INSERT INTO "${table}" (${names}) SELECT ${names} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
      JSON.stringify(rows, jsonValue("postgresql")),
    );
  }
  const values = columns.map((c) => `value ->> '$.${c}'`).join(", ");
  return db.$executeRawUnsafe(`INSERT INTO "${table}" (${names}) SELECT ${values} FROM json_each(?)`, JSON.stringify(rows, jsonValue("sqlite")));
}

/**
 * A value as the database stores it, written into the JSON: no NUL character (PostgreSQL's
 * text refuses it, as db.server.ts replaces it for Prisma's own queries), and on SQLite a
 * Date as the adapter writes it and a boolean as 1 or 0.
 */
function jsonValue(kind: DatabaseKind) {
  return function (this: Record<string, unknown>, key: string, value: unknown): unknown {
    const raw = this[key];
    if (kind === "sqlite" && raw instanceof Date) return sqliteDateText(raw);
    if (kind === "sqlite" && typeof raw === "boolean") return raw ? 1 : 0;
    return typeof value === "string" && value.includes("\0") ? value.replaceAll("\0", "\uFFFD") : value;
  };
}

let counter = Math.floor(Math.random() * 36 ** 4);
// Random bytes drawn 32 KB at a time: one call per id cost 10 µs, 4.5 s of an import's 460,000 ids.
let pool = Buffer.alloc(0);
let offset = 0;

function random64(): bigint {
  if (offset + 8 > pool.length) {
    pool = randomBytes(8 * 4096);
    offset = 0;
  }
  offset += 8;
  return pool.readBigUInt64BE(offset - 8);
}

/** An id in the shape of Prisma's cuid() ("c", time, counter, random; 25 characters), for rows inserted in bulk. */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = random64().toString(36).padStart(12, "0").slice(-12);
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}
