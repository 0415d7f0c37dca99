// Rate limits kept in the database, so that they hold across several app servers
// on one PostgreSQL (docs/decisions/095). A fixed window per key: one row per
// limit, subject and window, counted by a single atomic upsert
// (INSERT ... ON CONFLICT DO UPDATE SET count = count + 1). Subjects (addresses,
// emails) are stored only as a hash.
import { createHash } from "node:crypto";
import { prisma } from "./db.server.ts";
import { env, type RateLimitName } from "./env.server.ts";

export type RateLimitOutcome = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Rows of windows that ended are deleted now and then, by whichever request comes along. */
const PURGE_EVERY = 200;
let sincePurge = 0;

function subjectKey(subject: string): string {
  return createHash("sha256").update(subject).digest("base64url").slice(0, 22);
}

/** Counts one request of `subject` against the named limit, and says whether it is within it. */
export async function hitRateLimit(name: RateLimitName, subject: string, now: number = Date.now()): Promise<RateLimitOutcome> {
  const limit = env().rateLimits[name];
  if (!limit) return { ok: true };
  const window = Math.floor(now / limit.windowMs);
  const key = `${name}:${subjectKey(subject)}:${window}`;
  const expiresAt = new Date((window + 1) * limit.windowMs);
  const count = await countHit(key, expiresAt);
  if (++sincePurge >= PURGE_EVERY) {
    sincePurge = 0;
    await prisma.rateLimitHit.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  }
  if (count <= limit.max) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000)) };
}

async function countHit(key: string, expiresAt: Date): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await prisma.rateLimitHit.upsert({
        where: { key },
        create: { key, count: 1, expiresAt },
        update: { count: { increment: 1 } },
        select: { count: true },
      });
      return row.count;
    } catch (error) {
      // Two first hits of a window at once: the loser counts again on the row the winner made.
      if ((error as { code?: string }).code === "P2002" && attempt < 3) continue;
      throw error;
    }
  }
}

/** The 429 answer: plain text, with Retry-After in seconds. */
export function tooManyRequests(retryAfterSeconds: number): Response {
  return new Response("Too many requests: wait a little and try again.", {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** Throws the 429 answer when `subject` went over the named limit. */
export async function enforceRateLimit(name: RateLimitName, subject: string): Promise<void> {
  const outcome = await hitRateLimit(name, subject);
  if (!outcome.ok) throw tooManyRequests(outcome.retryAfterSeconds);
}

/**
 * The client's address, which the server puts in the load context
 * (scripts/server.ts): Express's req.ip, which reads X-Forwarded-For only as
 * far as TRUST_PROXY allows. "unknown" when absent (tests calling a route directly).
 */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | null | undefined)?.clientAddress;
  return typeof address === "string" && address ? address : "unknown";
}
