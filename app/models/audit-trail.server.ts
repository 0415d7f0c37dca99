// Writes audit events for the commitments feature (provisions, instruments,
// milestones, case–provision links, bulk suggestion runs). Always called with
// the transaction that makes the change, so that a change and its audit event
// are stored together or not at all. Only non-sensitive fields go in before/after.
import type { Db } from "~/lib/db.server.ts";

export type AuditDb = Pick<Db, "auditEvent">;

export interface AuditInput {
  actorId: string | null;
  /** create | update | link_accept | link_reject | link_create | links_suggest_run | ... */
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  summary?: string | null;
}

export async function recordAudit(tx: AuditDb, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before ? JSON.stringify(event.before) : null,
      after: event.after ? JSON.stringify(event.after) : null,
      summary: event.summary ?? null,
    },
  });
}

/** The fields that differ between two snapshots, so that an update's event shows what changed. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
