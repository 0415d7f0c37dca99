// Optimistic locking, one scheme for every record staff edit (case records,
// instruments, provisions, milestones): an integer `version`, named by each edit
// and incremented by each save, in one UPDATE ... WHERE id AND version.
import type { StoredVersion } from "~/lib/form.ts";
import { listEntityHistory, type AuditEntityType } from "./audit.server.ts";

/** The newer version a refused save ran into, with who saved it as the audit log records it. */
export async function storedVersion<V>(
  entityType: AuditEntityType,
  entityId: string,
  record: { values: V; version: number; updatedAt: Date; updatedBy?: string | null },
): Promise<StoredVersion<V>> {
  const [latest] = await listEntityHistory(entityType, entityId, 1);
  return {
    values: record.values,
    version: record.version,
    savedBy: latest?.actor?.name ?? record.updatedBy ?? null,
    savedAt: (latest?.createdAt ?? record.updatedAt).toISOString(),
  };
}

/** Thrown inside a save's transaction when the record moved on: the transaction rolls back. */
export class StaleVersion extends Error {
  constructor() {
    super("The record was saved by someone else in between");
  }
}

/**
 * Runs a versioned save. A StaleVersion thrown inside it (rolling back anything
 * the save had written) becomes the 409 of SaveResult, with the newer version;
 * a record gone in between becomes `missing`.
 */
export async function refuseStale<R, C>(
  save: () => Promise<R>,
  newer: () => Promise<C | null>,
): Promise<R | { ok: false; conflict: C } | { ok: false; missing: true }> {
  try {
    return await save();
  } catch (error) {
    if (!(error instanceof StaleVersion)) throw error;
    const current = await newer();
    return current ? { ok: false, conflict: current } : { ok: false, missing: true };
  }
}
