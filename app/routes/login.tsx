import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getUser } from "~/lib/auth.server.ts";
import { assertCsrf } from "~/lib/csrf.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { createSession } from "~/lib/session.server.ts";
import { verifySignIn } from "~/models/user.server.ts";
import { safeRedirect } from "~/lib/safe-redirect.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const to = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getUser(request)) throw redirect(to);
  return { lng: await detectLanguage(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  assertCsrf(request, form, null);
  const email = String(form.get("email") ?? "");
  const password = String(form.get("password") ?? "");
  const to = safeRedirect(form.get("redirectTo"));
  if (!email.trim() || !password) return { error: "required" as const, email };
  const user = await verifySignIn(email, password);
  if (!user) return { error: "failed" as const, email };
  return redirect(to === "/login" ? "/" : to, { headers: { "Set-Cookie": await createSession(request, user.id) } });
}

export default function Login() {
  const { t } = useTranslation();
  const result = useActionData<typeof action>();
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
          {t("auth.signIn")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("auth.title")}` }];
