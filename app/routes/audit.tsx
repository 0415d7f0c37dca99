import { formatDateTime } from "~/lib/format.ts";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditCountryNames, AuditChanges } from "~/components/audit-changes.tsx";
import { countryName } from "~/domain/countries.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, decodeAuditCursor, listAuditEvents, type AuditFilter } from "~/models/audit.server.ts";
import { listUserNames } from "~/models/user.server.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const params = new URL(request.url).searchParams;
  const filter: AuditFilter = {};
  const problems: string[] = [];
  const actor = params.get("actor")?.trim();
  if (actor) filter.actorId = actor;
  const action = params.get("action")?.trim();
  if (action && (AUDIT_ACTIONS as readonly string[]).includes(action)) filter.action = action;
  const entityType = params.get("entityType")?.trim();
  if (entityType && (AUDIT_ENTITY_TYPES as readonly string[]).includes(entityType)) filter.entityType = entityType;
  const entityId = params.get("entityId")?.trim();
  if (entityId) filter.entityId = entityId;
  for (const key of ["from", "to"] as const) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (DAY.test(value) && !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime())) filter[key] = value;
    else problems.push(value);
  }
  const [lng, users, page] = await Promise.all([
    detectLanguage(request),
    listUserNames(),
    listAuditEvents(filter, { after: decodeAuditCursor(params.get("after")), before: decodeAuditCursor(params.get("before")) }),
  ]);
  const base = new URLSearchParams();
  for (const [k, v] of Object.entries({
    actor: filter.actorId,
    action: filter.action,
    entityType: filter.entityType,
    entityId: filter.entityId,
    from: filter.from,
    to: filter.to,
  })) {
    if (v) base.set(k, v);
  }
  const link = (key: "after" | "before", cursor: string | null) => {
    if (!cursor) return null;
    const p = new URLSearchParams(base);
    p.set(key, cursor);
    return `/audit?${p}`;
  };
  return {
    lng,
    users,
    filter,
    problems,
    events: page.events,
    countries: auditCountryNames(page.events, (code) => countryName(code, lng)),
    actions: AUDIT_ACTIONS,
    entityTypes: AUDIT_ENTITY_TYPES,
    links: { first: params.has("after") || params.has("before") ? `/audit?${base}` : null, prev: link("before", page.prev), next: link("after", page.next) },
  };
}

export default function AuditLog() {
  const { lng, users, filter, problems, events, links, actions, entityTypes, countries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="audit-page">
      <h1>{t("admin.audit.title")}</h1>
      <p className="lede">{t("admin.audit.intro")}</p>
      {problems.length ? (
        <div className="notice" role="status">
          <ul>
            {problems.map((p) => (
              <li key={p}>{t("admin.audit.badDate", { value: p })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="get" className="case-filters" aria-labelledby="audit-filters-title">
        <h2 id="audit-filters-title" className="small-heading">
          {t("admin.audit.filters")}
        </h2>
        <div className="filter-row">
          <label>
            {t("admin.audit.actor")}
            <select name="actor" defaultValue={filter.actorId ?? ""}>
              <option value="">{t("admin.audit.all")}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name} ({u.email})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("admin.audit.action")}
            <select name="action" defaultValue={filter.action ?? ""}>
              <option value="">{t("admin.audit.all")}</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {t(`admin.audit.actions.${a}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("admin.audit.entityType")}
            <select name="entityType" defaultValue={filter.entityType ?? ""}>
              <option value="">{t("admin.audit.all")}</option>
              {entityTypes.map((e) => (
                <option key={e} value={e}>
                  {t(`admin.audit.entity.${e}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("admin.audit.from")}
            <input type="date" name="from" defaultValue={filter.from ?? ""} />
          </label>
          <label>
            {t("admin.audit.to")}
            <input type="date" name="to" defaultValue={filter.to ?? ""} />
          </label>
          {filter.entityId ? <input type="hidden" name="entityId" value={filter.entityId} /> : null}
        </div>
        <div className="form-actions">
          <button type="submit" className="button-primary">
            {t("admin.audit.apply")}
          </button>
          <a href="/audit">{t("admin.audit.clear")}</a>
        </div>
      </Form>
      {events.length ? (
        <div className="table-scroll">
          <table className="data-table audit-table">
            <caption className="visually-hidden">{t("admin.audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.audit.when")}</th>
                <th scope="col">{t("admin.audit.actor")}</th>
                <th scope="col">{t("admin.audit.action")}</th>
                <th scope="col">{t("admin.audit.record")}</th>
                <th scope="col">{t("admin.audit.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td>
                    <time dateTime={new Date(e.createdAt).toISOString()}>{formatDateTime(e.createdAt, lng as Language)}</time>
                  </td>
                  <td>{e.actor ? e.actor.name : t("admin.audit.systemActor")}</td>
                  <td>{t(`admin.audit.actions.${e.action}`, { defaultValue: e.action })}</td>
                  <td>
                    {t(`admin.audit.entity.${e.entityType}`, { defaultValue: e.entityType })}{" "}
                    {e.action === "purge" ? (
                      <span className="muted">
                        {e.entityId.slice(0, 10)}… ({t("admin.audit.purgedRecord")})
                      </span>
                    ) : (
                      <Link to={e.entityType === "incident" ? `/incidents/${e.entityId}` : `/admin/users/${e.entityId}`}>{e.entityId.slice(0, 10)}…</Link>
                    )}
                  </td>
                  <td>
                    <AuditChanges before={e.before} after={e.after} lng={lng as Language} countries={countries} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("admin.audit.empty")}</p>
      )}
      <nav className="pager" aria-label={t("incidents.list.pages")}>
        {links.first ? <Link to={links.first}>{t("incidents.list.first")}</Link> : null}
        {links.prev ? (
          <Link to={links.prev} rel="prev">
            {t("incidents.list.previous")}
          </Link>
        ) : null}
        {links.next ? (
          <Link to={links.next} rel="next">
            {t("incidents.list.next")}
          </Link>
        ) : null}
      </nav>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${getFixedT((data?.lng as Language) ?? "en")("admin.audit.title")} · Vigía` }];
