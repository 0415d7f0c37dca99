// Bench databases: their own SQLite files under data/bench/ or their own PostgreSQL
// databases named vigia_bench*, never the development, seed or any real database.
// Each is migrated, given the seed's reference data (sources, published figures,
// commitments, the 154 Global Witness records), then filled with synthetic case
// records on the raw driver, in transactions, and marked in a table of its own.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, realpathSync, rmSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { ConfigError, DEFAULT_DATABASE_URL, parseDatabaseUrl, redact, type DatabaseTarget } from "../../app/lib/database-url.ts";
import { sqliteDateText } from "../../app/lib/bulk-insert.server.ts";
import { createDb } from "../../app/lib/db.server.ts";
import { analyzeDatabase, migrate, migrationsDir, readMigrations } from "../../app/lib/migrate.server.ts";
import { seed as seedReferenceData } from "../../seeds/seed.ts";
import { GENERATOR_VERSION, SYNTHETIC_USERS, syntheticCases, type SyntheticCase } from "./synthetic.ts";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const BENCH_DIR = join(ROOT, "data", "bench");
/** Names a PostgreSQL bench database may have. */
export const BENCH_PG_NAME = /^vigia_bench[a-z0-9_]*$/;
/** The table that marks a database as a bench database; Prisma does not know it and never touches it. */
export const MARKER_TABLE = "_vigia_bench";

export interface BenchMarker {
  generator: string;
  generatorVersion: number;
  seed: number;
  cases: number;
  migrations: string;
  status: "generating" | "complete";
  generatedAt?: string;
  seconds?: number;
  incidents?: number;
  characteristics?: number;
  links?: number;
}

export interface BenchData {
  target: DatabaseTarget;
  marker: BenchMarker;
  /** True when this call generated it; false when a complete bench database of the same seed and size was reused. */
  generated: boolean;
}

/**
 * Where `npm run bench` keeps a bench database of this size and seed. PostgreSQL names carry
 * a mark of this checkout, so that two checkouts sharing a server (with different migrations,
 * say) never replace each other's bench database in the middle of a run.
 */
export function defaultBenchUrl(kind: DatabaseTarget["kind"], cases: number, seed: number, postgresBase?: string): string {
  if (kind === "sqlite") return `file:${join(BENCH_DIR, `cases-${cases}-seed-${seed}.db`)}`;
  if (!postgresBase)
    throw new ConfigError("A PostgreSQL bench database needs a server: set TEST_POSTGRES_URL (for example postgresql://postgres@127.0.0.1:5432/test).");
  const url = new URL(postgresBase);
  url.pathname = `/vigia_bench_${cases}_s${seed}_${createHash("sha1").update(ROOT).digest("hex").slice(0, 6)}`;
  return url.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

function sameServer(a: string, b: string): boolean {
  const x = new URL(a);
  const y = new URL(b);
  return x.hostname === y.hostname && (x.port || "5432") === (y.port || "5432");
}

/**
 * Throws unless `target` may hold synthetic data: a SQLite file inside data/bench/,
 * or a PostgreSQL database named vigia_bench*, and in either case not the database
 * the environment's DATABASE_URL (or the default one) names.
 */
export function assertBenchTarget(target: DatabaseTarget, env: Record<string, string | undefined> = process.env): void {
  const own = parseDatabaseUrl(env.DATABASE_URL);
  const dev = parseDatabaseUrl(DEFAULT_DATABASE_URL);
  if (target.kind === "sqlite") {
    const file = resolve(target.file!);
    for (const real of [own, dev]) {
      if (real.kind === "sqlite" && samePath(real.file!, file)) {
        throw new ConfigError(
          `${target.url} is the app's own database (DATABASE_URL or the default ${DEFAULT_DATABASE_URL}): synthetic data goes only into data/bench/.`,
        );
      }
    }
    const inside = relative(BENCH_DIR, file);
    if (!inside || inside.startsWith("..") || isAbsolute(inside)) {
      throw new ConfigError(
        `${target.url} is outside ${relative(ROOT, BENCH_DIR)}/: synthetic data goes only into a SQLite file there, never into another database.`,
      );
    }
    return;
  }
  const name = databaseName(target.url);
  if (!BENCH_PG_NAME.test(name)) {
    throw new ConfigError(
      `PostgreSQL database "${name}" is not a bench database: synthetic data goes only into a database named vigia_bench..., never into another one.`,
    );
  }
  if (own.kind === "postgresql" && sameServer(own.url, target.url) && databaseName(own.url) === name) {
    throw new ConfigError(`${redact(target.url)} is the app's own database (DATABASE_URL): synthetic data goes only into a separate bench database.`);
  }
}

/** Whether two paths name one file, following symbolic links where the files exist. */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}

function markerFromRows(rows: { key: string; value: string }[]): BenchMarker | null {
  if (!rows.length) return null;
  const m = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const num = (k: string) => (m[k] === undefined ? undefined : Number(m[k]));
  return {
    generator: m.generator,
    generatorVersion: Number(m.generatorVersion),
    seed: Number(m.seed),
    cases: Number(m.cases),
    migrations: m.migrations,
    status: m.status as BenchMarker["status"],
    generatedAt: m.generatedAt,
    seconds: num("seconds"),
    incidents: num("incidents"),
    characteristics: num("characteristics"),
    links: num("links"),
  };
}

interface Inspection {
  exists: boolean;
  marker: BenchMarker | null;
  caseRecords: number;
}

function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new ConfigError(`Cannot reach PostgreSQL at ${redact(url)} (${(error as Error).message}).`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** What a database holds now: whether it exists, its bench marker, how many case records. Reads only. */
export async function inspectDatabase(target: DatabaseTarget): Promise<Inspection> {
  if (target.kind === "sqlite") {
    if (!existsSync(target.file!)) return { exists: false, marker: null, caseRecords: 0 };
    const db = new Database(target.file!, { readonly: true, fileMustExist: true });
    try {
      const has = (table: string) => !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
      const marker = has(MARKER_TABLE)
        ? markerFromRows(db.prepare(`SELECT key, value FROM "${MARKER_TABLE}"`).all() as { key: string; value: string }[])
        : null;
      const caseRecords = has("Incident") ? (db.prepare(`SELECT COUNT(*) AS n FROM "Incident"`).get() as { n: number }).n : 0;
      return { exists: true, marker, caseRecords };
    } finally {
      db.close();
    }
  }
  const name = databaseName(target.url);
  const exists = await withPg(adminUrl(target.url), async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1);
  if (!exists) return { exists: false, marker: null, caseRecords: 0 };
  return withPg(target.url, async (c) => {
    const has = async (table: string) => (await c.query(`SELECT to_regclass($1) AS t`, [`public."${table}"`])).rows[0].t !== null;
    const marker = (await has(MARKER_TABLE)) ? markerFromRows((await c.query(`SELECT key, value FROM "${MARKER_TABLE}"`)).rows) : null;
    const caseRecords = (await has("Incident")) ? Number((await c.query(`SELECT COUNT(*) AS n FROM "Incident"`)).rows[0].n) : 0;
    return { exists: true, marker, caseRecords };
  });
}

/** Removes an earlier bench database at `target` so that it can be written afresh; refuses anything else. */
async function clearBenchDatabase(target: DatabaseTarget): Promise<void> {
  assertBenchTarget(target);
  const found = await inspectDatabase(target);
  if (found.exists && !found.marker && found.caseRecords > 0) {
    throw new ConfigError(`${redact(target.url)} holds ${found.caseRecords} case records and is not marked as a bench database: it is left untouched.`);
  }
  if (target.kind === "sqlite") {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(target.file! + suffix, { force: true });
    mkdirSync(dirname(target.file!), { recursive: true });
    return;
  }
  const name = databaseName(target.url);
  await withPg(adminUrl(target.url), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
}

function migrationNames(target: DatabaseTarget): string {
  return readMigrations(migrationsDir(target.kind, ROOT))
    .map((m) => m.name)
    .join(",");
}

/** A database writer on the raw driver: one method per batch, inside a transaction. */
interface Writer {
  writeMarker(values: Record<string, string | number>): Promise<void>;
  /**
   * Drops the secondary indexes and the foreign-key checks of the tables the load fills and
   * returns the statements that make them again, exactly as the migrations made them; built
   * once after the load, they cost a fraction of row-by-row upkeep, and the foreign keys are
   * checked then, all rows at once.
   */
  dropLoadIndexes(): Promise<string[]>;
  run(sql: string): Promise<void>;
  provisionIds(): Promise<Map<string, string>>;
  insertUsers(): Promise<void>;
  insertBatch(rows: SyntheticCase[], provisionIds: Map<string, string>): Promise<void>;
  finish(): Promise<void>;
}

const INCIDENT_COLUMNS = [
  "id",
  "externalId",
  "origin",
  "occurredOn",
  "datePrecision",
  "year",
  "victimName",
  "victimNamePublic",
  "gender",
  "age",
  "sector",
  "perpetratorType",
  "outcome",
  "victimCount",
  "countryCode",
  "stateCode",
  "regionRaw",
  "companyName",
  "companyCountry",
  "description",
  "verificationStatus",
  "verifiedById",
  "verifiedAt",
  "version",
  "createdById",
  "updatedById",
  "createdAt",
  "updatedAt",
  "deletedAt",
] as const satisfies readonly (keyof SyntheticCase)[];

const LINK_COLUMNS = [
  "id",
  "incidentId",
  "provisionId",
  "method",
  "rulesFired",
  "matchedTerms",
  "score",
  "status",
  "rationale",
  "reviewedById",
  "reviewedAt",
  "createdAt",
  "updatedAt",
] as const;

/** The tables the synthetic load fills: their secondary indexes are built once after it, much faster than row by row. */
const LOADED_TABLES = ["Incident", "IncidentCharacteristic", "IncidentProvisionLink"];
/** On PostgreSQL the insert trigger fills the stored search text too (decision 128): its trigram index is built after the load as well. */
const PG_LOADED_TABLES = [...LOADED_TABLES, "IncidentSearch"];

/** SQLite's trigger that adds each new record to the case search's FTS5 index (decision 065). */
const SEARCH_INSERT_TRIGGER = "Incident_search_insert";

/** The text Prisma's SQLite adapter stores for a DateTime (or null), so that comparisons in SQL see the same strings. */
function sqliteDate(d: Date | null): string | null {
  return d ? sqliteDateText(d) : null;
}

function sqliteWriter(file: string): Writer {
  const db = new Database(file);
  // A bench database can be generated again at any time: durability is not needed while it is written.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  // A page cache that holds the indexes written in random order (occurredOn, updatedAt, ...) keeps the load off the disk.
  db.pragma("cache_size = -1048576");
  const q = (cols: readonly string[]) => cols.map((c) => `"${c}"`).join(", ");
  const marks = (n: number) => Array(n).fill("?").join(", ");
  const insertIncident = db.prepare(`INSERT INTO "Incident" (${q(INCIDENT_COLUMNS)}) VALUES (${marks(INCIDENT_COLUMNS.length)})`);
  const insertCharacteristic = db.prepare(`INSERT INTO "IncidentCharacteristic" ("incidentId", "code") VALUES (?, ?)`);
  const insertLink = db.prepare(`INSERT INTO "IncidentProvisionLink" (${q(LINK_COLUMNS)}) VALUES (${marks(LINK_COLUMNS.length)})`);
  const value = (v: unknown) => (v instanceof Date ? sqliteDate(v) : typeof v === "boolean" ? (v ? 1 : 0) : v);
  const batch = db.transaction((rows: SyntheticCase[], provisionIds: Map<string, string>) => {
    for (const r of rows) {
      insertIncident.run(INCIDENT_COLUMNS.map((c) => value(r[c])));
      for (const code of r.characteristics) insertCharacteristic.run(r.id, code);
      for (const l of r.links) {
        const provisionId = provisionIds.get(l.provisionCode)!;
        insertLink.run(
          LINK_COLUMNS.map((c) =>
            c === "incidentId" ? r.id : c === "provisionId" ? provisionId : value(l[c as Exclude<typeof c, "incidentId" | "provisionId">]),
          ),
        );
      }
    }
  });
  return {
    async writeMarker(values) {
      db.exec(`CREATE TABLE IF NOT EXISTS "${MARKER_TABLE}" (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
      const put = db.prepare(`INSERT INTO "${MARKER_TABLE}" (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
      db.transaction(() => Object.entries(values).forEach(([k, v]) => put.run(k, String(v))))();
    },
    async dropLoadIndexes() {
      // Indexes SQLite makes for primary keys and UNIQUE constraints have no SQL and stay.
      const indexes = db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${LOADED_TABLES.map(() => "?").join(", ")})`)
        .all(...LOADED_TABLES) as { name: string; sql: string }[];
      for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
      // The case search's index (FTS5) is filled row by row by a trigger, at a cost that grows with the
      // index: 27, 34, then 55 s per 100,000 records. It is built once after the load instead ('rebuild'
      // reads the records), and the trigger made again from its own SQL.
      const search = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?`).get(SEARCH_INSERT_TRIGGER) as { sql: string };
      db.exec(`DROP TRIGGER "${SEARCH_INSERT_TRIGGER}"`);
      // SQLite cannot drop a foreign key: it stops checking them on this connection, and checks every row at the end.
      db.pragma("foreign_keys = OFF");
      return [
        ...indexes.map((i) => i.sql),
        `INSERT INTO "IncidentSearch"("IncidentSearch") VALUES ('rebuild')`,
        search.sql,
        ...LOADED_TABLES.map((t) => `PRAGMA foreign_key_check("${t}")`),
      ];
    },
    async run(sql) {
      if (sql.startsWith("PRAGMA foreign_key_check")) {
        const broken = db.prepare(sql).all();
        if (broken.length) throw new Error(`Synthetic rows break ${broken.length} foreign keys: ${JSON.stringify(broken.slice(0, 3))}`);
      } else db.exec(sql);
    },
    async provisionIds() {
      return new Map((db.prepare(`SELECT code, id FROM "Provision"`).all() as { code: string; id: string }[]).map((p) => [p.code, p.id]));
    },
    async insertUsers() {
      const put = db.prepare(
        `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "active", "createdAt", "updatedAt") VALUES (?, ?, ?, 'staff', ?, 0, ?, ?)`,
      );
      const at = sqliteDate(new Date(Date.UTC(2020, 0, 1)));
      db.transaction(() => SYNTHETIC_USERS.forEach((u) => put.run(u.id, u.email, u.name, "synthetic: no password", at, at)))();
    },
    async insertBatch(rows, provisionIds) {
      batch(rows, provisionIds);
    },
    async finish() {
      db.pragma("synchronous = NORMAL");
      db.pragma("wal_checkpoint(TRUNCATE)");
      db.close();
    },
  };
}

async function postgresWriter(url: string): Promise<Writer> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  // A bench database can be generated again at any time: durability is not needed while it is written.
  await c.query(`SET synchronous_commit = off`);
  await c.query(`SET maintenance_work_mem = '256MB'`);
  const PG_TYPES: Record<string, string> = {
    occurredOn: "timestamp(3)",
    verifiedAt: "timestamp(3)",
    createdAt: "timestamp(3)",
    updatedAt: "timestamp(3)",
    deletedAt: "timestamp(3)",
    reviewedAt: "timestamp(3)",
    year: "int",
    age: "int",
    victimCount: "int",
    version: "int",
    victimNamePublic: "boolean",
    score: "float8",
  };
  const unnestInsert = (table: string, cols: readonly string[]) =>
    `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${PG_TYPES[c] ?? "text"}[]`).join(", ")})`;
  const incidentSql = unnestInsert("Incident", INCIDENT_COLUMNS);
  const characteristicSql = unnestInsert("IncidentCharacteristic", ["incidentId", "code"]);
  const linkSql = unnestInsert("IncidentProvisionLink", LINK_COLUMNS);
  const value = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  return {
    async writeMarker(values) {
      await c.query(`CREATE TABLE IF NOT EXISTS "${MARKER_TABLE}" (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)`);
      for (const [k, v] of Object.entries(values)) {
        await c.query(`INSERT INTO "${MARKER_TABLE}" (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [k, String(v)]);
      }
    },
    async dropLoadIndexes() {
      // Indexes that back a constraint (primary keys) stay; Prisma's unique indexes are plain indexes and are rebuilt.
      const { rows } = await c.query<{ name: string; sql: string }>(
        `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
         WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)`,
        [PG_LOADED_TABLES],
      );
      const { rows: keys } = await c.query<{ name: string; table: string; def: string }>(
        `SELECT k.conname AS name, t.relname AS "table", pg_get_constraintdef(k.oid) AS def FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
         WHERE k.contype = 'f' AND t.relname = ANY($1) ORDER BY k.conname`,
        [PG_LOADED_TABLES],
      );
      for (const k of keys) await c.query(`ALTER TABLE "${k.table}" DROP CONSTRAINT "${k.name}"`);
      for (const i of rows) await c.query(`DROP INDEX "${i.name}"`);
      return [...rows.map((i) => i.sql), ...keys.map((k) => `ALTER TABLE "${k.table}" ADD CONSTRAINT "${k.name}" ${k.def}`)];
    },
    async run(sql) {
      await c.query(sql);
    },
    async provisionIds() {
      return new Map((await c.query<{ code: string; id: string }>(`SELECT code, id FROM "Provision"`)).rows.map((p) => [p.code, p.id]));
    },
    async insertUsers() {
      const at = new Date(Date.UTC(2020, 0, 1)).toISOString();
      for (const u of SYNTHETIC_USERS) {
        await c.query(
          `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "active", "createdAt", "updatedAt") VALUES ($1, $2, $3, 'staff', $4, false, $5, $5)`,
          [u.id, u.email, u.name, "synthetic: no password", at],
        );
      }
    },
    async insertBatch(rows, provisionIds) {
      const incidentArrays = INCIDENT_COLUMNS.map((col) => rows.map((r) => value(r[col])));
      const chars = rows.flatMap((r) => r.characteristics.map((code) => [r.id, code]));
      const links = rows.flatMap((r) => r.links.map((l) => ({ ...l, incidentId: r.id, provisionId: provisionIds.get(l.provisionCode)! })));
      await c.query("BEGIN");
      try {
        await c.query(incidentSql, incidentArrays);
        await c.query(characteristicSql, [chars.map((x) => x[0]), chars.map((x) => x[1])]);
        await c.query(
          linkSql,
          LINK_COLUMNS.map((col) => links.map((l) => value(l[col]))),
        );
        await c.query("COMMIT");
      } catch (error) {
        await c.query("ROLLBACK");
        throw error;
      }
    },
    async finish() {
      await c.end();
    },
  };
}

/**
 * Writes a fresh bench database at `target`: migrations, the seed's reference data,
 * then `cases` synthetic case records of `seed`. Refuses any target that is not a
 * bench database (assertBenchTarget) and any existing database with case records
 * that is not marked as one.
 */
export async function generateBenchDatabase(options: {
  target: DatabaseTarget;
  cases: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<BenchData> {
  const { target, cases, seed } = options;
  const log = options.log ?? (() => {});
  if (!Number.isInteger(cases) || cases < 0) throw new ConfigError(`--cases must be a whole number, not "${cases}".`);
  if (!Number.isInteger(seed)) throw new ConfigError(`--seed must be a whole number, not "${seed}".`);
  const started = performance.now();
  const at = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  await clearBenchDatabase(target);
  await migrate(target, migrationsDir(target.kind, ROOT));
  const base: Record<string, string | number> = {
    generator: "scripts/bench/synthetic.ts",
    generatorVersion: GENERATOR_VERSION,
    seed,
    cases,
    migrations: migrationNames(target),
  };
  // Marked before the first synthetic row, so that a run stopped half-way leaves a database recognisable as a bench database.
  let writer: Writer = target.kind === "sqlite" ? sqliteWriter(target.file!) : await postgresWriter(target.url);
  await writer.writeMarker({ ...base, status: "generating" });
  await writer.finish();

  const prisma = createDb(target);
  try {
    await seedReferenceData(prisma, { demoUsers: false });
  } finally {
    await prisma.$disconnect();
  }
  log(`  migrated and seeded with the reference data (${at()})`);

  writer = target.kind === "sqlite" ? sqliteWriter(target.file!) : await postgresWriter(target.url);
  const counts = { incidents: 0, characteristics: 0, links: 0 };
  try {
    await writer.insertUsers();
    const provisionIds = await writer.provisionIds();
    const indexes = await writer.dropLoadIndexes();
    const batchSize = target.kind === "sqlite" ? 10_000 : 5_000;
    let rows: SyntheticCase[] = [];
    let nextReport = 100_000;
    const flush = async () => {
      await writer.insertBatch(rows, provisionIds);
      rows = [];
    };
    for (const row of syntheticCases({ cases, seed, provisionCodes: [...provisionIds.keys()] })) {
      rows.push(row);
      counts.incidents++;
      counts.characteristics += row.characteristics.length;
      counts.links += row.links.length;
      if (rows.length === batchSize) await flush();
      if (counts.incidents === nextReport) {
        log(`  ${counts.incidents.toLocaleString("en")} synthetic case records written (${at()})`);
        nextReport += 100_000;
      }
    }
    if (rows.length) await flush();
    log(`  building indexes and checking foreign keys (${at()})...`);
    for (const sql of indexes) await writer.run(sql);
  } finally {
    await writer.finish();
  }

  log(`  gathering the planner's statistics (${at()})...`);
  if (target.kind === "postgresql") {
    // After a bulk load PostgreSQL's visibility map is empty, so its index-only scans would
    // read the table until autovacuum runs; a deployment in use has long been vacuumed.
    await withPg(target.url, (c) => c.query(`VACUUM ANALYZE`));
  } else {
    await analyzeDatabase(target);
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const done = { ...base, status: "complete", generatedAt: new Date().toISOString(), seconds, ...counts };
  writer = target.kind === "sqlite" ? sqliteWriter(target.file!) : await postgresWriter(target.url);
  try {
    await writer.writeMarker(done);
  } finally {
    await writer.finish();
  }
  return { target, marker: markerFromRows(Object.entries(done).map(([key, value]) => ({ key, value: String(value) })))!, generated: true };
}

/** A complete bench database of this size and seed: reused when one is there, generated otherwise. */
export async function ensureBenchDatabase(options: { target: DatabaseTarget; cases: number; seed: number; log?: (line: string) => void }): Promise<BenchData> {
  assertBenchTarget(options.target);
  const found = await inspectDatabase(options.target);
  const m = found.marker;
  if (
    m &&
    m.status === "complete" &&
    m.generatorVersion === GENERATOR_VERSION &&
    m.cases === options.cases &&
    m.seed === options.seed &&
    m.migrations === migrationNames(options.target)
  ) {
    return { target: options.target, marker: m, generated: false };
  }
  return generateBenchDatabase(options);
}
