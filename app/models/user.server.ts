// Every Prisma query on users.
import { prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { isDemoEmail } from "~/domain/demo-users.ts";
import { refuse, type SaveResult } from "~/lib/form.ts";
import { lockedUntil } from "~/domain/sign-in-lock.ts";
import { hashPassword, verifyPassword } from "~/lib/password.server.ts";
import { writeAudit } from "./audit.server.ts";
import type { NewUserInput, UserRole } from "./user.schema.ts";

let dummyHash: Promise<string> | undefined;

/** What a sign-in answers: refused (always the same, whatever the reason), or signed in. */
export type SignInResult =
  { status: "failed" } | { status: "ok"; user: { id: string; email: string; name: string; role: string }; mustChangePassword: boolean };

const FAILED = { status: "failed" } as const;

/**
 * The first step of a sign-in: email and password. Unknown email, wrong
 * password, locked and deactivated accounts all look the same to the caller and
 * take about the same time (a hash is always verified). A wrong password is
 * counted by one atomic increment; a locked account is refused without counting.
 */
export async function verifySignIn(emailRaw: string, password: string): Promise<SignInResult> {
  const email = emailRaw.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email } });
  dummyHash ??= hashPassword("not-a-real-password");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !user.active) return FAILED;
  // A demo account's password is public: never a way into a production deployment.
  if (env().isProduction && isDemoEmail(user.email)) return FAILED;
  if (lockedUntil(user)) return FAILED;
  if (!ok) {
    await recordFailedSignIn(user.id);
    return FAILED;
  }
  return completeSignIn(user.id);
}

/** One more wrong sign-in: a single UPDATE ... SET failedLoginCount = failedLoginCount + 1, never a read-modify-write. */
async function recordFailedSignIn(id: string): Promise<void> {
  await prisma.user.update({ where: { id }, data: { failedLoginCount: { increment: 1 }, lastFailedLoginAt: new Date() } });
}

/**
 * Signs in once every factor is right: refused if the account is locked now, and
 * otherwise resets the count only if it is still the count just read
 * (compare-and-set), so a wrong sign-in counted meanwhile makes this one fail
 * rather than be erased.
 */
async function completeSignIn(id: string): Promise<SignInResult> {
  const now = new Date();
  const fresh = await prisma.user.findUnique({ where: { id } });
  if (!fresh || !fresh.active || lockedUntil(fresh, now)) return FAILED;
  const { count } = await prisma.user.updateMany({
    where: { id, failedLoginCount: fresh.failedLoginCount },
    data: { failedLoginCount: 0, lastFailedLoginAt: null, lastLoginAt: now },
  });
  if (count !== 1) return FAILED;
  return { status: "ok", user: { id: fresh.id, email: fresh.email, name: fresh.name, role: fresh.role }, mustChangePassword: fresh.mustChangePassword };
}

// ---------- Administration: every change is audited in its transaction ----------

const ADMIN_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  lastLoginAt: true,
  failedLoginCount: true,
  lastFailedLoginAt: true,
  mustChangePassword: true,
  createdAt: true,
} as const;

/** An account as the administrator's pages show it: with the end of its lock, if locked now. */
function withLock<U extends { failedLoginCount: number; lastFailedLoginAt: Date | null }>(u: U, now: Date) {
  return { ...u, lockedUntil: lockedUntil(u, now) };
}

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
  return users.map((u) => ({ ...withLock(u, now), liveSessions: counts.get(u.id) ?? 0 }));
}

export async function getUserForAdmin(id: string) {
  const user = await prisma.user.findUnique({ where: { id }, select: ADMIN_FIELDS });
  if (!user) return null;
  const now = new Date();
  const liveSessions = await prisma.session.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: now } } });
  return { ...withLock(user, now), liveSessions };
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
    await tx.user.update({ where: { id }, data: active ? { active, failedLoginCount: 0, lastFailedLoginAt: null } : { active } });
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

/** Lifts a lock and clears the count of wrong sign-ins (audited with the count it cleared). */
export async function unlockUser(id: string, actorId: string): Promise<UserSaveResult> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { failedLoginCount: true, lastFailedLoginAt: true } });
    if (!before) return MISSING;
    if (before.failedLoginCount === 0) return NOTHING_TO_CHANGE;
    await tx.user.update({ where: { id }, data: { failedLoginCount: 0, lastFailedLoginAt: null } });
    await writeAudit(tx, {
      actorId,
      action: "user_unlock",
      entityType: "user",
      entityId: id,
      before: { failedLoginCount: before.failedLoginCount, lockedUntil: lockedUntil(before)?.toISOString() ?? null },
      after: { failedLoginCount: 0 },
    });
    return { ok: true as const, id };
  });
}

/**
 * An administrator's reset: a temporary password the administrator hands over,
 * which must be replaced at the next sign-in; every session of the account ends.
 * The audit log records that it happened, never the password.
 */
export async function resetPasswordByAdmin(id: string, password: string, actorId: string): Promise<UserSaveResult> {
  if (id === actorId) return NOT_ON_SELF;
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { id: true } });
    if (!before) return MISSING;
    await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: true, failedLoginCount: 0, lastFailedLoginAt: null } });
    const { count } = await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actorId,
      action: "user_password_reset",
      entityType: "user",
      entityId: id,
      after: { mustChangePassword: true, sessionsRevoked: count },
    });
    return { ok: true as const, id };
  });
}

// ---------- One's own account ----------

const WRONG_PASSWORD = refuse("currentPassword", "wrongPassword");

/**
 * Changes one's own password after checking the current one; every other session
 * of the account ends (the one making the change stays signed in).
 */
export async function changeOwnPassword(id: string, currentPassword: string, newPassword: string, keepSessionId: string): Promise<UserSaveResult> {
  const user = await prisma.user.findUnique({ where: { id }, select: { passwordHash: true } });
  if (!user) return MISSING;
  if (!(await verifyPassword(user.passwordHash, currentPassword))) return WRONG_PASSWORD;
  if (await verifyPassword(user.passwordHash, newPassword)) return refuse("newPassword", "samePassword");
  const passwordHash = await hashPassword(newPassword);
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() } });
    const { count } = await tx.session.updateMany({ where: { userId: id, revokedAt: null, id: { not: keepSessionId } }, data: { revokedAt: new Date() } });
    await writeAudit(tx, { actorId: id, action: "password_change", entityType: "user", entityId: id, after: { otherSessionsRevoked: count } });
    return { ok: true as const, id };
  });
}

/** Names of users who appear in the audit log or may act (for the log's actor filter). */
export async function listUserNames() {
  return prisma.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}
