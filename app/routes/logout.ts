import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { assertCsrf } from "~/lib/csrf.server.ts";
import { clearSessionCookie, getActiveSession, revokeSession } from "~/lib/session.server.ts";

export async function action({ request }: ActionFunctionArgs) {
  const session = await getActiveSession(request);
  const form = await request.formData();
  assertCsrf(request, form, session?.token ?? null);
  if (session) await revokeSession(session.id);
  return redirect("/", { headers: { "Set-Cookie": await clearSessionCookie(request) } });
}

export async function loader() {
  return redirect("/");
}
