// Calls a route's loader or action the way Remix does, and reads the answer the
// same way whether it was returned, thrown, a Response or data() with a status.
import { settled } from "~/lib/settled.ts";
import { getAs, postForm, type TestSession } from "./auth.ts";

export { settled };

export interface Outcome<T = any> {
  status: number;
  /** Location of a redirect */
  location: string | null;
  /** Loader or action data (null for a Response) */
  data: T | null;
  thrown: boolean;
  /**
   * The answer as Remix hands it to the HTTP server: the route's own Response, or
   * its data with the status and headers given to data() (no route exports a
   * `headers` function). The server's cache rule applies to this (cachedResponse).
   */
  response: Response;
}

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, never> }) => unknown;

function read(value: unknown, thrown: boolean): Outcome {
  if (value instanceof Response) return { status: value.status, location: value.headers.get("Location"), data: null, thrown, response: value };
  const page = (data: unknown, init?: ResponseInit | null) => {
    const headers = new Headers(init?.headers);
    headers.set("Content-Type", "text/html; charset=utf-8");
    return new Response(JSON.stringify(data ?? null), { status: init?.status ?? 200, headers });
  };
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const d = value as { data: unknown; init: ResponseInit | null };
    return { status: d.init?.status ?? 200, location: null, data: d.data, thrown, response: page(d.data, d.init) };
  }
  return { status: 200, location: null, data: value, thrown, response: page(value) };
}

export async function run(handler: Handler | undefined, request: Request, params: Record<string, string> = {}): Promise<Outcome> {
  if (!handler) throw new Error(`No handler for ${request.method} ${request.url}`);
  try {
    return read(await settled(await handler({ request, params, context: {} })), false);
  } catch (error) {
    if (error instanceof Response) return read(error, true);
    throw error;
  }
}

export const BASE = "http://localhost";

export function get(handler: Handler | undefined, path: string, session?: TestSession, params: Record<string, string> = {}) {
  return run(handler, getAs(BASE + path, session), params);
}

export function post(
  handler: Handler | undefined,
  path: string,
  fields: Record<string, string | string[]>,
  session?: TestSession,
  params: Record<string, string> = {},
) {
  return run(handler, postForm(BASE + path, fields, session), params);
}

/** True when the answer refuses access: 403, or a redirect to sign-in. */
export function isDenied(o: Outcome): boolean {
  // 401: the API's answer to a reader it does not know (a JSON error, not a sign-in page).
  return o.status === 403 || o.status === 401 || (o.status === 302 && !!o.location?.startsWith("/login"));
}

/** A stored record's edit form as a browser posts it: with its version, a ticked checkbox as "on", an unticked one left out. */
export function postedEditForm(stored: { values: Record<string, string | boolean | string[]>; version: number }): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = { version: String(stored.version) };
  for (const [name, value] of Object.entries(stored.values)) {
    if (value === true) fields[name] = "on";
    else if (value !== false) fields[name] = value;
  }
  return fields;
}
