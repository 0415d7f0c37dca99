// GET /api/v1/cases.csv?<the case list's filters>&q=&sep=semicolon: every matching record as CSV, for a signed-in reader (audited).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError } from "~/lib/api.server.ts";
import { caseFile } from "~/exports/cases.server.ts";
import { readApiCaseRequest } from "~/models/api.server.ts";
import { auditCaseExport } from "~/models/incident-export.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const read = await readApiCaseRequest(request, context);
  if (!read.ok) return read.response;
  // A whole file leaves with the reader's name in the audit log: that needs an account.
  if (!read.user) return apiError(401, "Sign in to download case records as a file; /api/v1/cases pages through them without one.");
  await auditCaseExport({ actorId: read.user.id, format: "csv", request: read.exportRequest, via: "api" });
  return caseFile("csv", read.exportRequest, new URL(request.url).searchParams);
}
