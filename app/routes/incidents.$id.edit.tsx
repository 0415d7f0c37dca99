import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConflictView } from "~/components/conflict-view.tsx";
import { IncidentForm } from "~/components/incident-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { countryOptions } from "~/domain/countries.ts";
import type { FieldErrors } from "~/lib/form-errors.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { incidentFieldLabel, incidentFieldText } from "~/domain/incident-labels.ts";
import {
  applySourceRowIntent,
  incidentToFormValues,
  mergeVersions,
  parseFormValues,
  readIncidentForm,
  validateIncident,
  type IncidentField,
  type IncidentFormValues,
} from "~/models/incident.schema.ts";
import { listEntityHistory } from "~/models/audit.server.ts";
import { getIncidentForStaff, updateIncident } from "~/models/incident.server.ts";

interface Conflict {
  theirs: IncidentFormValues;
  /** What was posted, before the merge */
  yours: IncidentFormValues;
  /** Changed by both: the form keeps yours */
  both: IncidentField[];
  /** Changed only by them: the form now holds theirs */
  theirsOnly: IncidentField[];
  version: number;
  savedBy: string | null;
  savedAt: string;
  verificationStatus: string;
}

/** What the action answers when it does not redirect (typed here: single fetch keeps it as is). */
interface FormResult {
  values: IncidentFormValues;
  base: IncidentFormValues | null;
  errors: FieldErrors | null;
  version: number;
  nonce: string;
  conflict: Conflict | null;
  deleted: boolean;
}

async function liveIncident(id: string) {
  const incident = await getIncidentForStaff(id);
  if (!incident || incident.deletedAt) throw new Response("Not found", { status: 404 });
  return incident;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const incident = await liveIncident(params.id!);
  const base = incidentToFormValues(incident);
  // One empty row so that a source can be added straight away.
  const values = { ...base, sources: [...base.sources, { url: "", title: "" }] };
  const lng = await detectLanguage(request);
  return { lng, id: incident.id, version: incident.version, values, base, countries: countryOptions(lng) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  const id = params.id!;
  // A case deleted while someone edits it answers 409 below, with every typed value kept.
  if (!(await getIncidentForStaff(id))) throw new Response("Not found", { status: 404 });
  const values = readIncidentForm(form);
  const intent = String(form.get("intent") ?? "save");
  const nonce = `${Date.now()}-${Math.random()}`;
  const versionText = String(form.get("version") ?? "");
  const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : NaN;
  const started = parseFormValues(String(form.get("base") ?? ""));
  const answer: FormResult = { values, base: started, errors: null, version, nonce, conflict: null, deleted: false };
  const rows = applySourceRowIntent(values, intent);
  if (rows) return { ...answer, values: rows };
  if (Number.isNaN(version)) return data({ ...answer, version: 0, errors: { version: { key: "invalid" } } }, { status: 400 });
  const result = validateIncident(values);
  if (!result.ok) return data({ ...answer, errors: result.errors }, { status: 400 });

  const saved = await updateIncident(id, version, result.data, user.id);
  if (saved.status === "saved") return redirect(`/incidents/${id}?done=saved`);
  if (saved.status === "missing") return data({ ...answer, deleted: true }, { status: 409 });
  // Someone saved first: nothing was written. Show theirs beside yours; the form keeps
  // every field you changed and takes theirs where only they changed something.
  const theirs = incidentToFormValues(saved.current);
  const { merged, both, theirsOnly } = mergeVersions(started, theirs, values);
  const [latest] = await listEntityHistory("incident", id, 1);
  const conflict: Conflict = {
    theirs,
    yours: values,
    both,
    theirsOnly,
    version: saved.current.version,
    savedBy: latest?.actor?.name ?? saved.current.updatedBy?.name ?? null,
    savedAt: (latest?.createdAt ?? saved.current.updatedAt).toISOString(),
    verificationStatus: saved.current.verificationStatus,
  };
  return data({ ...answer, values: merged, base: theirs, version: saved.current.version, conflict }, { status: 409 });
}

export default function EditIncident() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormResult | undefined;
  const { t } = useTranslation();
  const lng = loaded.lng as Language;
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
              text={(field, values) => incidentFieldText(field, values, t, lng, countryLabel)}
              noFieldChanges={t("incidents.conflict.noFieldChanges", { status: t(`taxonomy.verification.${conflict.verificationStatus}`) })}
              discardHref={`/incidents/${loaded.id}/edit`}
            />
          ) : null
        }
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${getFixedT((data?.lng as Language) ?? "en")("incidents.form.editTitle")} · Vigía` }];
