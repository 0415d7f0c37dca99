// The TOTP second factor in the model (docs/decisions/105), with a controlled
// clock: codes of one step either side are accepted, no code is accepted twice,
// a recovery code works once, the secret is encrypted at rest and rotated.
import { randomBytes } from "node:crypto";
import { generate } from "otplib";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { FREE_FAILURES } from "~/domain/sign-in-lock.ts";
import { readDataKeys, resetDataKeys, storedKeyId } from "~/lib/field-crypto.server.ts";
import { hashPassword } from "~/lib/password.server.ts";
import {
  confirmTotpEnrolment,
  disableTotp,
  getTwoFactorState,
  reencryptTotpSecrets,
  regenerateRecoveryCodes,
  RECOVERY_CODE_COUNT,
  startTotpEnrolment,
  verifySecondFactor,
  verifySignIn,
} from "~/models/user.server.ts";

const PASSWORD = "a-long-enough-password-2026";
/** A fixed moment in the middle of a 30-second step. */
const T = Date.UTC(2026, 10, 30, 12, 0, 15);
const STEP = 30_000;

async function newAccount(email: string) {
  return prisma.user.create({ data: { email, name: email, role: "staff", passwordHash: await hashPassword(PASSWORD) } });
}

/** The code an authenticator shows at `at` (milliseconds). */
function codeAt(secret: string, at: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(at / 1000) });
}

/** An account with the second factor on, enrolled at T - 10 steps; its secret and recovery codes. */
async function enrolled(email: string) {
  const user = await newAccount(email);
  expect((await startTotpEnrolment(user.id)).ok).toBe(true);
  const secret = (await getTwoFactorState(user.id))!.pendingSecret!;
  const confirmed = await confirmTotpEnrolment(user.id, await codeAt(secret, T - 10 * STEP), "enrolling-session", T - 10 * STEP);
  if (!confirmed.ok) throw new Error("enrolment refused");
  return { user, secret, recoveryCodes: confirmed.recoveryCodes };
}

const ok = (r: { status: string }) => r.status === "ok";

function setKeys(current: string | undefined, previous?: string) {
  if (current) process.env.DATA_KEY = current;
  else delete process.env.DATA_KEY;
  if (previous) process.env.DATA_KEY_PREVIOUS = previous;
  else delete process.env.DATA_KEY_PREVIOUS;
  resetDataKeys();
}
/** Every row of this file is written under keyA, so that the rotation at the end can read them all with it as the previous key. */
const keyA = randomBytes(32).toString("base64");
beforeEach(() => setKeys(keyA));
afterAll(() => setKeys(undefined));

describe("enrolment", () => {
  it("keeps the secret encrypted at rest and turns on only with a right code; recovery codes are shown once and stored hashed", async () => {
    const user = await newAccount("enrol@vigia.test");
    await startTotpEnrolment(user.id);
    const raw = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const secret = (await getTwoFactorState(user.id))!.pendingSecret!;
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(raw.totpSecret).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(raw.totpSecret).not.toContain(secret);
    expect(raw.totpEnabledAt).toBeNull();
    // Not in force yet: the password alone still signs in.
    expect((await verifySignIn(user.email, PASSWORD)).status).toBe("ok");

    // Two sessions open with the password alone: the one enrolling, and another (a lost phone, say).
    const expiresAt = new Date(T + 3600_000);
    await prisma.session.createMany({
      data: [
        { id: "enrolling-here", userId: user.id, expiresAt },
        { id: "open-elsewhere", userId: user.id, expiresAt },
      ],
    });
    const wrong = await confirmTotpEnrolment(user.id, await codeAt(secret, T + 5 * STEP), "enrolling-here", T);
    expect(wrong).toMatchObject({ ok: false, errors: { code: { key: "wrongCode" } } });
    // A wrong code ends no session.
    expect(await prisma.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(2);
    const confirmed = await confirmTotpEnrolment(user.id, await codeAt(secret, T), "enrolling-here", T);
    if (!confirmed.ok) throw new Error("refused");
    expect(confirmed.recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(confirmed.recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    for (const row of stored) {
      expect(row.codeHash).toMatch(/^\$argon2id\$/);
      for (const code of confirmed.recoveryCodes) expect(row.codeHash).not.toContain(code);
    }
    // In force: the other session ends, the one that enrolled stays signed in.
    const sessions = await prisma.session.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
    expect(sessions.map((x) => [x.id, x.revokedAt === null])).toEqual([
      ["enrolling-here", true],
      ["open-elsewhere", false],
    ]);
    const state = await getTwoFactorState(user.id);
    expect(state).toMatchObject({ pendingSecret: null, recoveryCodesLeft: RECOVERY_CODE_COUNT });
    expect(state!.enabledAt).not.toBeNull();
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "totp_enable", entityId: user.id } });
    expect(JSON.parse(String(audit.after))).toMatchObject({ secondFactor: "on", otherSessionsRevoked: 1 });
    expect(`${audit.before}${audit.after}`).not.toContain(secret);
    for (const code of confirmed.recoveryCodes) expect(`${audit.before}${audit.after}`).not.toContain(code);
    // Confirming again changes nothing.
    expect((await confirmTotpEnrolment(user.id, await codeAt(secret, T + STEP), "enrolling-here", T + STEP)).ok).toBe(false);
  });
});

describe("the second step", () => {
  it("a right password on an enrolled account asks for the code and grants nothing yet", async () => {
    const { user } = await enrolled("step@vigia.test");
    await prisma.user.update({ where: { id: user.id }, data: { failedLoginCount: 2, lastFailedLoginAt: new Date(T) } });
    expect(await verifySignIn(user.email, PASSWORD)).toEqual({ status: "code", userId: user.id });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.failedLoginCount).toBe(2);
    expect(after.lastLoginAt).toBeNull();
  });

  it("accepts codes one step either side of now, not two", async () => {
    const { user, secret } = await enrolled("window@vigia.test");
    expect(ok(await verifySecondFactor(user.id, await codeAt(secret, T - 2 * STEP), T))).toBe(false);
    expect(ok(await verifySecondFactor(user.id, await codeAt(secret, T + 2 * STEP), T))).toBe(false);
    expect(ok(await verifySecondFactor(user.id, await codeAt(secret, T - STEP), T))).toBe(true);
    expect(ok(await verifySecondFactor(user.id, await codeAt(secret, T), T))).toBe(true);
    // Typed with a space in the middle, as some apps show it.
    const next = await codeAt(secret, T + STEP);
    expect(ok(await verifySecondFactor(user.id, `${next.slice(0, 3)} ${next.slice(3)}`, T))).toBe(true);
  });

  it("never accepts a code twice, nor an earlier one after a later one, even posted at once", async () => {
    const { user, secret } = await enrolled("replay@vigia.test");
    const now = await codeAt(secret, T);
    // At most one wins; the loser counts as a wrong sign-in, which may also refuse the winner (decision 094: a failure counted meanwhile wins).
    const twice = await Promise.all([verifySecondFactor(user.id, now, T), verifySecondFactor(user.id, now, T + 1000)]);
    expect(twice.filter(ok).length).toBeLessThanOrEqual(1);
    expect(ok(await verifySecondFactor(user.id, now, T + 2000))).toBe(false);
    // Still valid by the clock (one step back), but earlier than the one accepted.
    expect(ok(await verifySecondFactor(user.id, await codeAt(secret, T - STEP), T))).toBe(false);
    expect(ok(await verifySecondFactor(user.id, await codeAt(secret, T + STEP), T + STEP))).toBe(true);
  });

  it("a recovery code works once, however it is typed, and is audited", async () => {
    const { user, recoveryCodes } = await enrolled("recovery@vigia.test");
    const [first] = recoveryCodes;
    const typed = ` ${first.slice(0, 5).toUpperCase()}-${first.slice(5)} `;
    expect(ok(await verifySecondFactor(user.id, typed, T))).toBe(true);
    expect(ok(await verifySecondFactor(user.id, first, T))).toBe(false);
    expect((await getTwoFactorState(user.id))!.recoveryCodesLeft).toBe(RECOVERY_CODE_COUNT - 1);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "totp_recovery_used", entityId: user.id } });
    expect(audit.actorId).toBe(user.id);
    expect(`${audit.after}`).not.toContain(first);
    const both = await Promise.all([verifySecondFactor(user.id, recoveryCodes[1], T), verifySecondFactor(user.id, recoveryCodes[1], T)]);
    expect(both.filter(ok).length).toBeLessThanOrEqual(1);
    expect(await prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(RECOVERY_CODE_COUNT - 2);
  });

  it("wrong codes count as wrong sign-ins and lock the account; then even a right code is refused", async () => {
    const { user, secret } = await enrolled("guess@vigia.test");
    for (let i = 0; i < FREE_FAILURES; i++) expect(ok(await verifySecondFactor(user.id, String(100000 + i), Date.now()))).toBe(false);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.failedLoginCount).toBe(FREE_FAILURES);
    expect(ok(await verifySecondFactor(user.id, await codeAt(secret, Date.now()), Date.now()))).toBe(false);
  });
});

describe("turning it off and new recovery codes", () => {
  it("needs the password and a code; afterwards the password alone signs in", async () => {
    const { user, secret, recoveryCodes } = await enrolled("off@vigia.test");
    expect(await disableTotp(user.id, "not-the-password", await codeAt(secret, T), T)).toMatchObject({ errors: { password: { key: "wrongPassword" } } });
    expect(await disableTotp(user.id, PASSWORD, "000000", T)).toMatchObject({ errors: { code: { key: "wrongCode" } } });
    const fresh = await regenerateRecoveryCodes(user.id, PASSWORD, await codeAt(secret, T), T);
    if (!fresh.ok) throw new Error("refused");
    // The old codes stopped working; a new one turns it off.
    expect(await disableTotp(user.id, PASSWORD, recoveryCodes[0], T)).toMatchObject({ errors: { code: { key: "wrongCode" } } });
    expect((await disableTotp(user.id, PASSWORD, fresh.recoveryCodes[0], T)).ok).toBe(true);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect((await verifySignIn(user.email, PASSWORD)).status).toBe("ok");
    expect(await prisma.auditEvent.count({ where: { action: { in: ["totp_disable", "totp_recovery_codes"] }, entityId: user.id } })).toBe(2);
  });
});

describe("key rotation", () => {
  it("npm run keys:rotate rewrites second-factor secrets under the new key, which alone then reads them", async () => {
    const keyB = randomBytes(32).toString("base64");
    const { user, secret } = await enrolled("rotate@vigia.test");
    const idA = readDataKeys({ DATA_KEY: keyA }).current.id;
    const idB = readDataKeys({ DATA_KEY: keyB }).current.id;
    expect(storedKeyId((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret)).toBe(idA);
    setKeys(keyB, keyA);
    expect((await reencryptTotpSecrets()).rewritten).toBeGreaterThanOrEqual(1);
    expect(storedKeyId((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret)).toBe(idB);
    setKeys(keyB);
    expect(ok(await verifySecondFactor(user.id, await codeAt(secret, T), T))).toBe(true);
    expect((await reencryptTotpSecrets()).rewritten).toBe(0);
  });
});
