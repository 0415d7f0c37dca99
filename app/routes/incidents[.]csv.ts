// GET /incidents.csv?<the case list's filters>&q=&sep=semicolon: exactly the records the list shows, as CSV (audited).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { hasRole, requireUser } from "~/lib/auth.server.ts";
import { clientAddress, enforceRateLimit } from "~/lib/rate-limit.server.ts";
import { csvStream } from "~/lib/csv.server.ts";
import { exportResponse } from "~/lib/http.server.ts";
import { parseIncidentFilter } from "~/domain/incident-filter.ts";
import { parseCaseSearch } from "~/domain/case-search.ts";
import { auditCaseExport, refuseTooBroad, caseCsvBatches } from "~/models/incident-export.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Counted against the exports-per-address limit like every other export (decision 095).
  await enforceRateLimit("exportsAddress", clientAddress(context));
  const user = await requireUser(request, "viewer");
  const params = new URL(request.url).searchParams;
  const { filter, problems } = parseIncidentFilter(params);
  // A file of other records than the reader asked for would mislead: a bad filter is refused, not dropped.
  if (problems.length) throw new Response(`Bad filter: ${problems.map((p) => `${p.param}=${p.value}`).join(", ")}`, { status: 400 });
  const exportRequest = { filter, q: parseCaseSearch(params), staff: hasRole(user, "staff") };
  await auditCaseExport({ actorId: user.id, format: "csv", request: exportRequest, via: "list" }).catch(refuseTooBroad);
  const delimiter = params.get("sep") === "semicolon" ? ";" : ",";
  const date = new Date().toISOString().slice(0, 10);
  return exportResponse("csv", csvStream(caseCsvBatches(exportRequest), { delimiter }), `vigia-cases-${date}.csv`, "signed-in");
}
