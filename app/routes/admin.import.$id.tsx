// One import of the Global Witness dataset: its preview (counts, invalid rows by
// line, changed records field by field, conflicts with a decision each) and the
// confirmation; then its progress, on a page that refreshes itself while the
// import runs (no JavaScript needed), and what it did.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLanguage } from "~/lib/language.ts";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { COUNT_KEYS, GwValue, ImportStatus } from "~/components/gw-import.tsx";
import { requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { formatDateTime, formatNumber, formatPercent } from "~/lib/format.ts";
import { getFixedT, type Language, loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { CONFLICT_DECISIONS, DECISION_FIELD, readConflictDecisions } from "~/models/gw-import.schema.ts";
import { confirmGwImport, discardGwImport, getGwImportJob, startGwImportInBackground } from "~/models/gw-import.server.ts";

export const handle = { i18n: ["gwImport", "gwImport.preview", "incidents", "taxonomy", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export const REFRESH_SECONDS = 2;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const lng = await detectLanguage(request);
  const job = await getGwImportJob(params.id!);
  if (!job) throw new Response("Not found", { status: 404 });
  return { lng, job };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "admin");
  const job = await getGwImportJob(params.id!);
  if (!job) throw new Response("Not found", { status: 404 });
  if (form.get("intent") === "discard") {
    await discardGwImport(job.id);
    return redirect("/admin/import");
  }
  const decisions = readConflictDecisions(
    form,
    job.preview.conflicts.map((c) => c.externalId),
  );
  // A previewed, failed or stalled import (none of which changed anything) can be run; a finished one cannot run again.
  if (await confirmGwImport(job.id, decisions, user.id, { stalled: job.stalled })) startGwImportInBackground(job.id);
  return redirect(`/admin/import/${job.id}`);
}

export default function ImportJob() {
  const { job } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  const { preview } = job;
  const active = (job.status === "queued" || job.status === "running") && !job.stalled;
  const canRun = job.status === "previewed" || job.status === "failed" || job.stalled;
  const share = job.total ? Math.min(1, job.processed / job.total) : 1;
  const counts = job.result ?? preview.counts;
  return (
    <section className="gw-import">
      <p className="breadcrumbs small">
        <Link to="/admin/import">{t("gwImport.job.back")}</Link>
      </p>
      <h1>{job.status === "previewed" ? t("gwImport.preview.title", { name: job.sourceName }) : t("gwImport.job.title", { name: job.sourceName })}</h1>
      <p>
        {formatDateTime(job.createdAt, lng)} · {t("gwImport.preview.rows", { count: preview.rows })}
      </p>
      <div role="status" aria-live="polite" className="progress-box">
        <p>
          <strong id="import-status">
            <ImportStatus job={job} />
          </strong>
        </p>
        {active || job.status === "done" ? (
          <>
            <progress max={job.total || 1} value={Math.min(job.processed, job.total || 1)} aria-labelledby="import-progress" />
            <p id="import-progress">
              {t("gwImport.job.progress", { processed: formatNumber(job.processed, lng), total: formatNumber(job.total, lng) })} ({formatPercent(share, lng)})
            </p>
          </>
        ) : null}
        {job.status === "previewed" ? <p>{t("gwImport.preview.nothingWritten")}</p> : null}
        {active ? <p className="small muted">{t("gwImport.job.refreshing", { seconds: REFRESH_SECONDS })}</p> : null}
        {job.error ? (
          <p className="form-error" role="alert">
            {job.error}
          </p>
        ) : null}
      </div>

      <table className="data-table import-counts">
        <caption>{t(job.result ? "gwImport.job.resultCaption" : "gwImport.preview.countsCaption")}</caption>
        <thead>
          <tr>
            {COUNT_KEYS.map((k) => (
              <th key={k} scope="col">
                {t(`gwImport.counts.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {COUNT_KEYS.map((k) => (
              <td key={k} className="num" id={`count-${k}`}>
                {formatNumber(counts[k], lng)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      {job.result?.conflicts ? <p>{t("gwImport.job.conflictsLeft", { count: job.result.conflicts })}</p> : null}

      <h2>{t("gwImport.preview.invalidTitle")}</h2>
      {preview.invalid.length ? (
        <table className="data-table">
          <caption className="visually-hidden">{t("gwImport.preview.invalidCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("gwImport.preview.line")}</th>
              <th scope="col">{t("gwImport.preview.id")}</th>
              <th scope="col">{t("gwImport.preview.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.invalid.map((r) => (
              <tr key={`${r.line}-${r.reason}`}>
                <td className="num">{r.line}</td>
                <td>{r.id ?? "–"}</td>
                <td>{t(`gwImport.reasons.${r.reason}`, { detail: r.detail ?? "" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t("gwImport.preview.none")}</p>
      )}
      <More shown={preview.invalid.length} total={preview.counts.invalid} />

      <h2>{t("gwImport.preview.changedTitle")}</h2>
      {preview.changed.length ? (
        <table className="data-table">
          <caption className="visually-hidden">{t("gwImport.preview.changedCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("gwImport.preview.line")}</th>
              <th scope="col">{t("gwImport.preview.id")}</th>
              <th scope="col">{t("gwImport.preview.field")}</th>
              <th scope="col">{t("gwImport.preview.before")}</th>
              <th scope="col">{t("gwImport.preview.after")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.changed.flatMap((c) =>
              c.fields.map((f, i) => (
                <tr key={`${c.externalId}-${f.field}`}>
                  <td className="num">{i === 0 ? c.line : ""}</td>
                  <td>{i === 0 ? <Link to={`/incidents/${c.incidentId}`}>{c.externalId}</Link> : ""}</td>
                  <td>{t(`gwImport.field.${f.field}`)}</td>
                  <td>
                    <GwValue field={f.field} value={f.before} />
                  </td>
                  <td>
                    <GwValue field={f.field} value={f.after} />
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t("gwImport.preview.none")}</p>
      )}
      <More shown={preview.changed.length} total={preview.counts.updated} />

      <Form method="post" className="stack">
        <CsrfInput />
        <h2>{t("gwImport.preview.conflictsTitle")}</h2>
        {preview.conflicts.length ? (
          <>
            <p>{t("gwImport.preview.conflictsIntro")}</p>
            {preview.conflicts.map((c) => (
              <fieldset key={c.externalId} className="conflict" disabled={!canRun}>
                <legend>
                  {t("gwImport.preview.line")} {c.line} · <Link to={`/incidents/${c.incidentId}`}>{c.externalId}</Link> ·{" "}
                  {t(`gwImport.preview.conflictReason.${c.reason}`, { version: c.version })}
                </legend>
                <ul className="small">
                  {c.fields.map((f) => (
                    <li key={f.field}>
                      {t(`gwImport.field.${f.field}`)}: <GwValue field={f.field} value={f.before} /> → <GwValue field={f.field} value={f.after} />
                    </li>
                  ))}
                </ul>
                {CONFLICT_DECISIONS.map((d) => (
                  <label key={d} className="choice">
                    <input type="radio" name={`${DECISION_FIELD}${c.externalId}`} value={d} defaultChecked={d === "leave"} /> {t(`gwImport.preview.${d}`)}
                  </label>
                ))}
              </fieldset>
            ))}
          </>
        ) : (
          <p className="muted">{t("gwImport.preview.none")}</p>
        )}
        <More shown={preview.conflicts.length} total={preview.counts.conflicts} />
        {canRun ? (
          <p>
            <button type="submit" name="intent" value="confirm" className="button-primary">
              {job.status === "previewed" ? t("gwImport.preview.confirm") : t("gwImport.job.retry")}
            </button>{" "}
            <button type="submit" name="intent" value="discard" className="button-secondary" formNoValidate>
              {t("gwImport.preview.discard")}
            </button>
          </p>
        ) : null}
      </Form>
    </section>
  );
}

function More({ shown, total }: { shown: number; total: number }) {
  const { t } = useTranslation();
  return total > shown ? <p className="small muted">{t("gwImport.preview.more", { count: total - shown })}</p> : null;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = getFixedT((data?.lng as Language) ?? "en");
  const active = data && (data.job.status === "queued" || data.job.status === "running") && !data.job.stalled;
  return [{ title: `${t("gwImport.title")} · Vigía` }, ...(active ? [{ httpEquiv: "refresh", content: String(REFRESH_SECONDS) }] : [])];
};
