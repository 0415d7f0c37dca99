// What every case endpoint of the API reads from a request, decided once: who
// asks (anonymous readers only where the deployment makes dashboards public, and
// then only published records: Global Witness and verified staff records, in
// their public shape), the list's filters and search, the page size and cursor.
// Anything it cannot honour is an API error, never silently dropped.
import { getUser, hasRole } from "~/lib/auth.server.ts";
import type { SessionUser } from "~/lib/session.server.ts";
import { apiError, type ApiAudience } from "~/lib/api.server.ts";
import { env } from "~/lib/env.server.ts";
import { parseCaseSearch } from "~/domain/case-search.ts";
import { FILTER_PARAMS, parseIncidentFilter } from "~/domain/incident-filter.ts";
import { API_PAGE_DEFAULT, API_PAGE_MAX, type CaseExportRequest } from "./incident-export.server.ts";

export type ApiCaseRequest =
  | { ok: true; user: SessionUser | null; exportRequest: CaseExportRequest; after: string | null; size: number; audience: ApiAudience }
  | { ok: false; response: Response };

const fail = (status: number, message: string) => ({ ok: false as const, response: apiError(status, message) });

/** The reader of an API endpoint: a session user, or null for an anonymous reader where dashboards are public; else the 401 to send. */
export async function apiReader(request: Request): Promise<{ ok: true; user: SessionUser | null } | { ok: false; response: Response }> {
  const user = await getUser(request);
  if (!user && !env().publicDashboards) return fail(401, "Sign in to use the API on this deployment.");
  return { ok: true, user };
}

export async function readApiCaseRequest(request: Request): Promise<ApiCaseRequest> {
  const reader = await apiReader(request);
  if (!reader.ok) return reader;
  const { user } = reader;
  const params = new URL(request.url).searchParams;
  const { filter, problems } = parseIncidentFilter(params);
  if (problems.length) return fail(400, `Bad filter: ${problems.map((p) => `${p.param}=${p.value}`).join(", ")}`);
  // Anonymous readers get published records only: the default scope, or verified staff records.
  if (!user && filter.verification?.some((v) => v !== "verified")) {
    return fail(403, `Only published records are open without an account: ${FILTER_PARAMS.verification}=verified or nothing.`);
  }
  const limitText = params.get("limit");
  const size = limitText === null ? API_PAGE_DEFAULT : Number(limitText);
  if (!Number.isInteger(size) || size < 1 || size > API_PAGE_MAX) return fail(400, `limit must be a whole number from 1 to ${API_PAGE_MAX}.`);
  const after = params.get("after");
  if (after !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(after)) return fail(400, "after is not a cursor this API gave.");
  return {
    ok: true,
    user,
    exportRequest: { filter, q: parseCaseSearch(params), staff: hasRole(user, "staff") },
    after,
    size,
    audience: user ? "signed-in" : "public",
  };
}
