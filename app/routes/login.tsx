import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { CHANGE_PASSWORD_PATH, getUser } from "~/lib/auth.server.ts";
import { assertCsrf } from "~/lib/csrf.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { clientAddress, hitRateLimit } from "~/lib/rate-limit.server.ts";
import { createSession, startSecondFactor } from "~/lib/session.server.ts";
import { verifySignIn } from "~/models/user.server.ts";
import { safeRedirect } from "~/lib/safe-redirect.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["auth"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  const to = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getUser(request)) throw redirect(to);
  return { lng: await detectLanguage(request) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  assertCsrf(request, form, null);
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const to = safeRedirect(form.get("redirectTo"));
  // Per address first (guessing many accounts), then per account (many addresses guessing one).
  for (const [limit, subject] of [
    ["signInAddress", clientAddress(context)],
    ["signInAccount", email.trim().toLowerCase()],
  ] as const) {
    const outcome = await hitRateLimit(limit, subject);
    if (!outcome.ok) {
      return data<LoginAnswer>({ error: "tooMany", email }, { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } });
    }
  }
  if (!email.trim() || !password) return data<LoginAnswer>({ error: "required", email }, { status: 400 });
  const result = await verifySignIn(email, password);
  if (result.status === "failed") return data<LoginAnswer>({ error: "failed", email }, { status: 400 });
  const next = to === "/login" ? "/" : to;
  if (result.status === "code") {
    // The password was right; the account has a second factor: nothing is granted until the code is right too.
    return redirect(`/login/code?redirectTo=${encodeURIComponent(next)}`, { headers: { "Set-Cookie": await startSecondFactor(request, result.userId) } });
  }
  return redirect(result.mustChangePassword ? CHANGE_PASSWORD_PATH : next, { headers: { "Set-Cookie": await createSession(request, result.user.id) } });
}

/** What a refused sign-in answers: why (the same "failed" whatever was wrong), and the email as typed. */
interface LoginAnswer {
  error: "required" | "failed" | "tooMany";
  email: string;
}

export default function Login() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>() as LoginAnswer | undefined;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <section className="narrow">
      <h1>{t("auth.title")}</h1>
      <p>{t("auth.intro")}</p>
      {result?.error ? (
        <p className="form-error" role="alert" id="login-error">
          {t(`auth.${result.error}`)}
        </p>
      ) : null}
      <Form method="post" className="stack" aria-describedby={result?.error ? "login-error" : undefined}>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <label>
          {t("auth.email")}
          <input type="email" name="email" autoComplete="username" required defaultValue={result?.email ?? ""} />
        </label>
        <label>
          {t("auth.password")}
          <input type="password" name="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="button-primary" disabled={busy}>
          {t("app.nav.signIn")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("auth.title")}` }];
