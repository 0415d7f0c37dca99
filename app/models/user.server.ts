// Every Prisma query on users.
import { randomInt } from "node:crypto";
import { prisma } from "~/lib/db.server.ts";
import { env } from "~/lib/env.server.ts";
import { isDemoEmail } from "~/domain/demo-users.ts";
import { refuse, type SaveResult } from "~/lib/form.ts";
import { lockedUntil } from "~/domain/sign-in-lock.ts";
import { decryptField, encryptField, needsRewrite } from "~/lib/field-crypto.server.ts";
import { hashPassword, verifyPassword } from "~/lib/password.server.ts";
import { isTotpCodeShape, newTotpSecret, normaliseCode, verifyTotpCode } from "~/lib/totp.server.ts";
import { writeAudit, type Tx } from "./audit.server.ts";
import type { NewUserInput, UserRole } from "./user.schema.ts";

let dummyHash: Promise<string> | undefined;

/** What a sign-in step answers: refused (always the same, whatever the reason), a second factor to ask for, or signed in. */
export type SignInResult =
  | { status: "failed" }
  | { status: "code"; userId: string }
  | { status: "ok"; user: { id: string; email: string; name: string; role: string }; mustChangePassword: boolean };

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
  // A right password on an account with a second factor grants nothing yet: the
  // count of wrong sign-ins is cleared only once the code is right too.
  if (user.totpEnabledAt) return { status: "code", userId: user.id };
  return completeSignIn(user.id);
}

/** The email of an account waiting for its second factor: the per-account rate limit counts both steps under it. */
export async function signInEmailOf(userId: string): Promise<string | null> {
  return (await prisma.user.findUnique({ where: { id: userId }, select: { email: true } }))?.email ?? null;
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

/**
 * The second step for an account with TOTP (docs/decisions/105): a current code
 * from the authenticator, never one accepted before, or one unused recovery code
 * (used up here). A wrong code counts as a wrong sign-in, so the same lock
 * (decision 094) bounds guessing; a locked account is refused without counting.
 */
export async function verifySecondFactor(userId: string, codeRaw: string, now: number = Date.now()): Promise<SignInResult> {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user || !user.active || !user.totpSecret || !user.totpEnabledAt) return FAILED;
  if (env().isProduction && isDemoEmail(user.email)) return FAILED;
  if (lockedUntil(user, new Date(now))) return FAILED;
  const used = await useSecondFactor(user, codeRaw, now);
  if (!used) {
    await recordFailedSignIn(user.id);
    return FAILED;
  }
  if (used === "recovery") {
    const left = await prisma.recoveryCode.count({ where: { userId, usedAt: null } });
    await writeAudit(prisma, { actorId: userId, action: "totp_recovery_used", entityType: "user", entityId: userId, after: { recoveryCodesLeft: left } });
  }
  return completeSignIn(user.id);
}

type TotpUser = { id: string; totpSecret: string | null; totpLastStep: number | null };

/** Spends a code of an enrolled account: "totp" or "recovery" for the kind used, false when it is not right (or was used before). */
async function useSecondFactor(user: TotpUser, codeRaw: string, now: number): Promise<"totp" | "recovery" | false> {
  const code = normaliseCode(codeRaw);
  if (isTotpCodeShape(code)) return (await useTotpCode(user, code, now)) ? "totp" : false;
  return (await useRecoveryCode(user.id, code)) ? "recovery" : false;
}

/**
 * Accepts a TOTP code once: its time step must be later than the last one
 * accepted, written by compare-and-set, so a replayed code, or the same code
 * posted twice at once, fails.
 */
async function useTotpCode(user: TotpUser, code: string, now: number): Promise<boolean> {
  if (!user.totpSecret) return false;
  const step = await verifyTotpCode(decryptField(user.totpSecret)!, code, now, user.totpLastStep);
  if (step === null) return false;
  const { count } = await prisma.user.updateMany({
    where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** Spends a recovery code: the first request to mark it used wins, so a code works once even when posted twice at once. */
async function useRecoveryCode(userId: string, codeRaw: string): Promise<boolean> {
  const code = codeRaw.toLowerCase();
  if (!/^[a-z0-9]{10}$/.test(code)) return false;
  const codes = await prisma.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  for (const c of codes) {
    if (await verifyPassword(c.codeHash, code)) {
      const { count } = await prisma.recoveryCode.updateMany({ where: { id: c.id, usedAt: null }, data: { usedAt: new Date() } });
      return count === 1;
    }
  }
  return false;
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
  totpEnabledAt: true,
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
 * Ends every open session of an account but the one making a change (a new
 * password, a second factor put in force): whoever held an old session, say on a
 * lost or seized phone, must sign in again under the new rule. Answers how many ended.
 */
async function endOtherSessions(tx: Tx, userId: string, keepSessionId: string): Promise<number> {
  const { count } = await tx.session.updateMany({ where: { userId, revokedAt: null, id: { not: keepSessionId } }, data: { revokedAt: new Date() } });
  return count;
}

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
    const count = await endOtherSessions(tx, id, keepSessionId);
    await writeAudit(tx, { actorId: id, action: "password_change", entityType: "user", entityId: id, after: { otherSessionsRevoked: count } });
    return { ok: true as const, id };
  });
}

/**
 * An administrator removes someone's second factor (a lost phone and lost
 * recovery codes): the secret and every recovery code go, audited; never on
 * one's own account, which turns it off on /account/two-factor with password and code.
 */
export async function removeSecondFactorByAdmin(id: string, actorId: string): Promise<UserSaveResult> {
  if (id === actorId) return NOT_ON_SELF;
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { totpSecret: true, totpEnabledAt: true } });
    if (!before) return MISSING;
    if (!before.totpSecret && !before.totpEnabledAt) return NOTHING_TO_CHANGE;
    await tx.user.update({ where: { id }, data: NO_SECOND_FACTOR });
    const { count } = await tx.recoveryCode.deleteMany({ where: { userId: id } });
    await writeAudit(tx, {
      actorId,
      action: "totp_remove",
      entityType: "user",
      entityId: id,
      before: { secondFactor: before.totpEnabledAt ? "on" : "enrolling" },
      after: { secondFactor: "off", recoveryCodesDeleted: count },
    });
    return { ok: true as const, id };
  });
}

// ---------- One's own second factor (docs/decisions/105) ----------

const NO_SECOND_FACTOR = { totpSecret: null, totpEnabledAt: null, totpLastStep: null } as const;

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten characters without look-alikes (no i, l, o, 0, 1): about 50 bits, shown as "abcde-fghjk". */
function newRecoveryCode(): string {
  return Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
}

/** How a recovery code is shown: two groups of five. */
export function formatRecoveryCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** What /account/two-factor shows: whether it is on, how many recovery codes are left, and the secret while enrolling. */
export async function getTwoFactorState(id: string) {
  const user = await prisma.user.findUnique({ where: { id }, select: { email: true, totpSecret: true, totpEnabledAt: true } });
  if (!user) return null;
  const recoveryCodesLeft = user.totpEnabledAt ? await prisma.recoveryCode.count({ where: { userId: id, usedAt: null } }) : 0;
  return {
    email: user.email,
    enabledAt: user.totpEnabledAt,
    recoveryCodesLeft,
    pendingSecret: user.totpSecret && !user.totpEnabledAt ? decryptField(user.totpSecret) : null,
  };
}

/** Starts (or restarts) enrolling an authenticator: a new secret, encrypted at rest, not in force until a code from it is confirmed. */
export async function startTotpEnrolment(id: string): Promise<UserSaveResult> {
  const { count } = await prisma.user.updateMany({
    where: { id, totpEnabledAt: null },
    data: { totpSecret: encryptField(newTotpSecret()), totpLastStep: null },
  });
  return count === 1 ? { ok: true, id } : NOTHING_TO_CHANGE;
}

/** Drops an enrolment that was started and never confirmed. */
export async function cancelTotpEnrolment(id: string): Promise<UserSaveResult> {
  const { count } = await prisma.user.updateMany({ where: { id, totpEnabledAt: null, totpSecret: { not: null } }, data: NO_SECOND_FACTOR });
  return count === 1 ? { ok: true, id } : NOTHING_TO_CHANGE;
}

async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return { codes, hashes: await Promise.all(codes.map((c) => hashPassword(c))) };
}

/**
 * Puts the second factor in force once a code from the authenticator is right,
 * ends the account's other sessions (signed in with the password alone), and
 * answers the recovery codes: shown once, stored only as argon2 hashes. The
 * audit log records that it happened, never the secret or a code.
 */
export async function confirmTotpEnrolment(
  id: string,
  codeRaw: string,
  keepSessionId: string,
  now: number = Date.now(),
): Promise<SaveResult<{ recoveryCodes: string[] }>> {
  const user = await prisma.user.findUnique({ where: { id }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user) return MISSING;
  if (!user.totpSecret || user.totpEnabledAt) return NOTHING_TO_CHANGE;
  const step = await verifyTotpCode(decryptField(user.totpSecret)!, normaliseCode(codeRaw), now);
  if (step === null) return refuse("code", "wrongCode");
  const { codes, hashes } = await newRecoveryCodes();
  return prisma.$transaction(async (tx) => {
    // Only the secret this code was checked against, and only once (two tabs confirming at once).
    const { count } = await tx.user.updateMany({
      where: { id, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: new Date(now), totpLastStep: step },
    });
    if (count !== 1) return NOTHING_TO_CHANGE;
    await tx.recoveryCode.deleteMany({ where: { userId: id } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: id, codeHash })) });
    const otherSessionsRevoked = await endOtherSessions(tx, id, keepSessionId);
    await writeAudit(tx, {
      actorId: id,
      action: "totp_enable",
      entityType: "user",
      entityId: id,
      after: { secondFactor: "on", recoveryCodes: RECOVERY_CODE_COUNT, otherSessionsRevoked },
    });
    return { ok: true as const, recoveryCodes: codes };
  });
}

/** The password and a code (from the app, or a recovery code) of an enrolled account: both spent or refused. */
async function checkPasswordAndCode(id: string, password: string, code: string, now: number) {
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, passwordHash: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!user) return MISSING;
  if (!user.totpEnabledAt) return NOTHING_TO_CHANGE;
  if (!(await verifyPassword(user.passwordHash, password))) return refuse("password", "wrongPassword");
  if (!(await useSecondFactor(user, code, now))) return refuse("code", "wrongCode");
  return null;
}

/** Turns one's own second factor off: the password and a code are both needed, so a session left open is not enough. */
export async function disableTotp(id: string, password: string, code: string, now: number = Date.now()): Promise<UserSaveResult> {
  const refused = await checkPasswordAndCode(id, password, code, now);
  if (refused) return refused;
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: NO_SECOND_FACTOR });
    await tx.recoveryCode.deleteMany({ where: { userId: id } });
    await writeAudit(tx, {
      actorId: id,
      action: "totp_disable",
      entityType: "user",
      entityId: id,
      before: { secondFactor: "on" },
      after: { secondFactor: "off" },
    });
    return { ok: true as const, id };
  });
}

/** A new set of recovery codes (the old ones stop working), after the password and a code. */
export async function regenerateRecoveryCodes(
  id: string,
  password: string,
  code: string,
  now: number = Date.now(),
): Promise<SaveResult<{ recoveryCodes: string[] }>> {
  const refused = await checkPasswordAndCode(id, password, code, now);
  if (refused) return refused;
  const { codes, hashes } = await newRecoveryCodes();
  return prisma.$transaction(async (tx) => {
    await tx.recoveryCode.deleteMany({ where: { userId: id } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId: id, codeHash })) });
    await writeAudit(tx, { actorId: id, action: "totp_recovery_codes", entityType: "user", entityId: id, after: { recoveryCodes: RECOVERY_CODE_COUNT } });
    return { ok: true as const, recoveryCodes: codes };
  });
}

/** `npm run keys:rotate`: rewrites every TOTP secret not under DATA_KEY (decision 102), one row at a time. */
export async function reencryptTotpSecrets(): Promise<{ rows: number; rewritten: number }> {
  const rows = await prisma.user.findMany({ where: { totpSecret: { not: null } }, select: { id: true, totpSecret: true } });
  let rewritten = 0;
  for (const row of rows) {
    if (!needsRewrite(row.totpSecret)) continue;
    // Compare-and-set on the value read: a secret changed meanwhile (a new enrolment) is left as it is.
    const { count } = await prisma.user.updateMany({
      where: { id: row.id, totpSecret: row.totpSecret },
      data: { totpSecret: encryptField(decryptField(row.totpSecret)) },
    });
    rewritten += count;
  }
  return { rows: rows.length, rewritten };
}

/** Names of users who appear in the audit log or may act (for the log's actor filter). */
export async function listUserNames() {
  return prisma.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
}
