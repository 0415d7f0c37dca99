import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseFilters } from "~/components/case-filters.tsx";
import { hasRole, requireUser } from "~/lib/auth.server.ts";
import { formatNumber, formatDateTime } from "~/lib/format.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { incidentDate, stateName } from "~/domain/incident-format.ts";
import { incidentFilterToParams, parseIncidentFilter } from "~/domain/incident-filter.ts";
import { CASE_SORTS, countIncidentsAwaitingReview, decodeCaseCursor, listIncidents, type CaseSort } from "~/models/incident.server.ts";

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  // Case records are for signed-in readers; anonymous visitors get the aggregate dashboards only.
  const user = await requireUser(request, "viewer");
  const staff = hasRole(user, "staff");
  const url = new URL(request.url);
  const params = url.searchParams;
  const deleted = params.get("view") === "deleted";
  if (deleted && !staff) throw new Response("Forbidden", { status: 403 });
  const { filter, problems } = parseIncidentFilter(params);
  const sortParam = params.get("sort") ?? "";
  const sort: CaseSort = (CASE_SORTS as readonly string[]).includes(sortParam) ? (sortParam as CaseSort) : "date_desc";
  const after = decodeCaseCursor(params.get("after"));
  const before = decodeCaseCursor(params.get("before"));
  const badCursor = (params.has("after") && !after) || (params.has("before") && !before);
  const [page, awaiting, lng] = await Promise.all([
    listIncidents({ filter, sort, after, before, size: PAGE_SIZE, staff, deleted }),
    staff ? countIncidentsAwaitingReview() : Promise.resolve(null),
    detectLanguage(request),
  ]);
  // Links keep every filter and the order; only the cursor changes.
  const base = deleted ? new URLSearchParams({ view: "deleted" }) : incidentFilterToParams(filter);
  if (sort !== "date_desc") base.set("sort", sort);
  const link = (key: "after" | "before" | null, cursor: string | null) => {
    const p = new URLSearchParams(base);
    if (key && cursor) p.set(key, cursor);
    const q = p.toString();
    return q ? `/incidents?${q}` : "/incidents";
  };
  return {
    lng,
    staff,
    deleted,
    filter,
    problems,
    badCursor,
    sort,
    sorts: CASE_SORTS,
    rows: page.rows,
    total: page.total,
    awaiting,
    done: params.get("done") === "purged" ? ("purged" as const) : null,
    links: {
      first: after || before ? link(null, null) : null,
      prev: page.prev ? link("before", page.prev) : null,
      next: page.next ? link("after", page.next) : null,
    },
  };
}

export default function CaseList() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = data.lng as Language;
  return (
    <div className="case-list">
      <h1>{data.deleted ? t("incidents.list.binTitle") : t("incidents.list.title")}</h1>
      {data.done === "purged" ? (
        <p className="notice" role="status">
          {t("incidents.purge.done")}
        </p>
      ) : null}
      <p className="lede">{data.deleted ? t("incidents.list.binIntro") : t("incidents.list.intro")}</p>
      {data.staff ? (
        <p className="toolbar">
          {!data.deleted ? (
            <>
              <Link to="/incidents/new" className="button-primary">
                {t("incidents.list.logIncident")}
              </Link>{" "}
              <Link to="/incidents?verification=reported&origin=staff">{t("incidents.list.awaitingReview", { count: data.awaiting ?? 0 })}</Link>
              {" · "}
              <Link to="/incidents?view=deleted">{t("incidents.list.bin")}</Link>
            </>
          ) : (
            <Link to="/incidents">{t("incidents.list.backToList")}</Link>
          )}
        </p>
      ) : null}
      {data.problems.length || data.badCursor ? (
        <div className="notice" role="status">
          <p>{t("incidents.filters.problems.title")}</p>
          <ul>
            {data.problems.map((p, i) => (
              <li key={i}>{t(`incidents.filters.problems.${p.reason}`, { value: p.value, param: p.param })}</li>
            ))}
            {data.badCursor ? <li>{t("incidents.filters.problems.badCursor")}</li> : null}
          </ul>
        </div>
      ) : null}
      {!data.deleted ? (
        <>
          <p className="small">{t("incidents.list.defaultScope")}</p>
          <CaseFilters filter={data.filter} sort={data.sort} sorts={data.sorts} />
        </>
      ) : null}
      <p className="result-count" role="status">
        {t("incidents.list.matching", { total: formatNumber(data.total, lng) })}
      </p>
      {data.rows.length ? (
        <div className="table-scroll">
          <table className="data-table case-table">
            <caption className="visually-hidden">{t("incidents.list.caption", { sort: t(`incidents.filters.sorts.${data.sort}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("incidents.list.columns.date")}</th>
                <th scope="col">{t("incidents.list.columns.victim")}</th>
                <th scope="col">{t("incidents.list.columns.state")}</th>
                <th scope="col">{t("incidents.list.columns.municipality")}</th>
                <th scope="col">{t("incidents.list.columns.outcome")}</th>
                <th scope="col">{t("incidents.list.columns.sector")}</th>
                <th scope="col">{t("incidents.list.columns.perpetrator")}</th>
                <th scope="col" className="num">
                  {t("incidents.list.columns.victims")}
                </th>
                <th scope="col">{t("incidents.list.columns.origin")}</th>
                <th scope="col">{t("incidents.list.columns.verification")}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <time dateTime={new Date(r.occurredOn).toISOString().slice(0, 10)}>{incidentDate(r.occurredOn, r.datePrecision, lng)}</time>
                    {r.deletedAt ? <div className="small muted">{t("incidents.list.deletedOn", { date: formatDateTime(r.deletedAt, lng) })}</div> : null}
                  </td>
                  <th scope="row">
                    <Link to={`/incidents/${r.id}`}>
                      {r.victimName ?? (r.nameWithheld ? t("incidents.values.nameWithheld") : t("incidents.values.nameUnknown"))}
                    </Link>
                    {r.victimName && r.nameWithheld ? <span className="tag">{t("incidents.values.nameWithheld")}</span> : null}
                  </th>
                  <td>
                    {r.stateCode ? stateName(r.stateCode, t) : r.regionRaw ? `${t("taxonomy.state.unknown")} (${r.regionRaw})` : t("taxonomy.state.unknown")}
                  </td>
                  <td>{r.municipality ?? ""}</td>
                  <td>{t(`taxonomy.outcome.${r.outcome}`)}</td>
                  <td>{t(`taxonomy.sector.${r.sector}`)}</td>
                  <td>{t(`taxonomy.perpetrator.${r.perpetratorType}`)}</td>
                  <td className="num">{formatNumber(r.victimCount, lng)}</td>
                  <td>{t(`taxonomy.origin.${r.origin}`)}</td>
                  <td>
                    <span className={`status status-${r.verificationStatus}`}>{t(`taxonomy.verification.${r.verificationStatus}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("incidents.list.empty")}</p>
      )}
      <nav className="pager" aria-label={t("incidents.list.pages")}>
        {data.links.first ? <Link to={data.links.first}>{t("incidents.list.first")}</Link> : null}
        {data.links.prev ? (
          <Link to={data.links.prev} rel="prev">
            {t("incidents.list.previous")}
          </Link>
        ) : null}
        {data.links.next ? (
          <Link to={data.links.next} rel="next">
            {t("incidents.list.next")}
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = getFixedT((data?.lng as Language) ?? "en");
  return [{ title: `${data?.deleted ? t("incidents.list.binTitle") : t("incidents.list.title")} · Vigía` }];
};
