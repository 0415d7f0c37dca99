// Aggregates cached in process memory, keyed by what was asked and the data version:
// a counter that database triggers bump in the same transaction as any change to
// cases, links, figures, milestones, sources or provisions (the DataVersion model).
// The version is read once per request (one primary-key read), so several app servers
// on one database agree: none serves an aggregate computed before a write it can see.
// docs/decisions/077-data-versioned-cache.md
import { LRUCache } from "lru-cache";
import { databaseTarget, prisma, type Db } from "~/lib/db.server.ts";

/** The current data version (0 on a database whose counter row is missing). */
export async function getDataVersion(db: Db = prisma): Promise<number> {
  const row = await db.dataVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? 0;
}

// Bounded by entries and by an estimate of their size, so memory stays flat however
// many filter combinations readers try. A settled entry for an older version is never
// read again and ages out.
const cache = new LRUCache<string, { value: Promise<unknown>; size: number }>({
  max: 2000,
  maxSize: 64 * 1024 * 1024,
  sizeCalculation: (entry) => entry.size,
});

/**
 * The value for `key` at `version`, computed once per process (concurrent requests
 * share the one computation). `size` estimates an entry's bytes for the LRU bound.
 * A failed computation is not kept.
 */
export function memoByVersion<T>(key: string, version: number, make: () => Promise<T>, size: (value: T) => number = () => 4096): Promise<T> {
  const fullKey = keyOf(key, version);
  const hit = cache.get(fullKey);
  if (hit) return hit.value as Promise<T>;
  const value = make();
  const entry = { value: value as Promise<unknown>, size: 4096 };
  cache.set(fullKey, entry);
  value.then(
    (v) => {
      // Re-set with the real size once known (still the same promise).
      if (cache.get(fullKey) === entry) cache.set(fullKey, { value: entry.value, size: Math.max(1, size(v)) });
    },
    () => cache.delete(fullKey),
  );
  return value;
}

function keyOf(key: string, version: number): string {
  const target = databaseTarget();
  return `${target.kind}:${target.file ?? target.url}|${version}|${key}`;
}

/** True when `key` at `version` is kept or being computed: memoByVersion would not call `make`. */
export function isMemoized(key: string, version: number): boolean {
  return cache.has(keyOf(key, version));
}

/**
 * Keeps an export's body (PNG bytes, CSV text): `make` draws or writes it; `beforeMake`
 * runs first when this request would wait for a new body, not when it is kept (the
 * exports rate limit counts drawing, decision 120).
 */
export type ExportMemo = (make: () => Promise<string | Uint8Array>, beforeMake?: () => Promise<void>) => Promise<string | Uint8Array>;

/**
 * Keeps an export's body by what it shows (`key`) and the data version: a repeated
 * export is drawn or written once until the data change.
 */
export function exportMemo(key: unknown[], version?: number): ExportMemo {
  return async (make, beforeMake) => {
    const memoKey = JSON.stringify(["export", ...key]);
    const at = version ?? (await getDataVersion());
    if (beforeMake && !isMemoized(memoKey, at)) await beforeMake();
    return memoByVersion(memoKey, at, make, (body) => (typeof body === "string" ? body.length * 2 : body.byteLength));
  };
}

/** Empties the cache (tests). */
export function clearVersionCache(): void {
  cache.clear();
}
