// Any other address under /api: a JSON 404, not the site's HTML page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError } from "~/lib/api.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  return apiError(404, `Nothing at ${new URL(request.url).pathname}: see /api/v1/openapi.json.`);
}
