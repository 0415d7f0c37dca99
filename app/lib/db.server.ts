// The one way to the database. The client is chosen by the scheme of DATABASE_URL:
// file: = SQLite (embedded default), postgresql:// = PostgreSQL. Both clients are
// generated from the same models (prisma/models.prisma), so they share one API.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "~/generated/prisma-sqlite/client.ts";
import { PrismaClient as PostgresClient } from "~/generated/prisma-postgresql/client.ts";
import { parseDatabaseUrl, type DatabaseKind, type DatabaseTarget } from "./database-url.ts";
import { secureSqliteFiles, SQLITE_PLANNER_HINTS, SQLITE_PRAGMAS } from "./sqlite-files.server.ts";

export type Db = InstanceType<typeof SqliteClient>;
export type { Prisma } from "~/generated/prisma-sqlite/client.ts";

const kinds = new WeakMap<object, DatabaseKind>();

/**
 * Prisma's interactive transactions give up after 5 s by default: on a busy server a
 * bulk suggestion run or an import batch can pass that without anything being wrong,
 * and its valid work would be rolled back. Room enough for that, still bounded.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 };

/**
 * Prisma's SQLite adapter, with Vigía's pragmas set on its connection as it
 * opens (the adapter has no option for them; synchronous is per connection) and
 * the files' modes narrowed once the database file exists.
 */
/** SQLite's limit on bound values per statement since 3.32 (better-sqlite3 12 ships 3.4x). */
const SQLITE_MAX_BIND_VALUES = 32766;

class DurableSqliteAdapter extends PrismaBetterSqlite3 {
  constructor(private readonly file: string) {
    super({ url: file, timeout: 5000 });
  }

  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS.map((p) => `PRAGMA ${p};`).join("\n"));
    // Planner statistics brought up to date where a table grew or shrank tenfold since its last
    // ANALYZE (a bulk insert without one): with stale ones SQLite can start a filtered case search
    // from the filter and probe the FTS5 index once per record (decision 117). Cheap when nothing changed.
    await adapter.executeScript("PRAGMA optimize=0x10002;");
    await adapter.executeScript(SQLITE_PLANNER_HINTS.map((sql) => `${sql};`).join("\n"));
    secureSqliteFiles(this.file);
    // Without it Prisma assumes SQLite's old bound of 999 values and refuses a query with more (P2029),
    // which a long list of ids (bulk work) can need; the SQLite in
    // better-sqlite3 takes SQLITE_MAX_VARIABLE_NUMBER = 32766.
    adapter.getConnectionInfo = () => ({ supportsRelationJoins: false, maxBindValues: SQLITE_MAX_BIND_VALUES });
    return adapter;
  }
}

/**
 * PostgreSQL cannot hold NUL in text: a query naming one (an id typed in an
 * address, a code in a form) fails instead of finding nothing. No stored text can
 * contain NUL there, so it is sent as U+FFFD, which matches no id or code either.
 * Forms refuse control characters before saving (plainText in app/lib/form.ts).
 * Found by tests/routes/form-fuzz.test.ts.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === "string") return (value.includes("\0") ? value.replaceAll("\0", "\uFFFD") : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  }
  return value;
}

/** A statement the client sent, with its bound values as JSON. */
export interface SentQuery {
  query: string;
  params: string;
}

/** `$on("query")`, whose type Prisma narrows to the client's `log` option as written. */
function listen(client: { $on: unknown }, onQuery: (sent: SentQuery) => void): void {
  (client.$on as (event: "query", callback: (sent: SentQuery) => void) => void)("query", onQuery);
}

/**
 * `onQuery`: called with each SQL statement the client sends, to read the plan of
 * what Prisma really sends (tests, scripts/repro).
 */
export function createDb(target: DatabaseTarget, { onQuery }: { onQuery?: (sent: SentQuery) => void } = {}): Db {
  let db: Db;
  const log = onQuery ? [{ emit: "event" as const, level: "query" as const }] : undefined;
  if (target.kind === "sqlite") {
    secureSqliteFiles(target.file!);
    const client = new SqliteClient({ adapter: new DurableSqliteAdapter(target.file!), transactionOptions: TRANSACTION_OPTIONS, log });
    if (onQuery) listen(client, onQuery);
    db = client as unknown as Db;
  } else {
    const adapter = new PrismaPg({ connectionString: target.url, max: 10, connectionTimeoutMillis: 5000 });
    const client = new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS, log });
    if (onQuery) listen(client, onQuery);
    // Same models, same API: the PostgreSQL client is used through the SQLite client's type.
    db = client.$extends({
      query: { $allOperations: ({ args, query }) => query(withoutNul(args)) },
    }) as unknown as Db;
  }
  kinds.set(db, target.kind);
  return db;
}

declare global {
  // Survives module reloads in development so that one process keeps one pool.
  var __vigiaDb: { db: Db; target: DatabaseTarget } | undefined;
}

function current(): { db: Db; target: DatabaseTarget } {
  if (!globalThis.__vigiaDb) {
    const target = parseDatabaseUrl(process.env.DATABASE_URL);
    globalThis.__vigiaDb = { db: createDb(target), target };
  }
  return globalThis.__vigiaDb;
}

/** The database of this process, created on first use from DATABASE_URL. */
export const prisma: Db = new Proxy({} as Db, {
  get(_target, prop) {
    const db = current().db;
    const value = Reflect.get(db, prop, db);
    return typeof value === "function" ? value.bind(db) : value;
  },
});

export function databaseKind(): DatabaseKind {
  return current().target.kind;
}

/** Which database a client talks to (the process's client, or one made by createDb). */
export function databaseKindOf(db: Db): DatabaseKind {
  return kinds.get(db) ?? databaseKind();
}

/** Where this process's database is (for work outside Prisma: ANALYZE after a bulk import). */
export function databaseTarget(): DatabaseTarget {
  return current().target;
}

const seenDataVersions = new WeakMap<Db, number>();

/**
 * Brings this client's planner statistics up to date with what other connections did.
 * SQLite keeps the statistics it read when its connection opened: an ANALYZE run by another
 * connection (an import from the command line, the start-up of another process) or a bulk
 * insert without one leaves an open connection on the old plans, for example a filtered case
 * search probing the FTS5 index once per record (decisions 117, 129). When another connection has
 * committed since the last look (`PRAGMA data_version`), this rereads sqlite_stat1
 * (`ANALYZE sqlite_schema`) and re-analyzes the tables that grew or shrank tenfold since
 * (`PRAGMA optimize`). A primary-key-sized read when nothing changed. PostgreSQL's statistics
 * are the server's, shared by every connection: nothing to do there.
 * Returns true when it refreshed.
 */
export async function refreshPlannerStatistics(db: Db = prisma, { force = false } = {}): Promise<boolean> {
  if (databaseKindOf(db) !== "sqlite") return false;
  const [row] = await db.$queryRaw<{ data_version: number | bigint }[]>`PRAGMA data_version`;
  const version = Number(row.data_version);
  const seen = seenDataVersions.get(db);
  seenDataVersions.set(db, version);
  if (!force && (seen === undefined || seen === version)) return false;
  await db.$executeRaw`ANALYZE sqlite_schema`;
  await db.$executeRaw`PRAGMA optimize=0x10002`;
  // Constant statements (sqlite-files.server.ts), no outside value: a tagged $executeRaw cannot carry a whole statement.
  for (const sql of SQLITE_PLANNER_HINTS) await db.$executeRawUnsafe(sql);
  return true;
}

/**
 * Runs refreshPlannerStatistics every `everyMs` for as long as the process runs (the server
 * starts it on SQLite); returns a function that stops it. `onRefresh` is told of each refresh.
 * A failed look is reported and tried again at the next.
 */
export function watchPlannerStatistics({ db = prisma, everyMs = 10_000, onRefresh }: { db?: Db; everyMs?: number; onRefresh?: () => void } = {}): () => void {
  let running = false;
  const look = async () => {
    if (running) return;
    running = true;
    try {
      if (await refreshPlannerStatistics(db)) onRefresh?.();
    } catch (error) {
      console.error("Refreshing the planner's statistics failed:", error);
    } finally {
      running = false;
    }
  };
  void look();
  const timer = setInterval(() => void look(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export async function disconnectDb(): Promise<void> {
  const cached = globalThis.__vigiaDb;
  globalThis.__vigiaDb = undefined;
  await cached?.db.$disconnect();
}
