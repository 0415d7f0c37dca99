// GET /api/v1/links?provision=&case=&layer=&type=&limit=&after=: links between case records and provisions, a page at a time,
// in the reader's view: the public gets accepted and suggested links of published records, without reviewers' names or rationales.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, apiPage } from "~/lib/api.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { apiReader, linkReaderOf, readApiLinkFilter, readApiPage } from "~/models/api.server.ts";
import { listLinksPage } from "~/models/link.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const reader = await apiReader(request, context);
  if (!reader.ok) return reader.response;
  const params = new URL(request.url).searchParams;
  const linkReader = linkReaderOf(reader.user);
  const read = await readApiLinkFilter(params, linkReader);
  if (!read.ok) return read.response;
  const page = readApiPage(params);
  if (!page.ok) return page.response;
  const found = await listLinksPage({ reader: linkReader, filter: read.filter, after: page.after, size: page.size, lng: await detectLanguage(request) });
  return apiJson(request, apiPage(request, found.rows, found.next), reader.audience);
}
