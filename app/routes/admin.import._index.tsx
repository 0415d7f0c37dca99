// Import of the Global Witness dataset: upload a CSV or fetch it from the
// configured address; either way the file is checked and previewed first
// (/admin/import/<id>), and nothing is written until an admin confirms there.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useLanguage } from "~/lib/language.ts";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { GwRefusalMessage, ImportCountsCells, ImportStatus } from "~/components/gw-import.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { env } from "~/lib/env.server.ts";
import { formatDateTime } from "~/lib/format.ts";
import { getFixedT, type Language, loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { formatBytes, MAX_UPLOAD_BYTES, withBodyLimit } from "~/lib/upload.server.ts";
import { fetchGwImportPreview, listGwImportJobs, previewGwImport, type GwFileRefusal } from "~/models/gw-import.server.ts";

export const handle = { i18n: ["gwImport", "incidents", "taxonomy"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const lng = await detectLanguage(request);
  const jobs = await listGwImportJobs(10);
  return {
    lng,
    datasetUrl: env().gwDatasetUrl,
    maxSize: formatBytes(MAX_UPLOAD_BYTES),
    jobs: jobs.map(({ preview: _p, ...job }) => job),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  // Who is asking is checked before a large body is read.
  await requireUser(request, "admin");
  const limited = await withBodyLimit(request, MAX_UPLOAD_BYTES);
  if (!limited) return data({ refusal: { problem: "tooLarge", line: null, detail: null } as GwFileRefusal }, { status: 413 });
  const { user, form } = await requireUserForAction(limited, "admin");
  let result: Awaited<ReturnType<typeof previewGwImport>>;
  if (form.get("intent") === "fetch") {
    result = await fetchGwImportPreview({ url: env().gwDatasetUrl, actorId: user.id });
  } else {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return data({ refusal: { problem: "noFile", line: null, detail: null } as GwFileRefusal }, { status: 400 });
    result = await previewGwImport({
      csv: new Uint8Array(await file.arrayBuffer()),
      origin: "upload",
      sourceName: file.name || "upload.csv",
      actorId: user.id,
    });
  }
  if (!result.ok) return data({ refusal: result.refusal }, { status: 400 });
  return redirect(`/admin/import/${result.job.id}`);
}

export default function ImportPage() {
  const { datasetUrl, maxSize, jobs } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as { refusal: GwFileRefusal } | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <section className="gw-import">
      <h1>{t("gwImport.title")}</h1>
      <p className="lede">{t("gwImport.intro")}</p>
      <p className="small muted">{t("gwImport.dashboardsNote")}</p>
      {answer?.refusal ? <GwRefusalMessage refusal={answer.refusal} maxSize={maxSize} /> : null}

      <Form method="post" encType="multipart/form-data" className="stack narrow">
        <CsrfInput />
        <fieldset>
          <legend>{t("gwImport.upload.legend")}</legend>
          <div className="field">
            <label htmlFor="gw-file">{t("gwImport.upload.file")}</label>
            <p className="hint" id="gw-file-hint">
              {t("gwImport.upload.hint", { size: maxSize })}
            </p>
            <input id="gw-file" type="file" name="file" accept=".csv,text/csv" required aria-describedby="gw-file-hint" />
          </div>
          <button type="submit" name="intent" value="upload" className="button-primary" disabled={busy}>
            {t("gwImport.upload.submit")}
          </button>
        </fieldset>
      </Form>

      <Form method="post" className="stack narrow">
        <CsrfInput />
        <fieldset>
          <legend>{t("gwImport.fetch.legend")}</legend>
          {datasetUrl ? (
            <>
              <p className="small">{t("gwImport.fetch.address", { url: datasetUrl })}</p>
              <button type="submit" name="intent" value="fetch" disabled={busy}>
                {t("gwImport.fetch.submit")}
              </button>
            </>
          ) : (
            <p className="small muted">{t("gwImport.fetch.notConfigured")}</p>
          )}
        </fieldset>
      </Form>

      <h2>{t("gwImport.history.title")}</h2>
      {jobs.length ? (
        <table className="data-table">
          <caption className="visually-hidden">{t("gwImport.history.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("gwImport.history.when")}</th>
              <th scope="col">{t("gwImport.history.file")}</th>
              <th scope="col">{t("gwImport.history.status")}</th>
              <th scope="col">{t("gwImport.counts.created")}</th>
              <th scope="col">{t("gwImport.counts.updated")}</th>
              <th scope="col">{t("gwImport.counts.unchanged")}</th>
              <th scope="col">{t("gwImport.counts.invalid")}</th>
              <th scope="col">{t("gwImport.counts.conflicts")}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>{formatDateTime(job.createdAt, lng)}</td>
                <td>
                  <Link to={`/admin/import/${job.id}`}>{job.sourceName}</Link>
                </td>
                <td>
                  <ImportStatus job={job} />
                </td>
                <ImportCountsCells counts={job.result} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t("gwImport.history.none")}</p>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = getFixedT((data?.lng as Language) ?? "en");
  return [{ title: `${t("gwImport.title")} · Vigía` }];
};
