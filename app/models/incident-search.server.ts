// The case search (decisions 065, 117) as a Prisma relation filter on the view
// "IncidentSearchText", so that the case list, its counts, its exports and the
// API stay ordinary Prisma queries: no id list, no cap, every match.
// - SQLite: the view's "text" is the FTS5 table's own column, and FTS5 reads
//   `"IncidentSearch" = 'query'` as MATCH (unicode61, diacritics removed; each
//   word a quoted prefix).
// - PostgreSQL: the view's "text" is the stored vigia_incident_search_text(...)
//   (unaccented, lower case) of the table "IncidentSearch", kept by triggers, on which
//   the trigram index is built (decision 128); each word, folded by the database's own
//   vigia_search_fold, is a LIKE '%word%' that index answers, through the to-many
//   relation (EXISTS).
import { databaseKind, prisma, type Prisma } from "~/lib/db.server.ts";

/** The FTS5 columns the words are looked for in (public text only; stateCode is matched by code). */
const TEXT_COLUMNS = "{victimName regionRaw municipality description}";

/**
 * FTS5 query: every word as a quoted prefix ("jos"* finds "José"; quotes inside
 * doubled) in the text columns, or, when the words name states, the state code.
 */
export function ftsQuery(terms: string[], states: string[] = []): string {
  const words = `${TEXT_COLUMNS} : (${terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(" AND ")})`;
  return states.length ? `(${words}) OR stateCode : (${states.map((s) => `"${s}"`).join(" OR ")})` : words;
}

/** A word for Prisma's `contains` (LIKE '%…%'): its own % _ and \ taken literally (PostgreSQL's LIKE escapes with \). */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The words folded exactly as the trigram index folds the text (vigia_search_fold:
 * lower case, unaccent's rules, which also turn "ł" into "l" and "ß" into "ss").
 */
async function foldOnPostgres(terms: string[]): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ folded: string }[]>`
    SELECT vigia_search_fold(t) AS folded FROM unnest(${terms}::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n`;
  return rows.map((r) => r.folded);
}

/**
 * The Prisma condition on case records whose public text holds every word, or
 * whose state is one of `states` (the states whose name holds every word). Deleted
 * records too: the list's filter drops them.
 */
export async function incidentSearchWhere(terms: string[], states: string[]): Promise<Prisma.IncidentWhereInput> {
  // SQLite: one MATCH, so that the planner can start from the index (an OR beside it could not).
  if (databaseKind() === "sqlite") return { search: { is: { text: ftsQuery(terms, states) } } };
  const folded = await foldOnPostgres(terms);
  // The to-many relation: EXISTS, which PostgreSQL plans as a semi-join on the trigram index; the
  // to-one relation's LEFT JOIN hides the view's expression from the index (decision 117).
  const found: Prisma.IncidentWhereInput = { searchRows: { some: { AND: folded.map((w) => ({ text: { contains: escapeLike(w) } })) } } };
  return states.length ? { OR: [found, { stateCode: { in: states } }] } : found;
}
