// /audit (admins): every audited change, newest first, filtered by who, what,
// which record and when, a page of 50 at a time.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditActor, AuditChanges, auditCountryCodes } from "~/components/audit-changes.tsx";
import { auditFieldLabel } from "~/components/audit-field-label.ts";
import { FilterForm } from "~/components/filter-form.tsx";
import { Pager } from "~/components/pager.tsx";
import { countryNames } from "~/domain/countries.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime } from "~/lib/format.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { decodeCursor, pageLinks } from "~/lib/keyset.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, listAuditEvents, type AuditEventView, type AuditFilter } from "~/models/audit.server.ts";
import { findInstrumentCodes } from "~/models/instrument.server.ts";
import { findLinkEnds } from "~/models/link.server.ts";
import { findMilestoneKeys } from "~/models/milestone.server.ts";
import { findProvisionCodes } from "~/models/provision.server.ts";
import { listUserNames } from "~/models/user.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["admin.audit", "common", "incidents", "provisions.form", "provisions.links", "taxonomy"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const params = new URL(request.url).searchParams;
  const { filter, problems } = parseAuditFilter(params);
  const pageRequest = { after: decodeCursor(params.get("after")), before: decodeCursor(params.get("before")) };
  const [lng, users, page] = await Promise.all([detectLanguage(request), listUserNames(), listAuditEvents(filter, pageRequest)]);
  return {
    users,
    filter,
    problems,
    events: page.rows,
    records: await describeRecords(page.rows),
    countries: countryNames(auditCountryCodes(page.rows), lng),
    actions: AUDIT_ACTIONS,
    entityTypes: AUDIT_ENTITY_TYPES,
    links: pageLinks("/audit", filterParams(filter), page, pageRequest),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The log's filters from its address; a date that is not one is reported and left out. */
function parseAuditFilter(params: URLSearchParams): { filter: AuditFilter; problems: string[] } {
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
  return { filter, problems };
}

function filterParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  const named = { actor: filter.actorId, action: filter.action, entityType: filter.entityType, entityId: filter.entityId, from: filter.from, to: filter.to };
  for (const [k, v] of Object.entries(named)) if (v) params.set(k, v);
  return params;
}

interface RecordRef {
  /** Null when the record is gone (purged) or has no page */
  href: string | null;
  /** The record's code or key where it has one, else the start of its id */
  label: string;
}

/** Where each event's record can be seen, named by its code where it has one. */
async function describeRecords(events: AuditEventView[]): Promise<Record<string, RecordRef>> {
  const idsOf = (type: string) => [...new Set(events.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const [links, provisions, instruments, milestones] = await Promise.all([
    findLinkEnds(idsOf("link")),
    findProvisionCodes(idsOf("provision")),
    findInstrumentCodes(idsOf("instrument")),
    findMilestoneKeys(idsOf("milestone")),
  ]);
  const refs: Record<string, RecordRef> = {};
  for (const e of events) {
    const short = `${e.entityId.slice(0, 10)}…`;
    const link = links.get(e.entityId);
    const code = provisions.get(e.entityId) ?? instruments.get(e.entityId) ?? milestones.get(e.entityId);
    let ref: RecordRef = { href: null, label: short };
    if (e.action === "purge") ref = { href: null, label: short };
    else if (e.entityType === "incident") ref = { href: `/incidents/${e.entityId}`, label: short };
    else if (e.entityType === "user") ref = { href: `/admin/users/${e.entityId}`, label: short };
    else if (e.entityType === "link_job") ref = { href: `/provisions/suggest/${e.entityId}`, label: short };
    else if (e.entityType === "link" && link) ref = { href: `/incidents/${link.incidentId}/links#link-${e.entityId}`, label: link.provisionCode };
    else if (e.entityType === "provision" && code) ref = { href: `/provisions/${code}`, label: code };
    else if (e.entityType === "instrument" && code) ref = { href: `/provisions#instrument-${code}`, label: code };
    else if (e.entityType === "milestone" && code) ref = { href: "/provisions/milestones", label: code };
    refs[e.id] = ref;
  }
  return refs;
}

export default function AuditLog() {
  const { problems, events, links } = useLoaderData<typeof loader>();
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
      <AuditFilters />
      {events.length ? <AuditTable /> : <p>{t("admin.audit.empty")}</p>}
      <Pager links={links} />
    </section>
  );
}

/** A plain GET form: the filters live in the address, so a filtered log can be bookmarked. */
function AuditFilters() {
  const { users, filter, actions, entityTypes } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <FilterForm
      id="audit-filters-title"
      title={t("admin.audit.filters")}
      applyLabel={t("admin.audit.apply")}
      clearHref="/audit"
      clearLabel={t("admin.audit.clear")}
    >
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
    </FilterForm>
  );
}

function AuditTable() {
  const { events, records, countries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
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
                <time dateTime={new Date(e.createdAt).toISOString()}>{formatDateTime(e.createdAt, lng)}</time>
              </td>
              <td>
                <AuditActor event={e} />
              </td>
              <td>{t(`admin.audit.actions.${e.action}`, { defaultValue: e.action })}</td>
              <td>
                <RecordCell entityType={e.entityType} purged={e.action === "purge"} record={records[e.id]} />
              </td>
              <td>
                <AuditChanges before={e.before} after={e.after} countries={countries} fieldLabel={auditFieldLabel(e.entityType, t)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RecordCell({ entityType, purged, record }: { entityType: string; purged: boolean; record: RecordRef }) {
  const { t } = useTranslation();
  return (
    <>
      {t(`admin.audit.entity.${entityType}`, { defaultValue: entityType })}{" "}
      {record.href ? (
        <Link to={record.href}>{record.label}</Link>
      ) : (
        <span className="muted">
          {record.label}
          {purged ? ` (${t("admin.audit.purgedRecord")})` : null}
        </span>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("admin.audit.title")} · Vigía` }];
