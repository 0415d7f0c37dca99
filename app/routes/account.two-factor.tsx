// One's own second factor (docs/decisions/105): enrol an authenticator app (QR
// code and the secret as text), confirm with a code before it is in force, see
// the recovery codes once; turn it off or get new recovery codes with the
// password and a code. Staff and administrators only.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { ErrorSummary, FieldMessage, fieldProps, useFocusWhen } from "~/components/form-errors.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { scopeErrors, type FieldErrors } from "~/lib/form-errors.ts";
import { formatDateTime } from "~/lib/format.ts";
import { readForm } from "~/lib/form.ts";
import { notFound } from "~/lib/http.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { groupSecret, totpQrDataUrl, totpUri } from "~/lib/totp.server.ts";
import { codeSchema, passwordAndCodeSchema } from "~/models/user.schema.ts";
import {
  cancelTotpEnrolment,
  confirmTotpEnrolment,
  disableTotp,
  formatRecoveryCode,
  getTwoFactorState,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from "~/models/user.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["auth", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

const PATH = "/account/two-factor";
const DONE = ["off", "cancelled"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "staff");
  const state = await getTwoFactorState(user.id);
  if (!state) throw notFound();
  const done = new URL(request.url).searchParams.get("done");
  let enrolment: { secret: string; qr: string } | null = null;
  if (state.pendingSecret) {
    enrolment = { secret: groupSecret(state.pendingSecret), qr: await totpQrDataUrl(totpUri(state.pendingSecret, state.email)) };
  }
  return {
    lng: await detectLanguage(request),
    enabledAt: state.enabledAt?.toISOString() ?? null,
    recoveryCodesLeft: state.recoveryCodesLeft,
    enrolment,
    done: (DONE as readonly string[]).includes(done ?? "") ? done : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form, session } = await requireUserForAction(request, "staff");
  const intent = String(form.get("intent") ?? "");
  let result;
  if (intent === "start") {
    result = await startTotpEnrolment(user.id);
    if (result.ok) return redirect(PATH);
  } else if (intent === "cancel") {
    result = await cancelTotpEnrolment(user.id);
    if (result.ok) return redirect(`${PATH}?done=cancelled`);
  } else if (intent === "confirm" || intent === "regenerate") {
    const codes =
      intent === "confirm"
        ? await confirmWith(readForm(form, codeSchema), (input) => confirmTotpEnrolment(user.id, input.code, session.id))
        : await confirmWith(readForm(form, passwordAndCodeSchema), (input) => regenerateRecoveryCodes(user.id, input.password, input.code));
    if (codes.ok) return data<TwoFactorAnswer>({ errors: null, intent, recoveryCodes: codes.recoveryCodes.map(formatRecoveryCode) });
    result = codes;
  } else if (intent === "disable") {
    const submission = readForm(form, passwordAndCodeSchema);
    if (!submission.ok) return data<TwoFactorAnswer>({ errors: submission.errors, intent }, { status: 400 });
    result = await disableTotp(user.id, submission.data.password, submission.data.code);
    if (result.ok) return redirect(`${PATH}?done=off`);
  } else {
    throw new Response("Unknown action", { status: 400 });
  }
  if (result.missing || !result.errors) throw notFound();
  return data<TwoFactorAnswer>({ errors: result.errors, intent }, { status: 400 });
}

/** A form read with its schema, then saved: the save's answer, or the form's own errors. */
async function confirmWith<I, R extends { ok: boolean }>(
  submission: { ok: true; data: I } | { ok: false; errors: FieldErrors },
  save: (input: I) => Promise<R>,
): Promise<R | { ok: false; errors: FieldErrors; missing?: undefined }> {
  return submission.ok ? save(submission.data) : { ok: false, errors: submission.errors };
}

/** What the actions answer without redirecting: the recovery codes (shown this once), or what was refused. */
interface TwoFactorAnswer {
  errors: FieldErrors | null;
  intent?: string;
  recoveryCodes?: string[];
}

export default function TwoFactor() {
  const { enabledAt, recoveryCodesLeft, enrolment, done } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as TwoFactorAnswer | undefined;
  const { t } = useTranslation();
  const lng = useLanguage();
  // The two password-and-code forms name their fields within their intent, so that ids stay unique.
  const scoped = answer?.intent === "disable" || answer?.intent === "regenerate";
  const errors = scoped ? scopeErrors(answer?.errors, answer!.intent!) : (answer?.errors ?? null);
  const label = (path: string) => t(`auth.twoFactor.fields.${path.split(".").pop()}`);
  return (
    <section className="narrow">
      <h1>{t("auth.twoFactor.title")}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(`auth.twoFactor.done.${done}`)}
        </p>
      ) : null}
      <ErrorSummary errors={errors} label={label} order={["code", "disable.password", "disable.code", "regenerate.password", "regenerate.code"]} />
      {answer?.recoveryCodes ? <RecoveryCodes codes={answer.recoveryCodes} enabled={answer.intent === "confirm"} /> : null}
      <p>{t("auth.twoFactor.intro")}</p>

      {enabledAt ? (
        <>
          <p className="notice" role="status">
            {t("auth.twoFactor.on", { date: formatDateTime(enabledAt, lng) })} {t("auth.twoFactor.codesLeft", { count: recoveryCodesLeft })}
          </p>
          <PasswordAndCodeForm intent="disable" errors={errors} danger />
          <PasswordAndCodeForm intent="regenerate" errors={errors} />
        </>
      ) : enrolment ? (
        <>
          <h2>{t("auth.twoFactor.scanTitle")}</h2>
          <ol className="stack">
            <li>{t("auth.twoFactor.stepApp")}</li>
            <li>
              {t("auth.twoFactor.stepScan")}
              <br />
              <img src={enrolment.qr} alt={t("auth.twoFactor.qrAlt")} width={200} height={200} className="qr-code" />
            </li>
            <li>
              <span id="secret-label">{t("auth.twoFactor.stepSecret")}</span>{" "}
              <code aria-labelledby="secret-label" className="secret">
                {enrolment.secret}
              </code>
            </li>
          </ol>
          <Form method="post" className="stack">
            <CsrfInput />
            <h2>
              <label htmlFor={fieldProps("code", errors).id}>{t("auth.twoFactor.fields.code")}</label>
            </h2>
            <p className="hint" id="confirm-hint">
              {t("auth.twoFactor.confirmHint")}
            </p>
            <input
              {...fieldProps("code", errors, "confirm-hint")}
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={32}
              required
            />
            <FieldMessage path="code" errors={errors} />
            <button type="submit" name="intent" value="confirm" className="button-primary">
              {t("auth.twoFactor.confirm")}
            </button>
          </Form>
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="cancel" className="button-secondary">
              {t("auth.twoFactor.cancel")}
            </button>
          </Form>
        </>
      ) : (
        <>
          <p>{t("auth.twoFactor.off")}</p>
          <Form method="post">
            <CsrfInput />
            <button type="submit" name="intent" value="start" className="button-primary">
              {t("auth.twoFactor.start")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

/** The recovery codes, once: focused when they appear so that a screen reader reads them first. */
/** The recovery codes, shown this once; on enabling, also that the account's other sessions were signed out. */
function RecoveryCodes({ codes, enabled }: { codes: string[]; enabled: boolean }) {
  const { t } = useTranslation();
  const ref = useFocusWhen<HTMLDivElement>(codes.join());
  return (
    <div className="notice recovery-codes" role="region" aria-labelledby="recovery-title" tabIndex={-1} ref={ref}>
      <h2 id="recovery-title">{t("auth.twoFactor.recoveryTitle")}</h2>
      {enabled ? <p>{t("auth.twoFactor.otherSessionsEnded")}</p> : null}
      <p>{t("auth.twoFactor.recoveryIntro", { count: codes.length })}</p>
      <ol>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** Turning it off, or new recovery codes: the password and a code, in a form of its own (ids scoped by intent). */
function PasswordAndCodeForm({ intent, errors, danger = false }: { intent: "disable" | "regenerate"; errors: FieldErrors | null; danger?: boolean }) {
  const { t } = useTranslation();
  const password = `${intent}.password`;
  const code = `${intent}.code`;
  return (
    <Form method="post" className="stack">
      <CsrfInput />
      <h2>{t(`auth.twoFactor.${intent}.title`)}</h2>
      <p className="hint">{t(`auth.twoFactor.${intent}.hint`)}</p>
      <label htmlFor={fieldProps(password, errors).id}>{t("auth.twoFactor.fields.password")}</label>
      <input {...fieldProps(password, errors)} name="password" type="password" autoComplete="current-password" required />
      <FieldMessage path={password} errors={errors} />
      <label htmlFor={fieldProps(code, errors).id}>{t("auth.twoFactor.fields.code")}</label>
      <input {...fieldProps(code, errors)} name="code" type="text" autoComplete="one-time-code" maxLength={32} required />
      <FieldMessage path={code} errors={errors} />
      <button type="submit" name="intent" value={intent} className={danger ? "button-danger" : "button-secondary"}>
        {t(`auth.twoFactor.${intent}.submit`)}
      </button>
    </Form>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("auth.twoFactor.title")} · Vigía` }];
