// GET /api/v1/figures: every published figure as its source printed it, with the source (never recomputed).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson } from "~/lib/api.server.ts";
import { apiReader } from "~/models/api.server.ts";
import { listPublishedFigures } from "~/models/published-figure.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const reader = await apiReader(request, context);
  if (!reader.ok) return reader.response;
  return apiJson(request, { data: await listPublishedFigures() }, reader.audience);
}
