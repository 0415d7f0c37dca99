// Every Prisma query on the audit log. Events are written by the model function
// that makes the change, inside the same transaction, so a change and its record
// are stored together or not at all. Events carry non-sensitive fields only.
import { insertMany, newId, type RawExecutor } from "~/lib/bulk-insert.server.ts";
import type { DatabaseKind } from "~/lib/database-url.ts";
import { prisma, type Prisma } from "~/lib/db.server.ts";
import { keysetPage, keysetQuery, type KeysetPage, type PageRequest } from "~/lib/keyset.ts";

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
  "user_unlock",
  "user_password_reset",
  "password_change",
  "totp_enable",
  "totp_disable",
  "totp_remove",
  "totp_recovery_used",
  "totp_recovery_codes",
  "link_accept",
  "link_reject",
  "link_create",
  "links_suggest_run",
  "gw_import",
  "gw_import_keep",
  "case_export",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITY_TYPES = ["incident", "user", "provision", "instrument", "milestone", "link", "link_job", "gw_import", "case_list"] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export type AuditValues = Record<string, unknown>;

/**
 * A part of Vigía that acts when no person did (a rules run at first start or
 * from `npm run links:suggest`), with the version of what it ran. Stored as
 * "<part>:<version>" in AuditEvent.systemActor.
 */
export interface SystemActor {
  /** rules: a run of the link rules; import: a Global Witness import from the command line; setup: npm start's own changes (demo accounts) */
  part: (typeof SYSTEM_PARTS)[number];
  version: string;
}

const SYSTEM_PARTS = ["rules", "import", "setup"] as const;

function encodeSystemActor(actor: SystemActor): string {
  return `${actor.part}:${actor.version}`;
}

function decodeSystemActor(raw: string | null): SystemActor | null {
  const m = raw ? /^([a-z]+):(.+)$/.exec(raw) : null;
  return m && (SYSTEM_PARTS as readonly string[]).includes(m[1]) ? { part: m[1] as SystemActor["part"], version: m[2] } : null;
}

interface AuditFields {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  before?: AuditValues | null;
  after?: AuditValues | null;
  summary?: string | null;
}

/** Every event names who acted: a person, or (never both) a part of Vigía. */
export type AuditActorRef = { actorId: string; system?: never } | { actorId: null; system: SystemActor };
export type AuditInput = AuditFields & AuditActorRef;

/** Any client or transaction that can write audit events. */
export type AuditDb = Pick<Tx, "auditEvent">;

/**
 * The row of one audit event. Given both a before and an after, it keeps only
 * what changed (auditDiff), so no caller has to remember to.
 */
function auditRow(event: AuditInput) {
  const { before, after } = event.before && event.after ? auditDiff(event.before, event.after) : { before: event.before, after: event.after };
  return {
    actorId: event.actorId,
    systemActor: event.system ? encodeSystemActor(event.system) : null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: before && Object.keys(before).length ? JSON.stringify(before) : null,
    after: after && Object.keys(after).length ? JSON.stringify(after) : null,
    summary: event.summary ?? null,
  };
}

/** The one writer of audit events. */
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

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What a change changed: the keys whose values differ between the two
 * snapshots. A key that only one side has is kept as it is (a flag such as
 * staffOnlyFieldsChanged says something by being there).
 */
export function auditDiff(before: AuditValues, after: AuditValues): { before: AuditValues; after: AuditValues } {
  const b: AuditValues = {};
  const a: AuditValues = {};
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key) || !same(before[key], after[key])) b[key] = before[key];
  for (const key of Object.keys(after)) if (!Object.hasOwn(before, key) || !same(before[key], after[key])) a[key] = after[key];
  return { before: b, after: a };
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

export interface AuditEventView {
  id: string;
  createdAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  /** Only what changed (events written before writeAudit kept only changes are read the same way) */
  before: AuditValues | null;
  after: AuditValues | null;
  summary: string | null;
  /** The person who acted; null for the system or a deleted user */
  actor: { id: string; name: string; email: string } | null;
  /** The part of Vigía that acted, when no person did */
  system: SystemActor | null;
}

export type AuditPage = KeysetPage<AuditEventView>;

const parse = (json: string | null): AuditValues | null => {
  if (!json) return null;
  try {
    return JSON.parse(json) as AuditValues;
  } catch {
    return null;
  }
};

const eventSelect = {
  id: true,
  createdAt: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  summary: true,
  systemActor: true,
  actor: { select: { id: true, name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

function toView({ systemActor, ...row }: Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>): AuditEventView {
  const before = parse(row.before);
  const after = parse(row.after);
  const changes = before && after ? auditDiff(before, after) : { before, after };
  return { ...row, ...changes, system: decodeSystemActor(systemActor) };
}

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listAuditEvents(filter: AuditFilter, page: PageRequest = {}): Promise<AuditPage> {
  const query = keysetQuery("createdAt", "desc", page);
  const rows = await prisma.auditEvent.findMany({ ...query, where: { AND: [auditWhere(filter), query.where] }, select: eventSelect });
  const result = keysetPage(rows, page, (r) => ({ at: r.createdAt, id: r.id }));
  return { ...result, rows: result.rows.map(toView) };
}

/** One record's history, newest first (the case page shows it to staff). */
export async function listEntityHistory(entityType: AuditEntityType, entityId: string, take = 100): Promise<AuditEventView[]> {
  const rows = await prisma.auditEvent.findMany({
    where: { entityType, entityId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: eventSelect,
  });
  return rows.map(toView);
}
