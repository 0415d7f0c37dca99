import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseFilters } from "~/components/case-filters.tsx";
import { hasRole, requireUser } from "~/lib/auth.server.ts";
import { Pager } from "~/components/pager.tsx";
import { formatNumber, formatDateTime } from "~/lib/format.ts";
import { decodeCursor, pageLinks } from "~/lib/keyset.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { incidentDate, stateOrRegion } from "~/domain/incident-format.ts";
import { incidentFilterToParams, parseIncidentFilter } from "~/domain/incident-filter.ts";
import { SEARCH_PARAM, parseCaseSearch } from "~/domain/case-search.ts";
import { caseListQuery } from "~/models/incident-export.server.ts";
import { CASE_SORTS, countIncidentsAwaitingReview, listIncidentCountries, listIncidents, type CaseSort } from "~/models/incident.server.ts";
import { countryName } from "~/domain/countries.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["common", "incidents", "incidents.filters", "incidents.removal", "taxonomy"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  // Case records are for signed-in readers; anonymous visitors get the aggregate dashboards only.
  const user = await requireUser(request, "viewer");
  const staff = hasRole(user, "staff");
  const url = new URL(request.url);
  const params = url.searchParams;
  const deleted = params.get("view") === "deleted";
  if (deleted && !staff) throw new Response("Forbidden", { status: 403 });
  const { filter, problems } = parseIncidentFilter(params);
  const q = deleted ? null : parseCaseSearch(params);
  const sortParam = params.get("sort") ?? "";
  const sort: CaseSort = (CASE_SORTS as readonly string[]).includes(sortParam) ? (sortParam as CaseSort) : "date_desc";
  const pageRequest = { after: decodeCursor(params.get("after")), before: decodeCursor(params.get("before")) };
  const badCursor = (params.has("after") && !pageRequest.after) || (params.has("before") && !pageRequest.before);
  const [page, awaiting, countries, lng] = await Promise.all([
    listIncidents({ filter, q, sort, ...pageRequest, staff, deleted }),
    staff ? countIncidentsAwaitingReview() : Promise.resolve(null),
    listIncidentCountries(),
    detectLanguage(request),
  ]);
  // Links keep every filter and the order; only the cursor changes.
  const base = deleted ? new URLSearchParams({ view: "deleted" }) : incidentFilterToParams(filter);
  if (q) base.set(SEARCH_PARAM, q);
  if (sort !== "date_desc") base.set("sort", sort);
  return {
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
    links: pageLinks("/incidents", base, page, pageRequest),
    // The exports take exactly the list's filters (not its order or page).
    exportQuery: deleted || problems.length ? null : caseListQuery({ filter, q }),
    q,
    // Names in the reader's language, made here: browsers and Node name some countries differently.
    countries: countries.map((c) => ({ code: c.code, name: countryName(c.code, lng) })),
  };
}

export default function CaseList() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
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
          <CaseFilters filter={data.filter} q={data.q} sort={data.sort} sorts={data.sorts} countries={data.countries} />
        </>
      ) : null}
      <p className="result-count" role="status">
        {t("incidents.list.matching", { total: formatNumber(data.total, lng) })}
      </p>
      {data.exportQuery !== null && data.total > 0 ? <ExportLinks query={data.exportQuery} /> : null}
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
                  <td>{stateOrRegion(r.stateCode, r.regionRaw, t)}</td>
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
      <Pager links={data.links} />
    </div>
  );
}

function ExportLinks({ query }: { query: string }) {
  const { t } = useTranslation();
  const href = (path: string, extra?: string) => `${path}${query || extra ? "?" : ""}${[query, extra].filter(Boolean).join("&")}`;
  return (
    <section className="case-export" aria-labelledby="case-export-title">
      <h2 id="case-export-title" className="small-heading">
        {t("incidents.list.export.title")}
      </h2>
      <ul className="inline-list">
        <li>
          <a href={href("/incidents.csv")}>{t("incidents.list.export.csv")}</a>
        </li>
        <li>
          <a href={href("/incidents.csv", "sep=semicolon")}>{t("incidents.list.export.csvSemicolon")}</a>
        </li>
        <li>
          <a href={href("/incidents.json")}>{t("incidents.list.export.json")}</a>
        </li>
      </ul>
      <p className="small">{t("incidents.list.export.note")}</p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: `${data?.deleted ? t("incidents.list.binTitle") : t("incidents.list.title")} · Vigía` }];
};
