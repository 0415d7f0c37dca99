// When repeated wrong sign-ins lock an account, and for how long (docs/decisions/094).
// The lock is derived from two columns that one atomic UPDATE writes together
// (the failure count and the time of the last failure), so concurrent sign-ins
// can never leave a count and a lock that disagree.

/** Wrong sign-ins in a row before the first lock. */
export const FREE_FAILURES = 5;
/** The first lock; each further wrong sign-in after a lock doubles it, up to LOCK_CAP_MS. */
export const LOCK_BASE_MS = 60 * 1000;
export const LOCK_CAP_MS = 15 * 60 * 1000;

/** How long the failure that brought the count to `failedCount` locks the account (0: no lock). */
export function lockDurationMs(failedCount: number): number {
  if (failedCount < FREE_FAILURES) return 0;
  const doublings = Math.min(failedCount - FREE_FAILURES, 20);
  return Math.min(LOCK_BASE_MS * 2 ** doublings, LOCK_CAP_MS);
}

/** The end of the account's lock, or null when it is not locked at `now`. */
export function lockedUntil(account: { failedLoginCount: number; lastFailedLoginAt: Date | null }, now: Date = new Date()): Date | null {
  if (!account.lastFailedLoginAt) return null;
  const ms = lockDurationMs(account.failedLoginCount);
  if (!ms) return null;
  const until = new Date(account.lastFailedLoginAt.getTime() + ms);
  return until > now ? until : null;
}
