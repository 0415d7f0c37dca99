// Progress of a bulk run of the link suggestion rules. The loader only reads the
// job row; while the run is under way the page refreshes itself every two
// seconds (a meta refresh: no JavaScript needed). A stalled or failed run can be
// resumed from where it stopped.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input.tsx";
import { hasRole, requireUser, requireUserForAction } from "~/lib/auth.server.ts";
import { formatDate, formatNumber, formatPercent } from "~/lib/format.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { getLinkSuggestionJob, startLinkSuggestionJobInBackground } from "~/models/link-job.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["provisions.views"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export const REFRESH_SECONDS = 2;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "staff");
  const job = await getLinkSuggestionJob(params.id!);
  if (!job) throw notFound();
  return { job, canResume: hasRole(user, "admin") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUserForAction(request, "admin");
  const job = await getLinkSuggestionJob(params.id!);
  if (!job) throw notFound();
  if (job.stalled || job.status === "failed") startLinkSuggestionJobInBackground(job.id);
  return redirect(`/provisions/suggest/${job.id}`);
}

export default function SuggestProgress() {
  const { job, canResume } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  const status = job.stalled ? "stalled" : job.status;
  const share = job.total ? Math.min(1, job.processed / job.total) : 1;
  return (
    <div className="suggest-progress">
      <p className="breadcrumbs small">
        <Link to="/provisions">{t("provisions.list.title")}</Link> › <Link to="/provisions/rules">{t("provisions.rules.title")}</Link>
      </p>
      <h1>{t("provisions.suggest.title")}</h1>
      <p>
        {t("provisions.suggest.startedAt", { date: formatDate(job.createdAt.slice(0, 10), lng) })} ·{" "}
        {t("provisions.rules.version", { version: job.rulesVersion })}
      </p>
      <div role="status" aria-live="polite" className="progress-box">
        <p>
          <strong id="job-status">{t(`provisions.suggest.statuses.${status}`)}</strong>
        </p>
        <progress max={job.total || 1} value={Math.min(job.processed, job.total || 1)} aria-labelledby="job-progress" />
        <p id="job-progress">
          {t("provisions.suggest.progress", { processed: formatNumber(job.processed, lng), total: formatNumber(job.total, lng) })} ({formatPercent(share, lng)})
        </p>
      </div>
      <dl className="case-facts">
        <div>
          <dt>{t("provisions.suggest.created")}</dt>
          <dd>{formatNumber(job.created, lng)}</dd>
        </div>
        <div>
          <dt>{t("provisions.suggest.updated")}</dt>
          <dd>{formatNumber(job.updated, lng)}</dd>
        </div>
        <div>
          <dt>{t("provisions.suggest.removed")}</dt>
          <dd>{formatNumber(job.removed, lng)}</dd>
        </div>
      </dl>
      {job.status === "queued" || (job.status === "running" && !job.stalled) ? (
        <p className="small muted">{t("provisions.suggest.refreshing", { seconds: REFRESH_SECONDS })}</p>
      ) : null}
      {job.error ? (
        <p className="form-error" role="alert">
          {t("provisions.suggest.error", { error: job.error })}
        </p>
      ) : null}
      {(job.stalled || job.status === "failed") && canResume ? (
        <Form method="post">
          <CsrfInput />
          <p>{t("provisions.suggest.resumeIntro")}</p>
          <button type="submit" className="button-primary">
            {t("provisions.suggest.resume")}
          </button>
        </Form>
      ) : null}
      {job.status === "done" ? (
        <p>
          {t("provisions.suggest.doneNote")} <Link to="/provisions/review">{t("provisions.review.title")}</Link> ·{" "}
          <Link to="/matrix?status=both">{t("provisions.matrix.title")}</Link>
        </p>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  const active = data && (data.job.status === "queued" || data.job.status === "running") && !data.job.stalled;
  return [{ title: `${t("provisions.suggest.title")} · Vigía` }, ...(active ? [{ httpEquiv: "refresh", content: String(REFRESH_SECONDS) }] : [])];
};
