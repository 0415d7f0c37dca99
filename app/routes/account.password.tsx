import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { ErrorSummary, FieldMessage, fieldProps } from "~/components/form-errors.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import type { FieldErrors } from "~/lib/form-errors.ts";
import { readForm } from "~/lib/form.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { changePasswordSchema, PASSWORD_MIN } from "~/models/user.schema.ts";
import { changeOwnPassword } from "~/models/user.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["auth", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "viewer", { passwordChange: true });
  return { lng: await detectLanguage(request), forced: user.mustChangePassword, done: new URL(request.url).searchParams.get("done") === "1" };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form, session } = await requireUserForAction(request, "viewer", { passwordChange: true });
  const submission = readForm(form, changePasswordSchema);
  if (!submission.ok) return data<PasswordAnswer>({ errors: submission.errors }, { status: 400 });
  const { currentPassword, newPassword } = submission.data;
  const result = await changeOwnPassword(user.id, currentPassword, newPassword, session.id);
  if (result.ok) return redirect("/account/password?done=1");
  return data<PasswordAnswer>({ errors: result.errors ?? {} }, { status: 400 });
}

/** A refused change: what is wrong (passwords are never sent back). */
interface PasswordAnswer {
  errors: FieldErrors;
}

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

export default function ChangePassword() {
  const { forced, done } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as PasswordAnswer | undefined;
  const { t } = useTranslation();
  const errors = answer?.errors ?? null;
  return (
    <section className="narrow">
      <h1>{t("auth.passwordPage.title")}</h1>
      {done ? (
        <p className="notice" role="status">
          {t("auth.passwordPage.done")}
        </p>
      ) : null}
      {forced ? (
        <p className="notice" role="status">
          {t("auth.passwordPage.forced")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} label={(path) => t(`auth.passwordPage.${path}`)} order={FIELDS} />
      <Form method="post" className="stack">
        <CsrfInput />
        <label htmlFor={fieldProps("currentPassword", errors).id}>{t("auth.passwordPage.currentPassword")}</label>
        <input {...fieldProps("currentPassword", errors)} name="currentPassword" type="password" autoComplete="current-password" required />
        <FieldMessage path="currentPassword" errors={errors} />
        <label htmlFor={fieldProps("newPassword", errors).id}>{t("auth.passwordPage.newPassword")}</label>
        <p className="hint" id="new-password-hint">
          {t("auth.passwordPage.hint", { min: PASSWORD_MIN })}
        </p>
        <input {...fieldProps("newPassword", errors, "new-password-hint")} name="newPassword" type="password" autoComplete="new-password" required />
        <FieldMessage path="newPassword" errors={errors} />
        <label htmlFor={fieldProps("confirmPassword", errors).id}>{t("auth.passwordPage.confirmPassword")}</label>
        <input {...fieldProps("confirmPassword", errors)} name="confirmPassword" type="password" autoComplete="new-password" required />
        <FieldMessage path="confirmPassword" errors={errors} />
        <button type="submit" className="button-primary">
          {t("auth.passwordPage.submit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("auth.passwordPage.title")} · Vigía` }];
