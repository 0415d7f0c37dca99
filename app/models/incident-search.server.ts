// The case search's fast path on each database (decision 065): SQLite's FTS5
// index "IncidentSearch" (unicode61, diacritics removed; each word a prefix) and
// PostgreSQL's trigram index on vigia_incident_search_text (unaccented, lower
// case; each word anywhere in the text). Both answer with record ids, which the
// case list's where clause combines with every other filter.
import { databaseKind, prisma } from "~/lib/db.server.ts";

/**
 * At most this many matches are used. A search matching more is too broad to
 * list usefully: the list says so, and an export refuses it rather than send a
 * part of what was asked for.
 */
export const MAX_SEARCH_HITS = 10_000;

export interface SearchHits {
  ids: string[];
  /** More records matched than MAX_SEARCH_HITS */
  tooBroad: boolean;
}

/** FTS5 query: every word as a quoted prefix ("jos"* finds "José"); quotes inside doubled. */
function ftsQuery(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(" AND ");
}

/** A LIKE pattern finding the word anywhere; its own % _ and \ taken literally. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Ids of the case records (deleted ones too; the filter drops them) whose public text holds every word. */
export async function findIncidentsMatching(terms: string[]): Promise<SearchHits> {
  if (!terms.length) return { ids: [], tooBroad: false };
  const limit = MAX_SEARCH_HITS + 1;
  let rows: { id: string }[];
  if (databaseKind() === "sqlite") {
    rows = await prisma.$queryRaw<
      { id: string }[]
    >`SELECT "Incident"."id" AS id FROM "IncidentSearch" JOIN "Incident" ON "Incident".rowid = "IncidentSearch".rowid
       WHERE "IncidentSearch" MATCH ${ftsQuery(terms)} LIMIT ${limit}`;
  } else {
    const conditions = terms.map(
      (_, i) => `vigia_incident_search_text("victimName", "regionRaw", "municipality", "description") LIKE vigia_search_fold($${i + 1})`,
    );
    // The one query built as text: one placeholder per word ($1, $2, ...) and a constant limit;
    // every word the reader typed is a bound parameter, never part of the SQL.
    rows = await prisma.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "id" AS id FROM "Incident" WHERE ${conditions.join(" AND ")} LIMIT ${limit}`,
      ...terms.map(likePattern),
    );
  }
  return { ids: rows.slice(0, MAX_SEARCH_HITS).map((r) => r.id), tooBroad: rows.length > MAX_SEARCH_HITS };
}

/** The query plan of a search, to prove the index is used (tests). */
export async function explainIncidentSearch(terms: string[]): Promise<string> {
  if (databaseKind() === "sqlite") {
    const rows = await prisma.$queryRaw<
      { detail: string }[]
    >`EXPLAIN QUERY PLAN SELECT "Incident"."id" FROM "IncidentSearch" JOIN "Incident" ON "Incident".rowid = "IncidentSearch".rowid WHERE "IncidentSearch" MATCH ${ftsQuery(terms)}`;
    return rows.map((r) => r.detail).join("\n");
  }
  const rows = await prisma.$queryRaw<
    { "QUERY PLAN": string }[]
  >`EXPLAIN SELECT "id" FROM "Incident" WHERE vigia_incident_search_text("victimName", "regionRaw", "municipality", "description") LIKE vigia_search_fold(${likePattern(terms[0])})`;
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}
