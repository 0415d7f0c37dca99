// GET /api/v1/openapi.json: the API's OpenAPI 3.1 description.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiJson } from "~/lib/api.server.ts";
import { OPENAPI_DOCUMENT } from "~/models/openapi.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  return apiJson(request, OPENAPI_DOCUMENT, "public");
}
