// GET /api/v1/provisions/<code>: one provision as its page shows it; a JSON 404 when no provision has that code.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson } from "~/lib/api.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { apiReader } from "~/models/api.server.ts";
import { getProvisionForApi } from "~/models/provision.server.ts";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const reader = await apiReader(request, context);
  if (!reader.ok) return reader.response;
  const provision = await getProvisionForApi(params.code!, await detectLanguage(request));
  if (!provision) return apiError(404, `No provision "${params.code}": see /api/v1/provisions.`);
  return apiJson(request, provision, reader.audience);
}
