// The query plan of what Prisma really sends for a case search (decision 117):
// the list's findMany is run on a client of its own that reports its SQL, and
// each statement is explained with the same bound values. A new client opens a
// new connection, as a new process would (with the statistics check it runs on open).
import { expect } from "vitest";
import { createDb, databaseTarget, type Db, type SentQuery } from "~/lib/db.server.ts";
import { incidentListWhere } from "~/models/incident.server.ts";
import type { IncidentFilter } from "~/domain/incident-filter.ts";

/** A client of its own on the test's database, and the statements it sent. */
export function recordingDb(): { db: Db; sent: SentQuery[] } {
  const sent: SentQuery[] = [];
  return { db: createDb(databaseTarget(), { onQuery: (e) => sent.push(e) }), sent };
}

/** The plan of the case list's query for a filter and a search; on `recording`'s client when given (left open), else on a new one. */
export async function explainCaseSearch(filter: IncidentFilter, q: string, recording?: { db: Db; sent: SentQuery[] }): Promise<string> {
  const target = databaseTarget();
  const ownClient = !recording;
  const { db: client, sent } = recording ?? recordingDb();
  try {
    const where = await incidentListWhere(filter, q);
    await client.incident.findMany({ where, orderBy: [{ occurredOn: "desc" }, { id: "desc" }], take: 10, select: { id: true } });
    const { query, params } = sent[sent.length - 1];
    const values = JSON.parse(params) as unknown[];
    if (target.kind === "sqlite") {
      const rows = await client.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query}`, ...values);
      return rows.map((r) => r.detail).join("\n");
    }
    // PostgreSQL chooses by cost: with a few thousand rows a scan is cheaper than the
    // trigram index, and the join Prisma writes offers other indexes. Forbidding plain
    // scans shows that the index answers the view's condition for the words Prisma sent
    // (its `LIKE ('%' || $n || '%')`).
    const words = JSON.stringify(where)
      .match(/"contains":"(?:[^"\\]|\\.)*"/g)!
      .map((m) => JSON.parse(`{${m}}`).contains as string);
    expect(query).toContain(`LIKE ('%' ||`);
    const rows = await client.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT "id" FROM "IncidentSearchText" WHERE "text" LIKE ('%' || ${words[0]} || '%')`;
    });
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } finally {
    if (ownClient) await client.$disconnect();
  }
}
