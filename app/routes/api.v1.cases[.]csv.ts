// GET /api/v1/cases.csv?<the case list's filters>&q=&sep=semicolon: every matching record as CSV, for a signed-in reader (audited).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError } from "~/lib/api.server.ts";
import { csvStream } from "~/lib/csv.server.ts";
import { exportResponse } from "~/lib/http.server.ts";
import { readApiCaseRequest } from "~/models/api.server.ts";
import { auditCaseExport, caseCsvBatches, SearchTooBroad } from "~/models/incident-export.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const read = await readApiCaseRequest(request);
  if (!read.ok) return read.response;
  // A whole file leaves with the reader's name in the audit log: that needs an account.
  if (!read.user) return apiError(401, "Sign in to download case records as a file; /api/v1/cases pages through them without one.");
  try {
    await auditCaseExport({ actorId: read.user.id, format: "csv", request: read.exportRequest, via: "api" });
  } catch (error) {
    if (error instanceof SearchTooBroad) return apiError(400, "The search matches too many records: add a word or a filter.");
    throw error;
  }
  const delimiter = new URL(request.url).searchParams.get("sep") === "semicolon" ? ";" : ",";
  return exportResponse(
    "csv",
    csvStream(caseCsvBatches(read.exportRequest), { delimiter }),
    `vigia-cases-${new Date().toISOString().slice(0, 10)}.csv`,
    "signed-in",
  );
}
