// The case list's exports: exactly the records the list shows (its filters and its
// search), as CSV (comma or semicolon) or JSON, streamed in keyset batches, audited,
// and never kept by any cache (decision 066). The API's cases.csv writes the same file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseCaseSearch } from "~/domain/case-search.ts";
import { parseIncidentFilter } from "~/domain/incident-filter.ts";
import { hasRole, requireUser } from "~/lib/auth.server.ts";
import { csvStream } from "~/lib/csv.server.ts";
import { exportResponse, textStream } from "~/lib/http.server.ts";
import { clientAddress, enforceRateLimit } from "~/lib/rate-limit.server.ts";
import { auditCaseExport, caseCsvBatches, caseJsonPieces, caseListQuery, type CaseExportRequest } from "~/models/incident-export.server.ts";

export type CaseFileFormat = "csv" | "json";

/** GET /incidents.<format>?<the case list's filters>&q=(&sep=semicolon). */
export async function caseListExport({ request, context }: LoaderFunctionArgs, format: CaseFileFormat): Promise<Response> {
  // Counted against the exports-per-address limit like every other export (decision 095).
  await enforceRateLimit("exportsAddress", clientAddress(context));
  const user = await requireUser(request, "viewer");
  const params = new URL(request.url).searchParams;
  const { filter, problems } = parseIncidentFilter(params);
  // A file of other records than the reader asked for would mislead: a bad filter is refused, not dropped.
  if (problems.length) throw new Response(`Bad filter: ${problems.map((p) => `${p.param}=${p.value}`).join(", ")}`, { status: 400 });
  const exportRequest = { filter, q: parseCaseSearch(params), staff: hasRole(user, "staff") };
  await auditCaseExport({ actorId: user.id, format, request: exportRequest, via: "list" });
  return caseFile(format, exportRequest, params);
}

/** The file itself, once the reader and the audit are settled: `sep=semicolon` for spreadsheets set to French or Spanish. */
export function caseFile(format: CaseFileFormat, exportRequest: CaseExportRequest, params: URLSearchParams): Response {
  const now = new Date();
  const filename = `vigia-cases-${now.toISOString().slice(0, 10)}.${format}`;
  if (format === "csv") {
    const delimiter = params.get("sep") === "semicolon" ? ";" : ",";
    return exportResponse("csv", csvStream(caseCsvBatches(exportRequest), { delimiter }), filename, "signed-in");
  }
  return exportResponse("json", textStream(caseJsonPieces(exportRequest, { generatedAt: now, query: caseListQuery(exportRequest) })), filename, "signed-in");
}
