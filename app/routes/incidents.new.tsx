import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { IncidentForm, type DuplicateView } from "~/components/incident-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { countryOptions } from "~/domain/countries.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import type { FieldErrors } from "~/lib/form-errors.ts";
import { formText } from "~/lib/form.ts";
import { applySourceRowIntent, emptyIncidentForm, readIncidentForm, validateIncident, type IncidentFormValues } from "~/models/incident.schema.ts";
import { createIncident, DUPLICATE_WINDOW_DAYS, findPossibleDuplicates } from "~/models/incident.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["incidents", "incidents.removal", "taxonomy", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

/** What the action answers when it does not redirect (typed here: single fetch keeps it as is). */
interface FormResult {
  values: IncidentFormValues;
  errors: FieldErrors | null;
  duplicates: DuplicateView[] | null;
  nonce: string;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const lng = await detectLanguage(request);
  return { values: emptyIncidentForm(), duplicateWindowDays: DUPLICATE_WINDOW_DAYS, countries: countryOptions(lng) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  const values = readIncidentForm(form);
  const intent = formText(form, "intent") || "save";
  // Every answer carries the values back exactly as posted: nothing typed is lost.
  const nonce = `${Date.now()}-${Math.random()}`;
  const rows = applySourceRowIntent(values, intent);
  if (rows) return { values: rows, errors: null, duplicates: null, nonce };
  const result = validateIncident(values);
  if (!result.ok) return data({ values, errors: result.errors, duplicates: null, nonce }, { status: 400 });

  const duplicates = await findPossibleDuplicates(result.data);
  const acknowledged = new Set(form.getAll("acknowledged").map(String));
  const confirmed = form.get("saveAnyway") === "1" && duplicates.every((d) => acknowledged.has(d.id));
  if (duplicates.length && !confirmed) {
    return {
      values,
      errors: null,
      nonce,
      duplicates: duplicates.map((d) => ({ ...d, occurredOn: d.occurredOn.toISOString() })),
    };
  }
  const created = await createIncident(result.data, user.id, { possibleDuplicates: duplicates.map((d) => d.id) });
  return redirect(`/incidents/${created.id}?done=created`);
}

export default function NewIncident() {
  const { values, duplicateWindowDays, countries } = useLoaderData<typeof loader>();
  const lng = useLanguage();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const { t } = useTranslation();
  return (
    <section className="form-page">
      <h1>{t("incidents.form.newTitle")}</h1>
      <p className="lede">{t("incidents.form.newIntro")}</p>
      <IncidentForm
        key={result?.nonce ?? "initial"}
        mode="new"
        values={result?.values ?? values}
        errors={result?.errors ?? null}
        duplicates={result?.duplicates ?? null}
        duplicateWindowDays={duplicateWindowDays}
        lng={lng}
        cancelHref="/incidents"
        countries={countries}
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("incidents.form.newTitle")} · Vigía` }];
