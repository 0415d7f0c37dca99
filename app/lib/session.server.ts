// Server-side sessions. The cookie holds a random token; the database keeps only
// its SHA-256 (a leaked database row cannot be replayed as a cookie). Sessions end
// after IDLE_MS without activity or ABSOLUTE_MS after sign-in, and at sign-out.
import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { prisma } from "./db.server.ts";
import { env } from "./env.server.ts";
import { cookieSecure, SESSION_COOKIE } from "./http.server.ts";

export const IDLE_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often (only from actions, never from a loader). */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export { SESSION_COOKIE };

/** The options of the sign-in cookies: signed, HttpOnly, SameSite=Lax, Secure (decision 093). */
function cookieOptions(request: Request) {
  return { httpOnly: true, sameSite: "lax" as const, secure: cookieSecure(request), secrets: [env().sessionSecret] };
}

function sessionCookie(request: Request) {
  return createCookie(SESSION_COOKIE, { ...cookieOptions(request), path: "/", maxAge: ABSOLUTE_MS / 1000 });
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value = await sessionCookie(request).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length >= 32 ? value : null;
}

/** Creates a session and returns the Set-Cookie header that carries it. */
export async function createSession(request: Request, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_MS),
      userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
    },
  });
  return sessionCookie(request).serialize(token);
}

export async function clearSessionCookie(request: Request): Promise<string> {
  return sessionCookie(request).serialize("", { maxAge: 0 });
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: "viewer" | "staff" | "admin";
  /** An administrator reset the password: nothing but choosing a new one until then */
  mustChangePassword: boolean;
}

export interface ActiveSession {
  id: string;
  token: string;
  user: SessionUser;
  lastSeenAt: Date;
}

/** The live session of a request, or null when absent, expired, revoked or its user deactivated. */
export async function getActiveSession(request: Request): Promise<ActiveSession | null> {
  const token = await readSessionToken(request);
  if (!token) return null;
  const session = await prisma.session.findUnique({
    where: { id: hashToken(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true, active: true, mustChangePassword: true } } },
  });
  const now = Date.now();
  if (!session || session.revokedAt || session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + IDLE_MS <= now || !session.user.active) {
    return null;
  }
  const { active: _active, ...user } = session.user;
  return { id: session.id, token, user: user as SessionUser, lastSeenAt: session.lastSeenAt };
}

/** Records activity; called from actions (writes), so reading pages never writes. */
export async function touchSession(session: ActiveSession): Promise<void> {
  if (Date.now() - session.lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
  await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
}

export async function revokeSession(sessionId: string): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

// ---------- Between the password and the second factor (docs/decisions/105) ----------
// After a right password on an account with TOTP, a signed cookie names the
// account for a few minutes, for /login/code only; no session exists, and
// nothing else reads it, until the code is right too.

const SECOND_FACTOR_COOKIE = "vigia_second_factor";
export const SECOND_FACTOR_MS = 5 * 60 * 1000;
const PURPOSE = "second-factor";

function secondFactorCookie(request: Request) {
  return createCookie(SECOND_FACTOR_COOKIE, { ...cookieOptions(request), path: "/login", maxAge: SECOND_FACTOR_MS / 1000 });
}

/** The Set-Cookie header that starts the second step for `userId`. */
export function startSecondFactor(request: Request, userId: string, now: number = Date.now()): Promise<string> {
  return secondFactorCookie(request).serialize({ purpose: PURPOSE, userId, until: now + SECOND_FACTOR_MS });
}

/** The account waiting for its second factor, or null when there is none, it was tampered with, or it waited too long. */
export async function pendingSecondFactor(request: Request, now: number = Date.now()): Promise<string | null> {
  const value = (await secondFactorCookie(request).parse(request.headers.get("Cookie"))) as { purpose?: unknown; userId?: unknown; until?: unknown } | null;
  if (!value || typeof value !== "object" || value.purpose !== PURPOSE) return null;
  if (typeof value.userId !== "string" || typeof value.until !== "number" || value.until < now) return null;
  return value.userId;
}

export function clearSecondFactor(request: Request): Promise<string> {
  return secondFactorCookie(request).serialize("", { maxAge: 0 });
}
