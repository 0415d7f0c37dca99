// What every endpoint of the API reads from a request, decided once: who asks
// (anonymous readers only where the deployment makes dashboards public, and then
// only published records: Global Witness and verified staff records, in their
// public shape), whether the address is within its rate limit, the filters, the
// page size and cursor. Anything it cannot honour is an API error, never silently dropped.
import { getUser, hasRole } from "~/lib/auth.server.ts";
import type { SessionUser } from "~/lib/session.server.ts";
import { apiError, type ApiAudience } from "~/lib/api.server.ts";
import { env } from "~/lib/env.server.ts";
import { clientAddress, hitRateLimit } from "~/lib/rate-limit.server.ts";
import { parseCaseSearch } from "~/domain/case-search.ts";
import { FILTER_PARAMS, parseIncidentFilter } from "~/domain/incident-filter.ts";
import { isLinkType, type LinkType } from "~/domain/link-type.ts";
import { PROVISION_STATUSES } from "~/domain/taxonomy.ts";
import { API_PAGE_DEFAULT, API_PAGE_MAX, type CaseExportRequest } from "./incident-export.server.ts";
import { LINK_STATUSES, linkLayersFor, type LinkApiFilter, type LinkApiReader, type LinkStatus } from "./link.server.ts";
import { unknownInstrumentCodes, unknownProvisionCodes, type ProvisionFilter } from "./provision.server.ts";

type Refused = { ok: false; response: Response };

const fail = (status: number, message: string): Refused => ({ ok: false, response: apiError(status, message) });

export interface ApiReader {
  ok: true;
  user: SessionUser | null;
  audience: ApiAudience;
}

/**
 * The reader of an API endpoint: a session user, or null for an anonymous reader
 * where dashboards are public (else 401). Every request counts against the
 * address's API limit first (429 with Retry-After past it).
 */
export async function apiReader(request: Request, context: unknown): Promise<ApiReader | Refused> {
  const limited = await hitRateLimit("apiAddress", clientAddress(context));
  if (!limited.ok) {
    const response = apiError(429, `Too many requests from this address: wait ${limited.retryAfterSeconds} s and try again.`, {
      "Retry-After": String(limited.retryAfterSeconds),
    });
    return { ok: false, response };
  }
  const user = await getUser(request);
  if (!user && !env().publicDashboards) return fail(401, "Sign in to use the API on this deployment.");
  return { ok: true, user, audience: user ? "signed-in" : "public" };
}

/** A page request of any list: `limit` (1–500, default 100) and the cursor `after` (an id this API gave). */
export function readApiPage(params: URLSearchParams): { ok: true; after: string | null; size: number } | Refused {
  const limitText = params.get("limit");
  const size = limitText === null ? API_PAGE_DEFAULT : Number(limitText);
  if (!Number.isInteger(size) || size < 1 || size > API_PAGE_MAX) return fail(400, `limit must be a whole number from 1 to ${API_PAGE_MAX}.`);
  const after = params.get("after");
  if (after !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(after)) return fail(400, "after is not a cursor this API gave.");
  return { ok: true, after, size };
}

/** The values of a list filter: repeated, or separated by commas; blanks dropped. */
export function listParam(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A 400 naming the filter values that are not allowed. */
export function badFilter(problems: { param: string; value: string }[]): Refused {
  return fail(400, `Bad filter: ${problems.map((p) => `${p.param}=${p.value}`).join(", ")}`);
}

export type ApiCaseRequest =
  { ok: true; user: SessionUser | null; exportRequest: CaseExportRequest; after: string | null; size: number; audience: ApiAudience } | Refused;

export async function readApiCaseRequest(request: Request, context: unknown): Promise<ApiCaseRequest> {
  const reader = await apiReader(request, context);
  if (!reader.ok) return reader;
  const { user } = reader;
  const params = new URL(request.url).searchParams;
  const { filter, problems } = parseIncidentFilter(params);
  if (problems.length) return badFilter(problems);
  // Anonymous readers get published records only: the default scope, or verified staff records.
  if (!user && filter.verification?.some((v) => v !== "verified")) {
    return fail(403, `Only published records are open without an account: ${FILTER_PARAMS.verification}=verified or nothing.`);
  }
  const page = readApiPage(params);
  if (!page.ok) return page;
  return {
    ok: true,
    user,
    exportRequest: { filter, q: parseCaseSearch(params), staff: hasRole(user, "staff") },
    after: page.after,
    size: page.size,
    audience: reader.audience,
  };
}

/** A 403 for what only signed-in readers may ask. */
export function forbidden(message: string): Refused {
  return fail(403, message);
}

// ---------- Provisions and links ----------

/** The provisions endpoint's filters (instrument, pillar, status, gap) and page; a code it does not know is a 400. */
export async function readApiProvisionFilter(params: URLSearchParams): Promise<{ ok: true; filter: ProvisionFilter } | Refused> {
  const problems: { param: string; value: string }[] = [];
  const filter: ProvisionFilter = {};
  const instruments = listParam(params, "instrument");
  for (const code of await unknownInstrumentCodes(instruments)) problems.push({ param: "instrument", value: code });
  if (instruments.length) filter.instruments = instruments;
  const pillars = params
    .getAll("pillar")
    .map((p) => p.trim())
    .filter(Boolean);
  if (pillars.length) filter.pillars = pillars;
  const statuses = listParam(params, "status");
  for (const s of statuses) if (!(PROVISION_STATUSES as readonly string[]).includes(s)) problems.push({ param: "status", value: s });
  if (statuses.length) filter.statuses = statuses;
  const gap = params.get("gap");
  if (gap !== null) {
    if (gap === "true" || gap === "false") filter.isGap = gap === "true";
    else problems.push({ param: "gap", value: gap });
  }
  return problems.length ? badFilter(problems) : { ok: true, filter };
}

/** Who reads links, as the pages decide it (see LinkApiReader). */
export function linkReaderOf(user: SessionUser | null): LinkApiReader {
  return hasRole(user, "staff") ? "staff" : user ? "viewer" : "public";
}

/**
 * The links endpoint's filters: provision (codes), case (ids), layer (accepted,
 * suggested; rejected signed in only, else 403), type (link types); unknown values are a 400.
 */
export async function readApiLinkFilter(params: URLSearchParams, reader: LinkApiReader): Promise<{ ok: true; filter: LinkApiFilter } | Refused> {
  const problems: { param: string; value: string }[] = [];
  const filter: LinkApiFilter = {};
  const provisionCodes = listParam(params, "provision");
  for (const code of await unknownProvisionCodes(provisionCodes)) problems.push({ param: "provision", value: code });
  if (provisionCodes.length) filter.provisionCodes = provisionCodes;
  const caseIds = listParam(params, "case");
  for (const id of caseIds) if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) problems.push({ param: "case", value: id });
  if (caseIds.length) filter.caseIds = caseIds;
  const layers = listParam(params, "layer");
  for (const l of layers) if (!(LINK_STATUSES as readonly string[]).includes(l)) problems.push({ param: "layer", value: l });
  if (layers.length) filter.layers = layers as LinkStatus[];
  const types = listParam(params, "type");
  for (const t of types) if (!isLinkType(t)) problems.push({ param: "type", value: t });
  if (types.length) filter.linkTypes = types as LinkType[];
  if (problems.length) return badFilter(problems);
  const allowed = linkLayersFor(reader);
  const closed = (filter.layers ?? []).filter((l) => !allowed.includes(l));
  if (closed.length) return fail(403, `Rejected suggestions are open to signed-in readers only: layer=${allowed.join(" or ")} without an account.`);
  return { ok: true, filter };
}
