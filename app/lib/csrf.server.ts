// Protection against cross-site request forgery for every form action.
// Signed-in forms carry a token derived from the session (HMAC with the server
// secret), checked by assertCsrf; the session cookie is SameSite=Lax as a second
// layer, and requests whose Origin is another site are refused outright.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "./env.server.ts";

export const CSRF_FIELD = "csrf";

export function csrfTokenFor(sessionToken: string): string {
  return createHmac("sha256", env().sessionSecret).update(`csrf:${sessionToken}`).digest("base64url");
}

/** True when the request's Origin (or Referer) is this site, or absent (non-browser clients). */
export function isSameOrigin(request: Request): boolean {
  const source = request.headers.get("Origin") ?? request.headers.get("Referer");
  if (!source) return true;
  if (source === "null") return false;
  try {
    return new URL(source).host === new URL(request.url).host;
  } catch {
    return false;
  }
}

export function assertCsrf(request: Request, form: FormData, sessionToken: string | null): void {
  if (!isSameOrigin(request)) throw new Response("Cross-site request refused", { status: 403 });
  if (!sessionToken) return; // anonymous forms (sign-in, language) rely on the origin check
  const sent = form.get(CSRF_FIELD);
  const expected = csrfTokenFor(sessionToken);
  // Compared as bytes: a token of as many characters but more bytes (é, emoji) must not reach timingSafeEqual, which throws.
  const sentBytes = Buffer.from(typeof sent === "string" ? sent : "");
  const expectedBytes = Buffer.from(expected);
  if (typeof sent !== "string" || sentBytes.length !== expectedBytes.length || !timingSafeEqual(sentBytes, expectedBytes)) {
    throw new Response("The form has expired. Reload the page and send it again.", { status: 403 });
  }
}
