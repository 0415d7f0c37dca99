// GET /incidents.json?<the case list's filters>&q=: exactly the records the list shows, as JSON (audited).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { hasRole, requireUser } from "~/lib/auth.server.ts";
import { clientAddress, enforceRateLimit } from "~/lib/rate-limit.server.ts";
import { exportResponse, textStream } from "~/lib/http.server.ts";
import { parseIncidentFilter } from "~/domain/incident-filter.ts";
import { parseCaseSearch } from "~/domain/case-search.ts";
import { auditCaseExport, caseListQuery, refuseTooBroad, caseJsonPieces } from "~/models/incident-export.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Counted against the exports-per-address limit like every other export (decision 095).
  await enforceRateLimit("exportsAddress", clientAddress(context));
  const user = await requireUser(request, "viewer");
  const params = new URL(request.url).searchParams;
  const { filter, problems } = parseIncidentFilter(params);
  // A file of other records than the reader asked for would mislead: a bad filter is refused, not dropped.
  if (problems.length) throw new Response(`Bad filter: ${problems.map((p) => `${p.param}=${p.value}`).join(", ")}`, { status: 400 });
  const exportRequest = { filter, q: parseCaseSearch(params), staff: hasRole(user, "staff") };
  await auditCaseExport({ actorId: user.id, format: "json", request: exportRequest, via: "list" }).catch(refuseTooBroad);
  const now = new Date();
  const body = textStream(caseJsonPieces(exportRequest, { generatedAt: now, query: caseListQuery(exportRequest) }));
  return exportResponse("json", body, `vigia-cases-${now.toISOString().slice(0, 10)}.json`, "signed-in");
}
