// Every Prisma query on the audit log. Events are written by the model function
// that makes the change, inside the same transaction, so a change and its record
// are stored together or not at all. Events carry non-sensitive fields only.
import { insertMany, newId, type RawExecutor } from "~/lib/bulk-insert.server.ts";
import type { DatabaseKind } from "~/lib/database-url.ts";
import { prisma, type Prisma } from "~/lib/db.server.ts";

export type Tx = Prisma.TransactionClient;

export const AUDIT_ACTIONS = [
  "create",
  "update",
  "verify",
  "delete",
  "restore",
  "purge",
  "user_create",
  "user_role",
  "user_deactivate",
  "user_reactivate",
  "user_revoke_sessions",
  "link_accept",
  "link_reject",
  "link_create",
  "links_suggest_run",
  "gw_import",
  "gw_import_keep",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = ["incident", "user", "provision", "instrument", "milestone", "link", "link_job", "gw_import"] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export type AuditValues = Record<string, unknown>;

export interface AuditInput {
  /** Null for work no person started (a command-line run). */
  actorId: string | null;
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  before?: AuditValues | null;
  after?: AuditValues | null;
  summary?: string | null;
}

/** Any client or transaction that can write audit events. */
export type AuditDb = Pick<Tx, "auditEvent">;

function auditRow(event: AuditInput) {
  return {
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ? JSON.stringify(event.before) : null,
    after: event.after ? JSON.stringify(event.after) : null,
    summary: event.summary ?? null,
  };
}

export async function writeAudit(tx: AuditDb, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({ data: auditRow(event) });
}

/** Many events at once (a bulk import's records), in few statements; the same rows writeAudit writes. */
export async function writeAudits(tx: RawExecutor, kind: DatabaseKind, events: AuditInput[]): Promise<void> {
  const createdAt = new Date();
  await insertMany(
    tx,
    kind,
    "AuditEvent",
    events.map((e) => ({ id: newId(), ...auditRow(e), createdAt })),
  );
}

/** Only the keys whose values differ, as {before, after}; null when nothing changed. */
export function auditDiff(before: AuditValues, after: AuditValues): { before: AuditValues; after: AuditValues } | null {
  const b: AuditValues = {};
  const a: AuditValues = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

export interface AuditFilter {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Inclusive, YYYY-MM-DD (UTC) */
  from?: string;
  to?: string;
}

export interface AuditCursor {
  at: Date;
  id: string;
}

export function encodeAuditCursor(c: AuditCursor): string {
  return `${c.at.getTime()}.${c.id}`;
}

export function decodeAuditCursor(raw: string | null): AuditCursor | null {
  const m = raw ? /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/.exec(raw) : null;
  return m ? { at: new Date(Number(m[1])), id: m[2] } : null;
}

function auditWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.actorId) and.push({ actorId: filter.actorId });
  if (filter.action) and.push({ action: filter.action });
  if (filter.entityType) and.push({ entityType: filter.entityType });
  if (filter.entityId) and.push({ entityId: filter.entityId });
  if (filter.from) and.push({ createdAt: { gte: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to) and.push({ createdAt: { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } });
  return { AND: and };
}

export interface AuditPage {
  events: {
    id: string;
    createdAt: Date;
    action: string;
    entityType: string;
    entityId: string;
    before: AuditValues | null;
    after: AuditValues | null;
    summary: string | null;
    actor: { id: string; name: string; email: string } | null;
  }[];
  next: string | null;
  prev: string | null;
}

const parse = (json: string | null): AuditValues | null => {
  if (!json) return null;
  try {
    return JSON.parse(json) as AuditValues;
  } catch {
    return null;
  }
};

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listAuditEvents(
  filter: AuditFilter,
  page: { after?: AuditCursor | null; before?: AuditCursor | null; size?: number } = {},
): Promise<AuditPage> {
  const size = page.size ?? 50;
  const backwards = !page.after && !!page.before;
  const cursor = page.after ?? page.before;
  const and: Prisma.AuditEventWhereInput[] = [auditWhere(filter)];
  if (cursor) {
    const op = backwards ? "gt" : "lt";
    // The first condition bounds the index range; the second breaks ties on id.
    and.push({ createdAt: { [backwards ? "gte" : "lte"]: cursor.at } });
    and.push({ OR: [{ createdAt: { [op]: cursor.at } }, { id: { [op]: cursor.id } }] });
  }
  const dir = backwards ? "asc" : "desc";
  const rows = await prisma.auditEvent.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: dir }, { id: dir }],
    take: size + 1,
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  const more = rows.length > size;
  const pageRows = rows.slice(0, size);
  if (backwards) pageRows.reverse();
  const first = pageRows[0];
  const last = pageRows[pageRows.length - 1];
  return {
    events: pageRows.map((r) => ({ ...r, before: parse(r.before), after: parse(r.after) })),
    next: last && (backwards || more) ? encodeAuditCursor({ at: last.createdAt, id: last.id }) : null,
    prev: first && (backwards ? more : !!cursor) ? encodeAuditCursor({ at: first.createdAt, id: first.id }) : null,
  };
}

/** One record's history, newest first (the case page shows it to staff). */
export async function listEntityHistory(entityType: AuditEntityType, entityId: string, take = 100) {
  const rows = await prisma.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((r) => ({ ...r, before: parse(r.before), after: parse(r.after) }));
}

export async function countAuditEvents(filter: AuditFilter = {}): Promise<number> {
  return prisma.auditEvent.count({ where: auditWhere(filter) });
}
