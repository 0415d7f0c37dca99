import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { assertCsrf } from "~/lib/csrf.server.ts";
import { isLanguage } from "~/lib/i18n.ts";
import { getActiveSession } from "~/lib/session.server.ts";
import { cookieSecure } from "~/lib/http.server.ts";
import { languageCookie } from "~/lib/i18n.server.ts";
import { safeRedirect } from "~/lib/safe-redirect.ts";

// The same CSRF and origin check as every other write: a signed-in reader's form carries the token.
export async function action({ request }: ActionFunctionArgs) {
  const session = await getActiveSession(request);
  const form = await request.formData();
  assertCsrf(request, form, session?.token ?? null);
  const lng = form.get("lng");
  const to = safeRedirect(form.get("redirectTo"));
  if (!isLanguage(lng)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(lng, { secure: cookieSecure(request) }) } });
}

export async function loader() {
  return redirect("/");
}
