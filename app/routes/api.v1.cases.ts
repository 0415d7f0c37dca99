// GET /api/v1/cases?<the case list's filters>&q=&limit=&after=: case records as JSON, a page at a time (decision 067).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiPage } from "~/lib/api.server.ts";
import { readApiCaseRequest } from "~/models/api.server.ts";
import { listIncidentsPage } from "~/models/incident-export.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const read = await readApiCaseRequest(request, context);
  if (!read.ok) return read.response;
  const { exportRequest, after, size, audience } = read;
  const page = await listIncidentsPage({ ...exportRequest, after, size });
  return apiJson(request, apiPage(request, page.rows, page.next), audience);
}
