// Repro for decision 117: the case search combined with a filter must stay fast
// when SQLite's planner statistics are stale. Usage, each step its own process:
//   DATABASE_URL=file:/tmp/s/vigia.db npm run db:setup            (ANALYZEs ~154 records)
//   DATABASE_URL=file:/tmp/s/vigia.db npx tsx scripts/repro/case-search-stale-stats.ts insert
//   DATABASE_URL=file:/tmp/s/vigia.db npx tsx scripts/repro/case-search-stale-stats.ts query
// "insert" adds 10,200 records by createMany and never ANALYZEs; "query" times
// the searches through the app's listIncidents and prints the SQL Prisma sent
// with SQLite's plan of each statement (EXPLAIN QUERY PLAN).
import Database from "better-sqlite3";
import { parseDatabaseUrl } from "../../app/lib/database-url.ts";
import { createDb, databaseKind, databaseTarget, prisma, type SentQuery } from "../../app/lib/db.server.ts";
import { listIncidents } from "../../app/models/incident.server.ts";
import { addXochipalaRecords } from "../../tests/setup/bulk-records.ts";

const mode = process.argv[2];
// The process's client, made with query events so that the SQL Prisma sends can be read.
const target = parseDatabaseUrl(process.env.DATABASE_URL);
const sent: SentQuery[] = [];
globalThis.__vigiaDb = { db: createDb(target, { onQuery: (e) => sent.push(e) }), target };
const ADDED = 10_200;

if (mode === "insert") {
  await addXochipalaRecords(prisma, ADDED);
  console.log(`added ${ADDED} records, no ANALYZE`);
} else if (mode === "query") {
  const probes = [
    { label: "two words + sector/year", filter: { yearFrom: 2019, yearTo: 2019, sectors: ["mining_extractives"] }, q: "xochipala persona" },
    { label: "a word of every added record", filter: {}, q: "xochipala" },
    { label: "a rare name", filter: {}, q: "jose" },
  ];
  // The client's first query also opens the connection (and its statistics check) and loads Prisma's query compiler.
  await prisma.incident.count();
  for (const p of probes) {
    const times: number[] = [];
    let page;
    for (let run = 0; run < 2; run++) {
      sent.length = 0;
      const t0 = performance.now();
      page = await listIncidents({ filter: p.filter, q: p.q, size: 10 });
      times.push(performance.now() - t0);
    }
    console.log(`${p.label} (q=${p.q}): ${times.map((t) => `${t.toFixed(1)} ms`).join(", then ")}; total ${page!.total}, rows ${page!.rows.length}`);
    if (process.argv.includes("--sql") && databaseKind() !== "sqlite") for (const s of sent) console.log(`  SQL: ${s.query}\n  params: ${s.params}`);
    if (process.argv.includes("--sql") && databaseKind() === "sqlite") {
      const db = new Database(databaseTarget().file!, { readonly: true });
      for (const s of sent) {
        const params = JSON.parse(s.params);
        console.log(`  SQL: ${s.query}\n  params: ${s.params}`);
        for (const row of db.prepare(`EXPLAIN QUERY PLAN ${s.query}`).all(...params) as { detail: string }[]) console.log(`    ${row.detail}`);
      }
      db.close();
    }
  }
} else {
  console.error("Give a step: insert | query [--sql]");
  process.exit(1);
}
await prisma.$disconnect();
