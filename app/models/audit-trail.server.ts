// Writes audit events for the commitments feature (provisions, instruments,
// milestones, case–provision links, bulk suggestion runs). Always called with
// the transaction that makes the change, so that a change and its audit event
// are stored together or not at all. Only non-sensitive fields go in before/after.

// One writer for every audit event (app/models/audit.server.ts).
export { writeAudit as recordAudit, type AuditDb, type AuditInput } from "./audit.server.ts";

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
