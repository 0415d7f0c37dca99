// Signed-in requests for loader and action tests.
import { prisma } from "~/lib/db.server.ts";
import { csrfTokenFor } from "~/lib/csrf.server.ts";
import { createSession } from "~/lib/session.server.ts";

export interface TestSession {
  cookie: string;
  csrf: string;
  userId: string;
}

/** A live session for a seeded demo user ("viewer", "staff" or "admin"). */
export async function signInAs(role: "viewer" | "staff" | "admin"): Promise<TestSession> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: `${role}@vigia.test` } });
  return signInAsUser(user.id);
}

/** A live session for any user. */
export async function signInAsUser(userId: string): Promise<TestSession> {
  const setCookie = await createSession(new Request("http://localhost/login"), userId);
  const cookie = setCookie.split(";")[0];
  const token = decodeURIComponent(cookie.split("=").slice(1).join("="));
  // The cookie is signed: "<value>.<signature>", its value JSON-encoded in base64.
  const value = JSON.parse(atob(token.slice(0, token.lastIndexOf("."))));
  return { cookie, csrf: csrfTokenFor(value), userId };
}

/** A form POST as a browser on this site would send it. */
export function postForm(url: string, fields: Record<string, string | string[]>, session?: TestSession): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const item of [v].flat()) body.append(k, item);
  if (session) body.set("csrf", session.csrf);
  return new Request(url, {
    method: "POST",
    body,
    headers: { Origin: new URL(url).origin, ...(session ? { Cookie: session.cookie } : {}) },
  });
}

export function getAs(url: string, session?: TestSession): Request {
  return new Request(url, { headers: session ? { Cookie: session.cookie } : {} });
}
