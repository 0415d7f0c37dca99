import { formatDateTime } from "~/lib/format.ts";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { RoleSelect } from "~/components/role-select.tsx";
import { FieldMessage, fieldProps, FormMessage } from "~/components/form-errors.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import type { FieldErrors } from "~/lib/form-errors.ts";
import { readForm } from "~/lib/form.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { PASSWORD_MIN, resetPasswordSchema, roleSchema } from "~/models/user.schema.ts";
import {
  changeUserRole,
  getUserForAdmin,
  removeSecondFactorByAdmin,
  resetPasswordByAdmin,
  revokeSessionsOfUser,
  setUserActive,
  unlockUser,
} from "~/models/user.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["admin", "auth", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

const DONE = ["role", "deactivated", "reactivated", "revoked", "created", "unlocked", "reset", "secondFactorRemoved"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requireUser(request, "admin");
  const user = await getUserForAdmin(params.id!);
  if (!user) throw notFound();
  const done = new URL(request.url).searchParams.get("done");
  return {
    lng: await detectLanguage(request),
    user,
    self: me.id === user.id,
    done: (DONE as readonly string[]).includes(done ?? "") ? done : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: admin, form } = await requireUserForAction(request, "admin");
  const id = params.id!;
  if (!(await getUserForAdmin(id))) throw notFound();
  const intent = String(form.get("intent") ?? "");
  let result;
  let done: (typeof DONE)[number];
  if (intent === "role") {
    const submission = readForm(form, roleSchema);
    if (!submission.ok) return data<ManageAnswer>({ errors: submission.errors }, { status: 400 });
    result = await changeUserRole(id, submission.data.role, admin.id);
    done = "role";
  } else if (intent === "deactivate" || intent === "reactivate") {
    result = await setUserActive(id, intent === "reactivate", admin.id);
    done = intent === "reactivate" ? "reactivated" : "deactivated";
  } else if (intent === "unlock") {
    result = await unlockUser(id, admin.id);
    done = "unlocked";
  } else if (intent === "reset") {
    const submission = readForm(form, resetPasswordSchema);
    if (!submission.ok) return data<ManageAnswer>({ errors: submission.errors }, { status: 400 });
    result = await resetPasswordByAdmin(id, submission.data.password, admin.id);
    done = "reset";
  } else if (intent === "removeSecondFactor") {
    result = await removeSecondFactorByAdmin(id, admin.id);
    done = "secondFactorRemoved";
  } else if (intent === "revoke") {
    result = await revokeSessionsOfUser(id, admin.id);
    done = "revoked";
  } else {
    throw new Response("Unknown action", { status: 400 });
  }
  if (result.ok) return redirect(`/admin/users/${id}?done=${done}`);
  if (result.missing || !result.errors) throw notFound();
  // Acting on one's own account is not allowed at all (403); anything else is a refused form (400).
  return data<ManageAnswer>({ errors: result.errors }, { status: result.errors.form?.key === "notOnSelf" ? 403 : 400 });
}

/** What the account actions answer when they refuse. */
interface ManageAnswer {
  errors: FieldErrors;
}

export default function ManageUser() {
  const { user, self, done } = useLoaderData<typeof loader>();
  const lng = useLanguage();
  const answer = useActionData<typeof action>() as ManageAnswer | undefined;
  const { t } = useTranslation();
  const errors = answer?.errors ?? null;
  return (
    <section className="narrow-wide">
      <p className="small">
        <a href="/admin/users">{t("admin.users.title")}</a>
      </p>
      <h1>{t("admin.user.title", { name: user.name })}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(`admin.user.done.${done}`)}
        </p>
      ) : null}
      <FormMessage errors={errors} />
      <h2>{t("admin.user.account")}</h2>
      <dl className="record">
        <div className="record-row">
          <dt>{t("admin.users.email")}</dt>
          <dd>{user.email}</dd>
        </div>
        <div className="record-row">
          <dt>{t("admin.users.role")}</dt>
          <dd>{t(`app.roles.${user.role}`, { defaultValue: user.role })}</dd>
        </div>
        <div className="record-row">
          <dt>{t("admin.users.status")}</dt>
          <dd>{user.active ? t("admin.users.active") : t("admin.users.inactive")}</dd>
        </div>
        <div className="record-row">
          <dt>{t("admin.users.lastSignIn")}</dt>
          <dd>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, lng) : t("admin.users.never")}</dd>
        </div>
        <div className="record-row">
          <dt>{t("admin.users.sessions")}</dt>
          <dd>{user.liveSessions}</dd>
        </div>
        <div className="record-row">
          <dt>{t("admin.user.failedSignIns")}</dt>
          <dd>
            {user.failedLoginCount}
            {user.lockedUntil ? ` · ${t("admin.users.lockedUntil", { time: formatDateTime(user.lockedUntil, lng) })}` : ""}
          </dd>
        </div>
        <div className="record-row">
          <dt>{t("admin.user.secondFactor")}</dt>
          <dd>{user.totpEnabledAt ? t("admin.user.secondFactorOn") : t("admin.user.secondFactorOff")}</dd>
        </div>
        {user.mustChangePassword ? (
          <div className="record-row">
            <dt>{t("auth.password")}</dt>
            <dd>{t("admin.user.mustChangePassword")}</dd>
          </div>
        ) : null}
      </dl>

      {user.failedLoginCount > 0 ? (
        <Form method="post" className="stack narrow">
          <CsrfInput />
          <h2>{t("admin.user.unlock")}</h2>
          <p className="hint">{t("admin.user.unlockHint", { count: user.failedLoginCount })}</p>
          <button type="submit" name="intent" value="unlock" className="button-primary">
            {t("admin.user.unlock")}
          </button>
        </Form>
      ) : null}

      {self ? (
        <p className="hint">{t("admin.user.selfHint")}</p>
      ) : (
        <>
          <Form method="post" className="stack narrow">
            <CsrfInput />
            <h2>
              <label htmlFor={fieldProps("role", errors).id}>{t("admin.user.changeRole")}</label>
            </h2>
            <RoleSelect errors={errors} defaultValue={user.role} />
            <button type="submit" name="intent" value="role" className="button-primary">
              {t("admin.user.saveRole")}
            </button>
          </Form>
          <Form method="post" className="stack narrow">
            <CsrfInput />
            <h2>
              <label htmlFor={fieldProps("password", errors).id}>{t("admin.user.resetPassword")}</label>
            </h2>
            <p className="hint" id="reset-hint">
              {t("admin.user.resetHint", { min: PASSWORD_MIN })}
            </p>
            <input {...fieldProps("password", errors, "reset-hint")} name="password" type="password" autoComplete="new-password" required />
            <FieldMessage path="password" errors={errors} />
            <button type="submit" name="intent" value="reset" className="button-secondary">
              {t("admin.user.resetPassword")}
            </button>
          </Form>
          {user.totpEnabledAt ? (
            <Form method="post" className="stack narrow">
              <CsrfInput />
              <h2>{t("admin.user.removeSecondFactor")}</h2>
              <p className="hint">{t("admin.user.removeSecondFactorHint")}</p>
              <button type="submit" name="intent" value="removeSecondFactor" className="button-secondary">
                {t("admin.user.removeSecondFactor")}
              </button>
            </Form>
          ) : null}
          <Form method="post" className="stack narrow">
            <CsrfInput />
            <h2>{user.active ? t("admin.user.deactivate") : t("admin.user.reactivate")}</h2>
            {user.active ? <p className="hint">{t("admin.user.deactivateHint")}</p> : null}
            <button type="submit" name="intent" value={user.active ? "deactivate" : "reactivate"} className={user.active ? "button-danger" : "button-primary"}>
              {user.active ? t("admin.user.deactivate") : t("admin.user.reactivate")}
            </button>
          </Form>
        </>
      )}
      <Form method="post" className="stack narrow">
        <CsrfInput />
        <h2>{t("admin.user.revoke")}</h2>
        <p className="hint">{t("admin.user.revokeHint", { count: user.liveSessions })}</p>
        <button type="submit" name="intent" value="revoke" className="button-secondary">
          {t("admin.user.revoke")}
        </button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${metaT(matches)("admin.user.title", { name: data?.user.name ?? "" })} · Vigía` },
];
