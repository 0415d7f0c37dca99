// GET /api/v1/milestones: the dated events that annotate time charts, labelled in the reader's language.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson } from "~/lib/api.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { apiReader } from "~/models/api.server.ts";
import { listMilestones } from "~/models/milestone.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const reader = await apiReader(request, context);
  if (!reader.ok) return reader.response;
  return apiJson(request, { data: await listMilestones(await detectLanguage(request)) }, reader.audience);
}
