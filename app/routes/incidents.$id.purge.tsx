import { formatDateTime } from "~/lib/format.ts";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { errorId, fieldId } from "~/lib/form-errors.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { incidentDate, stateName } from "~/domain/incident-format.ts";
import { getIncidentForStaff, purgeIncident } from "~/models/incident.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const incident = await getIncidentForStaff(params.id!);
  if (!incident) throw notFound();
  const { confidential: _staffOnly, ...shown } = incident;
  return { lng: await detectLanguage(request), incident: shown };
}

/** Purging is the one irreversible action: admins only, a soft-deleted case only, and an explicit confirmation. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "admin");
  const id = params.id!;
  const incident = await getIncidentForStaff(id);
  if (!incident) throw notFound();
  if (!incident.deletedAt) return data({ error: "notDeleted" as const }, { status: 409 });
  if (form.get("confirm") !== "yes") return data({ error: "confirm" as const }, { status: 400 });
  await purgeIncident(id, user.id);
  return redirect("/incidents?view=deleted&done=purged");
}

export default function PurgeIncident() {
  const { incident } = useLoaderData<typeof loader>();
  const lng = useLanguage();
  const result = useActionData<typeof action>() as { error: "notDeleted" | "confirm" } | undefined;
  const { t } = useTranslation();
  const name = incident.victimName ?? t("incidents.page.unnamed");
  return (
    <section className="narrow-wide">
      <h1>{t("incidents.purge.title")}</h1>
      <p>
        <strong>{name}</strong> · {t(`taxonomy.outcome.${incident.outcome}`)} · {incidentDate(incident.occurredOn, incident.datePrecision, lng)} ·{" "}
        {stateName(incident.stateCode, t)}
      </p>
      {!incident.deletedAt || result?.error === "notDeleted" ? (
        <p className="form-error" role="alert">
          {t("incidents.purge.notDeleted")}
        </p>
      ) : (
        <>
          <p className="small muted">{t("incidents.page.deletedBanner", { date: formatDateTime(incident.deletedAt, lng) })}</p>
          <p>{t("incidents.purge.intro")}</p>
          <Form method="post" className="stack">
            <CsrfInput />
            <p className="checkbox-field">
              <input
                type="checkbox"
                id={fieldId("confirm")}
                name="confirm"
                value="yes"
                aria-invalid={result?.error === "confirm" || undefined}
                aria-describedby={result?.error === "confirm" ? errorId("confirm") : undefined}
              />
              <label htmlFor={fieldId("confirm")}>{t("incidents.purge.confirm")}</label>
            </p>
            {result?.error === "confirm" ? (
              <p className="field-error" id={errorId("confirm")} role="alert">
                {t("validation.confirmPurge")}
              </p>
            ) : null}
            <p className="form-actions">
              <button type="submit" className="button-danger">
                {t("incidents.purge.submit")}
              </button>
              <Link to={`/incidents/${incident.id}`}>{t("incidents.purge.cancel")}</Link>
            </p>
          </Form>
        </>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("incidents.purge.title")} · Vigía` }];
