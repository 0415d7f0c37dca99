// Who is asking, and may they? Loaders call getUser/requireUser (read only);
// actions call requireUserForAction, which also checks the CSRF token and records
// session activity. Denials are 403 responses (or a redirect to sign-in for anonymous).
import { redirect } from "@remix-run/node";
import { assertCsrf } from "./csrf.server.ts";
import { env } from "./env.server.ts";
import { clientAddress, enforceRateLimit } from "./rate-limit.server.ts";
import { getActiveSession, touchSession, type ActiveSession, type SessionUser } from "./session.server.ts";

export type Role = SessionUser["role"];
const RANK: Record<Role, number> = { viewer: 1, staff: 2, admin: 3 };

export function hasRole(user: Pick<SessionUser, "role"> | null | undefined, role: Role): boolean {
  return !!user && RANK[user.role] >= RANK[role];
}

export async function getUser(request: Request): Promise<SessionUser | null> {
  return (await getActiveSession(request))?.user ?? null;
}

function signInRedirect(request: Request): never {
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Where an account whose password an administrator reset must go before anything else. */
export const CHANGE_PASSWORD_PATH = "/account/password";

function requirePasswordChosen(request: Request, user: SessionUser, options: { passwordChange?: boolean }) {
  if (!user.mustChangePassword || options.passwordChange) return;
  if (request.method !== "GET" && request.method !== "HEAD") throw new Response("Choose a new password first", { status: 403 });
  throw redirect(CHANGE_PASSWORD_PATH);
}

/**
 * The signed-in user with at least `role`. An account that must choose a new
 * password is sent to do so first (options.passwordChange: the page where it does).
 */
export async function requireUser(request: Request, role: Role = "viewer", options: { passwordChange?: boolean } = {}): Promise<SessionUser> {
  const session = await getActiveSession(request);
  if (!session) signInRedirect(request);
  requirePasswordChosen(request, session.user, options);
  if (!hasRole(session.user, role)) throw new Response("Forbidden", { status: 403 });
  return session.user;
}

/**
 * For actions: the signed-in user with at least `role`, after the CSRF check.
 * Reads the form once and returns it, since a request body can be read only once.
 */
export async function requireUserForAction(
  request: Request,
  role: Role = "viewer",
  options: { passwordChange?: boolean } = {},
): Promise<{ user: SessionUser; form: FormData; session: ActiveSession }> {
  const session = await getActiveSession(request);
  if (!session) {
    if (request.method !== "GET") throw new Response("Sign in first", { status: 403 });
    signInRedirect(request);
  }
  // Writes per user (429 with Retry-After past the limit), counted before the body is read.
  await enforceRateLimit("writesUser", session.user.id);
  const form = await request.formData();
  assertCsrf(request, form, session.token);
  requirePasswordChosen(request, session.user, options);
  if (!hasRole(session.user, role)) throw new Response("Forbidden", { status: 403 });
  await touchSession(session);
  return { user: session.user, form, session };
}

/**
 * For the aggregate dashboards: public unless the deployment sets
 * PUBLIC_DASHBOARDS=0, in which case a signed-in viewer is needed.
 */
export async function requireDashboardReader(request: Request): Promise<SessionUser | null> {
  if (env().publicDashboards) return getUser(request);
  return requireUser(request, "viewer");
}

/**
 * The exports-per-address limit (429 past it) for a dashboard export (CSV, PNG): run before the
 * body is drawn or written, not when a kept one is served (decision 120), so that it guards the
 * drawing and repeated downloads of a kept image are never refused.
 */
export function exportLimit(context: unknown): () => Promise<void> {
  return () => enforceRateLimit("exportsAddress", clientAddress(context));
}
