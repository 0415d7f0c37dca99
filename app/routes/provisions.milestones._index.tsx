// Milestones: the dates that annotate time charts and bound scorecard windows.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SourceLine } from "~/components/commitment.tsx";
import { Untranslated } from "~/components/untranslated.tsx";
import { hasRole, requireDashboardReader } from "~/lib/auth.server.ts";
import { formatDate } from "~/lib/format.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { listMilestonesWithSources } from "~/models/milestone.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["charts", "common", "provisions", "provisions.form", "provisions.views"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  const [lng, user] = await Promise.all([detectLanguage(request), requireDashboardReader(request)]);
  return { milestones: await listMilestonesWithSources(lng), isStaff: hasRole(user, "staff") };
}

export default function Milestones() {
  const { milestones, isStaff } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <div className="milestones-page">
      <p className="breadcrumbs small">
        <Link to="/provisions">{t("provisions.list.title")}</Link>
      </p>
      <h1>{t("provisions.milestones.title")}</h1>
      <p className="lede">{t("provisions.milestones.intro")}</p>
      {isStaff ? (
        <p className="page-actions">
          <Link to="/provisions/milestones/new">{t("provisions.form.newMilestone")}</Link>
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table">
          <caption>{t("provisions.milestones.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("provisions.form.fields.date")}</th>
              <th scope="col">{t("provisions.form.fields.label")}</th>
              <th scope="col">{t("provisions.form.fields.instrumentCode")}</th>
              <th scope="col">{t("common.source")}</th>
              {isStaff ? <th scope="col">{t("provisions.milestones.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {milestones.map((m) => (
              <tr key={m.key}>
                <td>
                  <time dateTime={m.date}>{formatDate(m.date, lng)}</time>
                </td>
                <th scope="row">
                  <span lang={m.untranslated ? "en" : undefined}>{m.label}</span> {m.untranslated ? <Untranslated /> : null}
                  {m.note ? <p className="small muted">{m.note}</p> : null}
                </th>
                <td>{m.instrumentCode ?? <span className="muted">—</span>}</td>
                <td className="small">
                  <SourceLine source={m.source} />
                </td>
                {isStaff ? (
                  <td>
                    <Link to={`/provisions/milestones/${m.key}/edit`} aria-label={t("provisions.milestones.editLabel", { label: m.label })}>
                      {t("provisions.milestones.edit")}
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("provisions.milestones.title")} · Vigía` }];
