// GET /api/v1/provisions?instrument=&pillar=&status=&gap=&limit=&after=: provisions as their pages show them, a page at a time.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiPage } from "~/lib/api.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { apiReader, readApiPage, readApiProvisionFilter } from "~/models/api.server.ts";
import { listProvisionsPage } from "~/models/provision.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const reader = await apiReader(request, context);
  if (!reader.ok) return reader.response;
  const params = new URL(request.url).searchParams;
  const read = await readApiProvisionFilter(params);
  if (!read.ok) return read.response;
  const page = readApiPage(params);
  if (!page.ok) return page.response;
  const found = await listProvisionsPage({ filter: read.filter, after: page.after, size: page.size, lng: await detectLanguage(request) });
  return apiJson(request, apiPage(request, found.rows, found.next), reader.audience);
}
