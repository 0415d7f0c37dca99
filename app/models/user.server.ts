// Every Prisma query on users.
import { prisma } from "~/lib/db.server.ts";
import { hashPassword, verifyPassword } from "~/lib/password.server.ts";

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
