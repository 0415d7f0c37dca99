import { formatDateTime } from "~/lib/format.ts";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFocusOnMount } from "~/components/form-errors.tsx";
import { IncidentForm } from "~/components/incident-form.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { countryOptions } from "~/domain/countries.server.ts";
import type { FieldErrors } from "~/lib/form-errors.ts";
import type { Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
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
  const lng = useLanguage();
  const values = result?.values ?? loaded.values;
  const conflict = result?.conflict ?? null;
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
            <ConflictView conflict={conflict} lng={lng} id={loaded.id} countries={loaded.countries} />
          ) : null
        }
      />
    </section>
  );
}

function ConflictView({ conflict, lng, id, countries }: { conflict: Conflict; lng: Language; id: string; countries: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const countryLabel = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  const ref = useFocusOnMount<HTMLElement>();
  return (
    <section className="conflict" aria-labelledby="conflict-title" tabIndex={-1} ref={ref}>
      <h2 id="conflict-title">{t("incidents.conflict.title")}</h2>
      <p>
        {t("incidents.conflict.intro", {
          version: conflict.version,
          name: conflict.savedBy ?? t("incidents.conflict.unknownUser"),
          date: formatDateTime(conflict.savedAt, lng),
        })}
      </p>
      {conflict.both.length || conflict.theirsOnly.length ? (
        <>
          <div className="table-scroll">
            <table className="data-table conflict-table">
              <thead>
                <tr>
                  <th scope="col">{t("incidents.conflict.field")}</th>
                  <th scope="col">{t("incidents.conflict.theirs")}</th>
                  <th scope="col">{t("incidents.conflict.yours")}</th>
                  <th scope="col">{t("incidents.conflict.inForm")}</th>
                </tr>
              </thead>
              <tbody>
                {[...conflict.both, ...conflict.theirsOnly].map((field) => {
                  const kept = conflict.both.includes(field);
                  return (
                    <tr key={field} data-field={field} data-kept={kept ? "yours" : "theirs"}>
                      <th scope="row">{incidentFieldLabel(field, t)}</th>
                      <td className="theirs">{incidentFieldText(field, conflict.theirs, t, lng, countryLabel)}</td>
                      <td className="yours">{incidentFieldText(field, conflict.yours, t, lng, countryLabel)}</td>
                      <td>{kept ? t("incidents.conflict.keptYours") : t("incidents.conflict.tookTheirs")}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>{t("incidents.conflict.again")}</p>
        </>
      ) : (
        <p>{t("incidents.conflict.noFieldChanges", { status: t(`taxonomy.verification.${conflict.verificationStatus}`) })}</p>
      )}
      <p>
        <Link to={`/incidents/${id}/edit`} reloadDocument>
          {t("incidents.conflict.discard")}
        </Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("incidents.form.editTitle")} · Vigía` }];
