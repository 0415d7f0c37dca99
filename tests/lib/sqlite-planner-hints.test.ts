// The case list at 1,000,000 records on SQLite (decision 131): with the statistics ANALYZE
// wrote for the bench database of that size, the planner skip-scanned a dashboard covering
// index and sorted half the table for the first page (2.3–4.6 s in docs/benchmarks.md). The
// "noskipscan" hint on those indexes brings it back to the (occurredOn, id) index, 51 rows.
// The statistics are written by hand here, as SQLite allows: the same plan without a million rows.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDatabaseUrl } from "~/lib/database-url.ts";
import { analyzeDatabase, migrate } from "~/lib/migrate.server.ts";
import { NO_SKIP_SCAN_INDEXES, SQLITE_PLANNER_HINTS } from "~/lib/sqlite-files.server.ts";

/** sqlite_stat1 and sqlite_stat4 of the Incident table in the bench database of 1,000,000 synthetic records. */
const AT_1M = JSON.parse(readFileSync(join(import.meta.dirname, "../fixtures/sqlite-stat-1m.json"), "utf8")) as {
  stat1: { idx: string; stat: string }[];
  stat4: { idx: string; neq: string; nlt: string; ndlt: string; sample: string }[];
};

/** The case list's first page as Prisma sends it (listIncidents, default scope, newest first). */
const FIRST_PAGE = `SELECT "id" FROM "Incident" WHERE ("deletedAt" IS NULL AND "countryCode" = 'MX' AND ("origin" = 'gw_dataset' OR "verificationStatus" = 'verified'))
  ORDER BY "occurredOn" DESC, "id" DESC LIMIT 51 OFFSET 0`;

let dir: string;
let file: string;

function plan(db: Database.Database): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${FIRST_PAGE}`).all() as { detail: string }[]).map((r) => r.detail).join("\n");
}

function withStatisticsAt1M(db: Database.Database): void {
  db.exec("ANALYZE");
  db.exec(`DELETE FROM sqlite_stat1 WHERE tbl = 'Incident'`);
  db.exec(`DELETE FROM sqlite_stat4 WHERE tbl = 'Incident'`);
  const stat1 = db.prepare(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('Incident', ?, ?)`);
  for (const r of AT_1M.stat1) stat1.run(r.idx, r.stat);
  const stat4 = db.prepare(`INSERT INTO sqlite_stat4 (tbl, idx, neq, nlt, ndlt, sample) VALUES ('Incident', ?, ?, ?, ?, ?)`);
  for (const r of AT_1M.stat4) stat4.run(r.idx, r.neq, r.nlt, r.ndlt, Buffer.from(r.sample, "hex"));
  db.exec("ANALYZE sqlite_schema");
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vigia-planner-"));
  file = join(dir, "vigia.db");
  await migrate(parseDatabaseUrl(`file:${file}`));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("planner hints on SQLite", () => {
  it("name every dashboard covering index the schema has", () => {
    const db = new Database(file, { readonly: true });
    try {
      const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%dashboard_idx'`).all() as { name: string }[]).map(
        (r) => r.name,
      );
      expect([...NO_SKIP_SCAN_INDEXES].sort()).toEqual(indexes.sort());
    } finally {
      db.close();
    }
  });

  it("keep the case list's first page on the (occurredOn, id) index at 1,000,000 records", () => {
    const db = new Database(file);
    try {
      withStatisticsAt1M(db);
      // Without the hint: a skip-scan of a dashboard index and a sort of everything it finds.
      expect(plan(db)).toMatch(/dashboard_idx \(ANY\(/);
      expect(plan(db)).toMatch(/USE TEMP B-TREE FOR ORDER BY/);
      for (const sql of SQLITE_PLANNER_HINTS) db.exec(sql);
      expect(plan(db)).toBe("SCAN Incident USING INDEX Incident_occurredOn_id_idx");
      // Applying the hints again changes nothing.
      for (const sql of SQLITE_PLANNER_HINTS) db.exec(sql);
      const marked = db.prepare(`SELECT stat FROM sqlite_stat1 WHERE idx LIKE '%dashboard_idx'`).all() as { stat: string }[];
      expect(marked.map((r) => r.stat.split(" noskipscan").length - 1)).toEqual([1, 1, 1, 1]);
    } finally {
      db.close();
    }
  });

  it("are written again after every ANALYZE", async () => {
    await analyzeDatabase(parseDatabaseUrl(`file:${file}`));
    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare(`SELECT idx, stat FROM sqlite_stat1 WHERE idx LIKE '%dashboard_idx'`).all() as { idx: string; stat: string }[];
      // An empty table has no statistics rows to mark; where there are rows, each carries the hint.
      for (const r of rows) expect(r.stat).toMatch(/ noskipscan$/);
    } finally {
      db.close();
    }
  });
});
