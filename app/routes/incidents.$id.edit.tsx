import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ConflictView } from "~/components/conflict-view.tsx";
import { IncidentForm } from "~/components/incident-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { countryOptions } from "~/domain/countries.server.ts";
import { formText, readBase, readVersion, type EditConflict } from "~/lib/form.ts";
import type { FormAnswer } from "~/lib/form.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import {
  applySourceRowIntent,
  incidentFieldLabel,
  incidentFieldText,
  incidentToFormValues,
  incidentValuesShape,
  mergeVersions,
  readIncidentForm,
  validateIncident,
  type IncidentField,
  type IncidentFormValues,
} from "~/models/incident.schema.ts";
import { getIncidentForStaff, updateIncident } from "~/models/incident.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["forms", "incidents", "incidents.removal", "taxonomy", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

/** What the action answers when it does not redirect (typed here: single fetch keeps it as is). */
interface FormResult extends FormAnswer<IncidentFormValues, IncidentField> {
  version: number;
  base: IncidentFormValues | null;
  conflict: (EditConflict<IncidentFormValues, IncidentField> & { verificationStatus: string }) | null;
  /** The case was deleted while it was being edited */
  deleted: boolean;
  nonce: string;
}

async function liveIncident(id: string) {
  const incident = await getIncidentForStaff(id);
  if (!incident || incident.deletedAt) throw notFound();
  return incident;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const incident = await liveIncident(params.id!);
  const base = incidentToFormValues(incident);
  // One empty row so that a source can be added straight away.
  const values = { ...base, sources: [...base.sources, { url: "", title: "" }] };
  const lng = await detectLanguage(request);
  return { id: incident.id, version: incident.version, values, base, countries: countryOptions(lng) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  const id = params.id!;
  // A case deleted while someone edits it answers 409 below, with every typed value kept.
  if (!(await getIncidentForStaff(id))) throw notFound();
  const values = readIncidentForm(form);
  const version = readVersion(form);
  const answer: FormResult = {
    values,
    base: readBase(form, incidentValuesShape),
    errors: null,
    version: version ?? 0,
    conflict: null,
    deleted: false,
    nonce: `${Date.now()}-${Math.random()}`,
  };
  const rows = applySourceRowIntent(values, formText(form, "intent") || "save");
  if (rows) return { ...answer, values: rows };
  if (version === null) return data({ ...answer, errors: { form: { key: "noVersion" } } }, { status: 400 });
  const checked = validateIncident(values);
  if (!checked.ok) return data({ ...answer, errors: checked.errors }, { status: 400 });

  const saved = await updateIncident(id, version, checked.data, user.id);
  if (saved.ok) return redirect(`/incidents/${id}?done=saved`);
  if (saved.missing) return data({ ...answer, deleted: true }, { status: 409 });
  if (saved.errors) return data({ ...answer, errors: saved.errors }, { status: 400 });
  // Someone saved first: nothing was written. Show theirs beside yours; the form keeps
  // every field you changed and takes theirs where only they changed something.
  const theirs = saved.conflict;
  const { merged, both, theirsOnly } = mergeVersions(answer.base, theirs.values, values);
  const conflict: FormResult["conflict"] = {
    theirs: theirs.values,
    yours: values,
    both,
    theirsOnly,
    version: theirs.version,
    savedBy: theirs.savedBy,
    savedAt: theirs.savedAt,
    verificationStatus: theirs.verificationStatus,
  };
  return data({ ...answer, values: merged, base: theirs.values, version: theirs.version, conflict }, { status: 409 });
}

export default function EditIncident() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const { t } = useTranslation();
  const lng = useLanguage();
  const values = result?.values ?? loaded.values;
  const conflict = result?.conflict ?? null;
  const countryLabel = (code: string) => loaded.countries.find((c) => c.code === code)?.name ?? code;
  return (
    <section className="form-page">
      <h1>{t("incidents.form.editTitle")}</h1>
      <p className="lede">{t("incidents.form.editIntro")}</p>
      <IncidentForm
        key={result?.nonce ?? "initial"}
        mode="edit"
        values={values}
        errors={result?.errors ?? null}
        lng={lng}
        version={result && result.version > 0 ? result.version : loaded.version}
        cancelHref={`/incidents/${loaded.id}`}
        countries={loaded.countries}
        base={result ? (result.base ?? undefined) : loaded.base}
        before={
          result?.deleted ? (
            <div className="conflict" role="alert">
              <p>{t("incidents.conflict.deleted")}</p>
            </div>
          ) : conflict ? (
            <ConflictView
              conflict={conflict}
              lng={lng}
              title={t("incidents.conflict.title")}
              label={(field) => incidentFieldLabel(field, t)}
              text={(field, values) => incidentFieldText(field, values, { t, lng, countryName: countryLabel })}
              noFieldChanges={t("incidents.conflict.noFieldChanges", { status: t(`taxonomy.verification.${conflict.verificationStatus}`) })}
              discardHref={`/incidents/${loaded.id}/edit`}
            />
          ) : null
        }
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("incidents.form.editTitle")} · Vigía` }];
