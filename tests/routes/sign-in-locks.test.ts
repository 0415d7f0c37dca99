// The failure counter under concurrency, locks that back off, and the
// administrator's unlock (docs/decisions/094). Runs on SQLite and PostgreSQL.
import { describe, expect, it } from "vitest";
import { prisma } from "~/lib/db.server.ts";
import { FREE_FAILURES, LOCK_BASE_MS, LOCK_CAP_MS, lockDurationMs, lockedUntil } from "~/domain/sign-in-lock.ts";
import { hashPassword } from "~/lib/password.server.ts";
import { action as loginAction } from "~/routes/login.tsx";
import { action as manageAction, loader as manageLoader } from "~/routes/admin.users.$id.tsx";
import { postForm, signInAs } from "../setup/auth.ts";
import { get, post, run } from "../setup/route.ts";

const PASSWORD = "the-right-password-2026";

async function newAccount(email: string) {
  return prisma.user.create({ data: { email, name: email, role: "staff", passwordHash: await hashPassword(PASSWORD) } });
}

/** Signs in from its own address (the per-address limit is not what these tests are about). */
function signIn(email: string, password: string, address: string) {
  return run((args) => loginAction({ ...args, context: { clientAddress: address } }), postForm("http://localhost/login", { email, password }));
}

const signedIn = (o: { status: number; location: string | null }) => o.status === 302 && o.location === "/";

describe("the failure counter", () => {
  // A wrong sign-in that reads the account already locked is refused without being
  // counted (decision 094), so in a burst that crosses the lock the final count
  // depends on how the reads and writes interleave. What never depends on it: a
  // burst that stays below the lock is counted exactly (no lost update), and one
  // that crosses it ends locked with at least FREE_FAILURES counted.
  it("counts every one of a burst of concurrent wrong sign-ins below the lock exactly (no lost update)", async () => {
    const user = await newAccount("below@vigia.test");
    const n = FREE_FAILURES - 1;
    await Promise.all(Array.from({ length: n }, (_, i) => signIn(user.email, `wrong-${i}`, `10.3.0.${i}`)));
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.failedLoginCount).toBe(n);
    expect(lockedUntil(after)).toBeNull();
  });

  it("locks after a burst of concurrent wrong sign-ins that crosses the threshold", async () => {
    const user = await newAccount("burst@vigia.test");
    await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(user.email, `wrong-${i}`, `10.0.0.${i}`)));
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.failedLoginCount).toBeGreaterThanOrEqual(FREE_FAILURES);
    expect(after.failedLoginCount).toBeLessThanOrEqual(8);
    expect(lockedUntil(after)).not.toBeNull();
  });

  it("a burst of wrong sign-ins with the right one among them never resets the counter or leaves the account unlocked", async () => {
    const user = await newAccount("burst-right@vigia.test");
    const attempts = [...Array.from({ length: 9 }, (_, i) => signIn(user.email, `wrong-${i}`, `10.1.0.${i}`))];
    attempts.splice(4, 0, signIn(user.email, PASSWORD, "10.1.0.99"));
    const outcomes = await Promise.all(attempts);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    // Whatever the order: at most FREE_FAILURES - 1 wrong ones can precede a good sign-in,
    // so at least FREE_FAILURES of them read the account after it (or there was no good
    // sign-in); each of those is counted until the lock, so the account ends locked.
    expect(outcomes.filter(signedIn).length).toBeLessThanOrEqual(1);
    expect(after.failedLoginCount).toBeGreaterThanOrEqual(FREE_FAILURES);
    expect(after.failedLoginCount).toBeLessThanOrEqual(9);
    expect(lockedUntil(after)).not.toBeNull();
  });

  it("refuses the right password while locked, and a burst during the lock neither unlocks nor resets it", async () => {
    const user = await newAccount("locked@vigia.test");
    for (let i = 0; i < FREE_FAILURES; i++) await signIn(user.email, "wrong", "10.2.0.1");
    const locked = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.failedLoginCount).toBe(FREE_FAILURES);
    const outcomes = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => signIn(user.email, "wrong", `10.2.1.${i}`)),
      signIn(user.email, PASSWORD, "10.2.1.99"),
      signIn(user.email, PASSWORD, "10.2.1.98"),
    ]);
    expect(outcomes.filter(signedIn)).toHaveLength(0);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.failedLoginCount).toBe(FREE_FAILURES);
    expect(lockedUntil(after)).not.toBeNull();
  });
});

describe("locks that back off", () => {
  it("last 1, 2, 4 … minutes, capped", () => {
    expect(lockDurationMs(FREE_FAILURES - 1)).toBe(0);
    expect(lockDurationMs(FREE_FAILURES)).toBe(LOCK_BASE_MS);
    expect(lockDurationMs(FREE_FAILURES + 1)).toBe(2 * LOCK_BASE_MS);
    expect(lockDurationMs(FREE_FAILURES + 2)).toBe(4 * LOCK_BASE_MS);
    expect(lockDurationMs(FREE_FAILURES + 50)).toBe(LOCK_CAP_MS);
  });

  it("end by themselves: once the lock is over the right password signs in and clears the count", async () => {
    const user = await newAccount("expired@vigia.test");
    await prisma.user.update({
      where: { id: user.id },
      data: { failedLoginCount: FREE_FAILURES, lastFailedLoginAt: new Date(Date.now() - LOCK_BASE_MS - 1000) },
    });
    expect(signedIn(await signIn(user.email, PASSWORD, "10.3.0.1"))).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(0);
  });

  it("grow: a wrong password after a lock locks for twice as long", async () => {
    const user = await newAccount("grow@vigia.test");
    await prisma.user.update({
      where: { id: user.id },
      data: { failedLoginCount: FREE_FAILURES, lastFailedLoginAt: new Date(Date.now() - LOCK_BASE_MS - 1000) },
    });
    const before = Date.now();
    await signIn(user.email, "wrong", "10.3.0.2");
    const until = lockedUntil(await prisma.user.findUniqueOrThrow({ where: { id: user.id } }))!;
    expect(until.getTime() - before).toBeGreaterThanOrEqual(2 * LOCK_BASE_MS - 50);
    expect(until.getTime() - before).toBeLessThanOrEqual(2 * LOCK_BASE_MS + 5000);
  });
});

describe("an administrator's unlock", () => {
  it("clears the lock, is audited, and lets the person sign in; other roles may not", async () => {
    const user = await newAccount("unlock@vigia.test");
    for (let i = 0; i < FREE_FAILURES; i++) await signIn(user.email, "wrong", "10.4.0.1");
    const admin = await signInAs("admin");
    const page = await get(manageLoader, `/admin/users/${user.id}`, admin, { id: user.id });
    expect(page.data.user.lockedUntil).not.toBeNull();
    const staff = await signInAs("staff");
    expect((await post(manageAction, `/admin/users/${user.id}`, { intent: "unlock" }, staff, { id: user.id })).status).toBe(403);
    const done = await post(manageAction, `/admin/users/${user.id}`, { intent: "unlock" }, admin, { id: user.id });
    expect(done.location).toBe(`/admin/users/${user.id}?done=unlocked`);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "user_unlock", entityId: user.id } });
    expect(audit.actorId).toBe(admin.userId);
    expect(JSON.parse(audit.before!)).toMatchObject({ failedLoginCount: FREE_FAILURES });
    expect(signedIn(await signIn(user.email, PASSWORD, "10.4.0.2"))).toBe(true);
  });
});
