// The second step of a sign-in for an account with a second factor
// (docs/decisions/105): a code from the authenticator app, or a recovery code.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FieldMessage, fieldProps, FormMessage } from "~/components/form-errors.tsx";
import { CHANGE_PASSWORD_PATH, getUser } from "~/lib/auth.server.ts";
import { assertCsrf } from "~/lib/csrf.server.ts";
import type { FieldErrors } from "~/lib/form-errors.ts";
import { readForm } from "~/lib/form.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { clientAddress, hitRateLimit } from "~/lib/rate-limit.server.ts";
import { safeRedirect } from "~/lib/safe-redirect.ts";
import { clearSecondFactor, createSession, pendingSecondFactor } from "~/lib/session.server.ts";
import { codeSchema } from "~/models/user.schema.ts";
import { signInEmailOf, verifySecondFactor } from "~/models/user.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["auth", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  const to = safeRedirect(new URL(request.url).searchParams.get("redirectTo"));
  if (await getUser(request)) throw redirect(to);
  // Nothing waiting (or it waited too long): the page says so and links to the password step.
  return { lng: await detectLanguage(request), pending: (await pendingSecondFactor(request)) !== null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  assertCsrf(request, form, null);
  const to = safeRedirect(form.get("redirectTo"));
  const userId = await pendingSecondFactor(request);
  if (!userId) return data<CodeAnswer>({ errors: { form: { key: "signInExpired" } } }, { status: 400 });
  // The same limits as the password step, per address and per account, so that both steps count together.
  for (const [limit, subject] of [
    ["signInAddress", clientAddress(context)],
    ["signInAccount", (await signInEmailOf(userId)) ?? userId],
  ] as const) {
    const outcome = await hitRateLimit(limit, subject);
    if (!outcome.ok) {
      return data<CodeAnswer>({ errors: { form: { key: "signInTooMany" } } }, { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } });
    }
  }
  const submission = readForm(form, codeSchema);
  if (!submission.ok) return data<CodeAnswer>({ errors: submission.errors }, { status: 400 });
  const result = await verifySecondFactor(userId, submission.data.code);
  if (result.status !== "ok") return data<CodeAnswer>({ errors: { code: { key: "codeRefused" } } }, { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(request, result.user.id));
  headers.append("Set-Cookie", await clearSecondFactor(request));
  const next = to.startsWith("/login") ? "/" : to;
  return redirect(result.mustChangePassword ? CHANGE_PASSWORD_PATH : next, { headers });
}

/** A refused code: why (codes are never sent back). */
interface CodeAnswer {
  errors: FieldErrors;
}

export default function SignInCode() {
  const { t } = useTranslation();
  const { pending } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as CodeAnswer | undefined;
  const [params] = useSearchParams();
  const expired = !pending || answer?.errors.form?.key === "signInExpired";
  // Arriving with nothing waiting reads like a sign-in that waited too long.
  const errors: FieldErrors | null = answer?.errors ?? (pending ? null : { form: { key: "signInExpired" } });
  return (
    <section className="narrow">
      <h1>{t("auth.code.title")}</h1>
      <FormMessage errors={errors} />
      {expired ? (
        <p>
          <a href={`/login?redirectTo=${encodeURIComponent(params.get("redirectTo") ?? "/")}`}>{t("auth.code.again")}</a>
        </p>
      ) : (
        <>
          <p id="code-hint">{t("auth.code.intro")}</p>
          <Form method="post" className="stack">
            <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
            <label htmlFor={fieldProps("code", errors).id}>{t("auth.code.label")}</label>
            <input
              {...fieldProps("code", errors, "code-hint")}
              name="code"
              type="text"
              autoComplete="one-time-code"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={32}
              required
            />
            <FieldMessage path="code" errors={errors} />
            <button type="submit" className="button-primary">
              {t("auth.code.submit")}
            </button>
          </Form>
          <p className="small">
            <a href="/login">{t("auth.code.cancel")}</a>
          </p>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("auth.code.title")} · Vigía` }];
