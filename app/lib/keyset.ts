// Keyset pagination, the one way Vigía pages through a long list: rows ordered
// on (a timestamp column, id), each page link naming the row it continues from.
// Unlike OFFSET, a page costs the same however deep it is, and a row added or
// removed meanwhile neither repeats nor skips another one.

/** Where a page starts or ends: the sort column's value and the id of that row. */
export interface Cursor {
  at: Date;
  id: string;
}

export type SortDirection = "asc" | "desc";

/** What a reader asked for: the page after one cursor, or the page before another. */
export interface PageRequest {
  after?: Cursor | null;
  before?: Cursor | null;
  size?: number;
}

export interface KeysetPage<R> {
  rows: R[];
  /** Cursor of the next page's first neighbour, null on the last page */
  next: string | null;
  /** Cursor of the previous page's last neighbour, null on the first page */
  prev: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;

export function encodeCursor(c: Cursor): string {
  return `${c.at.getTime()}.${c.id}`;
}

/** The cursor in a page link, or null when there is none or it was tampered with. */
export function decodeCursor(raw: string | null | undefined): Cursor | null {
  const m = raw ? /^(-?\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(raw) : null;
  return m ? { at: new Date(Number(m[1])), id: m[2] } : null;
}

/**
 * The Prisma `where` condition, `orderBy` and `take` of one page ordered on
 * (field, id) in `dir`. Reading backwards (a "previous" link) runs the query in
 * the opposite order; keysetPage puts the rows back in reading order.
 */
export function keysetQuery<F extends string>(field: F, dir: SortDirection, page: PageRequest) {
  const size = page.size ?? DEFAULT_PAGE_SIZE;
  const backwards = !page.after && !!page.before;
  const cursor = page.after ?? page.before ?? null;
  const order: SortDirection = backwards ? (dir === "desc" ? "asc" : "desc") : dir;
  const beyond = order === "desc" ? "lt" : "gt";
  const upTo = order === "desc" ? "lte" : "gte";
  // The first condition bounds the index range; the second breaks ties on id.
  const where = cursor ? { AND: [{ [field]: { [upTo]: cursor.at } }, { OR: [{ [field]: { [beyond]: cursor.at } }, { id: { [beyond]: cursor.id } }] }] } : {};
  return {
    where,
    orderBy: [{ [field]: order }, { id: order }] as { [K in F | "id"]?: SortDirection }[],
    take: size + 1,
  };
}

/** The page from the rows keysetQuery fetched (one more than a page, to know whether more follow). */
export function keysetPage<R>(found: R[], page: PageRequest, cursorOf: (row: R) => Cursor): KeysetPage<R> {
  const size = page.size ?? DEFAULT_PAGE_SIZE;
  const backwards = !page.after && !!page.before;
  const cursor = page.after ?? page.before ?? null;
  const more = found.length > size;
  const rows = found.slice(0, size);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    next: last && (backwards || more) ? encodeCursor(cursorOf(last)) : null,
    prev: first && (backwards ? more : !!cursor) ? encodeCursor(cursorOf(first)) : null,
  };
}

/** The first, previous and next links of a page, keeping every other parameter of the list's address. */
export function pageLinks(path: string, base: URLSearchParams, page: KeysetPage<unknown>, request: PageRequest) {
  const link = (key: "after" | "before" | null, cursor: string | null) => {
    const p = new URLSearchParams(base);
    p.delete("after");
    p.delete("before");
    if (key && cursor) p.set(key, cursor);
    const q = p.toString();
    return q ? `${path}?${q}` : path;
  };
  return {
    first: request.after || request.before ? link(null, null) : null,
    prev: page.prev ? link("before", page.prev) : null,
    next: page.next ? link("after", page.next) : null,
  };
}

export type PageLinks = ReturnType<typeof pageLinks>;
