import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { ErrorSummary, FieldMessage, fieldProps } from "~/components/form-errors.tsx";
import { RoleSelect } from "~/components/role-select.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { fieldId, type FieldErrors } from "~/lib/form-errors.ts";
import { readForm } from "~/lib/form.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { newUserSchema, PASSWORD_MIN } from "~/models/user.schema.ts";
import { createUser } from "~/models/user.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["admin", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

interface FormResult {
  values: { email: string; name: string; role: string };
  errors: FieldErrors;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  return { lng: await detectLanguage(request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "admin");
  const submission = readForm(form, newUserSchema);
  // The password is never sent back to the page.
  const { password: _password, ...kept } = submission.values;
  if (!submission.ok) return data<FormResult>({ values: kept, errors: submission.errors }, { status: 400 });
  const created = await createUser(submission.data, user.id);
  if (!created.ok) return data<FormResult>({ values: kept, errors: created.errors ?? {} }, { status: 400 });
  return redirect(`/admin/users/${created.id}?done=created`);
}

export default function NewUser() {
  useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const { t } = useTranslation();
  // Checked by the server only (one round trip, the same messages with or without
  // JavaScript): zod stays out of the browser (docs/decisions/114-zod-only-where-a-form-is-checked.md).
  const errors = result?.errors ?? null;
  const label = (path: string) => t(path === "password" ? "admin.newUser.password" : `admin.users.${path}`);
  return (
    <section className="narrow">
      <h1>{t("admin.newUser.title")}</h1>
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <ErrorSummary errors={errors} label={label} order={["email", "name", "role", "password"]} />
        <div className="field">
          <label htmlFor={fieldId("email")}>{t("admin.users.email")}</label>
          <input {...fieldProps("email", errors)} type="email" name="email" autoComplete="off" defaultValue={result?.values.email ?? ""} />
          <FieldMessage path="email" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={fieldId("name")}>{t("admin.users.name")}</label>
          <input {...fieldProps("name", errors)} name="name" autoComplete="off" defaultValue={result?.values.name ?? ""} />
          <FieldMessage path="name" errors={errors} />
        </div>
        <div className="field">
          <label htmlFor={fieldId("role")}>{t("admin.users.role")}</label>
          <RoleSelect errors={errors} defaultValue={result?.values.role ?? "viewer"} />
        </div>
        <div className="field">
          <label htmlFor={fieldId("password")}>{t("admin.newUser.password")}</label>
          <p className="hint" id="password-hint">
            {t("admin.newUser.passwordHint", { min: PASSWORD_MIN })}
          </p>
          <input {...fieldProps("password", errors, "password-hint")} type="password" name="password" autoComplete="new-password" />
          <FieldMessage path="password" errors={errors} />
        </div>
        <button type="submit" className="button-primary">
          {t("admin.newUser.submit")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("admin.newUser.title")} · Vigía` }];
