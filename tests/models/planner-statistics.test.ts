// An open connection and statistics gathered elsewhere (decision 129): the server's SQLite
// connection stays open for days, while an import from the command line adds records and
// ANALYZEs on a connection of its own. SQLite reads sqlite_stat1 when a connection opens, so
// without refreshPlannerStatistics the server would keep planning for the old table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, databaseKind, databaseTarget, refreshPlannerStatistics, watchPlannerStatistics } from "~/lib/db.server.ts";
import { analyzeDatabase } from "~/lib/migrate.server.ts";
import { addXochipalaRecords } from "../setup/bulk-records.ts";
import { explainCaseSearch, recordingDb } from "../setup/search-plan.ts";

const filter = { yearFrom: 2019, yearTo: 2019, sectors: ["mining_extractives"] };
const q = "xochipala persona";
// SQLite: the FTS5 table searched by MATCH alone leads the plan ("M5"); "M5=" would be a MATCH per record.
const fromTheIndex = /^SCAN IncidentSearch VIRTUAL TABLE INDEX 0:M\d+$/;
const perRecord = /IncidentSearch VIRTUAL TABLE INDEX 0:M\d+=/;

/** What `npm run import:gw` does in its own process: many records, then ANALYZE, on connections that are not the server's. */
async function importElsewhere(count: number, prefix: string) {
  const other = createDb(databaseTarget());
  try {
    await addXochipalaRecords(other, count, prefix);
  } finally {
    await other.$disconnect();
  }
  await analyzeDatabase(databaseTarget());
}

let server: ReturnType<typeof recordingDb>;

beforeAll(async () => {
  server = recordingDb();
  // The server's connection opens on the template's few hundred records and reads their statistics.
  await server.db.incident.count();
  expect(await refreshPlannerStatistics(server.db)).toBe(false);
});
afterAll(() => server.db.$disconnect());

describe("planner statistics on an open connection", () => {
  it("takes up an ANALYZE run by another process, once, when asked", { timeout: 120_000 }, async () => {
    await importElsewhere(10_200, "a");
    if (databaseKind() === "sqlite") {
      // Still the statistics read at open: the filter leads and the index is probed once per record.
      expect(await explainCaseSearch(filter, q, server)).toMatch(perRecord);
      expect(await refreshPlannerStatistics(server.db)).toBe(true);
      const plan = await explainCaseSearch(filter, q, server);
      expect(plan.split("\n")[0]).toMatch(fromTheIndex);
      expect(plan).not.toMatch(perRecord);
      // Nothing new since: no second refresh.
      expect(await refreshPlannerStatistics(server.db)).toBe(false);
    } else {
      // PostgreSQL's statistics are the server's, shared by every connection.
      expect(await refreshPlannerStatistics(server.db)).toBe(false);
    }
    expect(await server.db.incident.count({ where: { victimName: { startsWith: "Persona a" } } })).toBe(10_200);
  });

  it("is refreshed by the watcher the server runs, without a request asking", async () => {
    const watched = recordingDb();
    await watched.db.incident.count();
    // Records another process added before anyone looked: the first look only notes where the database stands.
    await importElsewhere(50, "b");
    expect(await refreshPlannerStatistics(watched.db)).toBe(false);
    let refreshes = 0;
    const stop = watchPlannerStatistics({ db: watched.db, everyMs: 50, onRefresh: () => refreshes++ });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(refreshes).toBe(0);
      // One commit by another connection after it: one refresh.
      await analyzeDatabase(databaseTarget());
      if (databaseKind() === "sqlite") {
        await expect.poll(() => refreshes, { timeout: 10_000, interval: 50 }).toBe(1);
        // Taken up: nothing left for a look of its own.
        expect(await refreshPlannerStatistics(watched.db)).toBe(false);
      } else {
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(refreshes).toBe(0);
      }
      expect(await watched.db.incident.count({ where: { victimName: { startsWith: "Persona b" } } })).toBe(50);
    } finally {
      stop();
      await watched.db.$disconnect();
    }
  });
});
