// Every Prisma query on users.
import { prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { isDemoEmail } from "~/domain/demo-users.ts";
import { refuse, type SaveResult } from "~/lib/form.ts";
import { hashPassword, verifyPassword } from "~/lib/password.server.ts";
import { writeAudit } from "./audit.server.ts";
import type { NewUserInput, UserRole } from "./user.schema.ts";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60 * 1000;

let dummyHash: Promise<string> | undefined;

/**
 * The user whose email and password match, or null. Unknown email, wrong
 * password, locked and deactivated accounts all look the same to the caller and
 * take about the same time (a hash is always verified).
 */
export async function verifySignIn(emailRaw: string, password: string) {
  const email = emailRaw.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email } });
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !user.active) return null;
  // A demo account's password is public: never a way into a production deployment.
  if (env().isProduction && isDemoEmail(user.email)) return null;
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) return null;
  if (!ok) {
    const failed = user.failedLoginCount + 1;
    await prisma.user.update({
      where: { id: user.id },
      data: failed >= MAX_FAILED_SIGN_INS ? { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) } : { failedLoginCount: failed },
    });
    return null;
  }
  await prisma.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

// ---------- Administration: every change is audited in its transaction ----------

const ADMIN_FIELDS = { id: true, email: true, name: true, role: true, active: true, lastLoginAt: true, lockedUntil: true, createdAt: true } as const;

/** What the audit log may say about a user: never a password hash. */
function userAuditValues(u: { email: string; name: string; role: string; active: boolean }) {
  return { email: u.email, name: u.name, role: u.role, active: u.active };
}

export async function listUsers() {
  const now = new Date();
  const users = await prisma.user.findMany({ select: ADMIN_FIELDS, orderBy: [{ active: "desc" }, { email: "asc" }] });
  const live = await prisma.session.groupBy({
    by: ["userId"],
    where: { revokedAt: null, expiresAt: { gt: now } },
    _count: { _all: true },
  });
  const counts = new Map(live.map((s) => [s.userId, s._count._all]));
  return users.map((u) => ({ ...u, liveSessions: counts.get(u.id) ?? 0 }));
}

export async function getUserForAdmin(id: string) {
  const user = await prisma.user.findUnique({ where: { id }, select: ADMIN_FIELDS });
  if (!user) return null;
  const liveSessions = await prisma.session.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: new Date() } } });
  return { ...user, liveSessions };
}

type UserSaveResult = SaveResult<{ id: string }>;

// Refusals of an administrator's action on an account.
const EMAIL_TAKEN = refuse("email", "emailTaken");
const NOT_ON_SELF = refuse("form", "notOnSelf");
const NOTHING_TO_CHANGE = refuse("form", "nothingToChange");
const MISSING = { ok: false, missing: true } as const;

export async function createUser(input: NewUserInput, actorId: string): Promise<UserSaveResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) return EMAIL_TAKEN;
      const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: ADMIN_FIELDS });
      await writeAudit(tx, { actorId, action: "user_create", entityType: "user", entityId: user.id, after: userAuditValues(user) });
      return { ok: true as const, id: user.id };
    });
  } catch (error) {
    // Two admins creating the same email at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") return EMAIL_TAKEN;
    throw error;
  }
}

/** Administrators cannot change their own role or deactivate themselves, so one admin always remains. */
export async function changeUserRole(id: string, role: UserRole, actorId: string): Promise<UserSaveResult> {
  if (id === actorId) return NOT_ON_SELF;
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: ADMIN_FIELDS });
    if (!before) return MISSING;
    if (before.role === role) return NOTHING_TO_CHANGE;
    const after = await tx.user.update({ where: { id }, data: { role }, select: ADMIN_FIELDS });
    await writeAudit(tx, { actorId, action: "user_role", entityType: "user", entityId: id, before: { role: before.role }, after: { role: after.role } });
    return { ok: true as const, id };
  });
}

/** Deactivating also ends every session of the user at once. */
export async function setUserActive(id: string, active: boolean, actorId: string): Promise<UserSaveResult> {
  if (id === actorId) return NOT_ON_SELF;
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: ADMIN_FIELDS });
    if (!before) return MISSING;
    if (before.active === active) return NOTHING_TO_CHANGE;
    await tx.user.update({ where: { id }, data: active ? { active, failedLoginCount: 0, lockedUntil: null } : { active } });
    let revoked = 0;
    if (!active) revoked = (await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } })).count;
    await writeAudit(tx, {
      actorId,
      action: active ? "user_reactivate" : "user_deactivate",
      entityType: "user",
      entityId: id,
      before: { active: before.active },
      after: { active, ...(active ? {} : { sessionsRevoked: revoked }) },
    });
    return { ok: true as const, id };
  });
}

export async function revokeSessionsOfUser(id: string, actorId: string): Promise<SaveResult<{ id: string; revoked: number }>> {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id }, select: { id: true } });
    if (!user) return MISSING;
    const { count } = await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actorId, action: "user_revoke_sessions", entityType: "user", entityId: id, after: { sessionsRevoked: count } });
    return { ok: true as const, id, revoked: count };
  });
}

/** Names of users who appear in the audit log or may act (for the log's actor filter). */
export async function listUserNames() {
  return prisma.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}
