import { formatDateTime } from "~/lib/format.ts";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/lib/auth.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { listUsers } from "~/models/user.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["admin"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireUser(request, "admin");
  const users = await listUsers();
  return { me: me.id, users, now: new Date().toISOString() };
}

export default function Users() {
  const { users, me, now } = useLoaderData<typeof loader>();
  const lng = useLanguage();
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("admin.users.title")}</h1>
      <p className="lede">{t("admin.users.intro")}</p>
      <p>
        <Link to="/admin/users/new" className="button-primary">
          {t("admin.users.add")}
        </Link>
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t("admin.users.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("admin.users.name")}</th>
              <th scope="col">{t("admin.users.email")}</th>
              <th scope="col">{t("admin.users.role")}</th>
              <th scope="col">{t("admin.users.status")}</th>
              <th scope="col">{t("admin.users.lastSignIn")}</th>
              <th scope="col" className="num">
                {t("admin.users.sessions")}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.users.manage")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.active ? undefined : "muted"}>
                <th scope="row">
                  {u.name}
                  {u.id === me ? ` ${t("admin.users.you")}` : ""}
                </th>
                <td>{u.email}</td>
                <td>{t(`app.roles.${u.role}`, { defaultValue: u.role })}</td>
                <td>
                  {u.active ? t("admin.users.active") : t("admin.users.inactive")}
                  {u.lockedUntil && new Date(u.lockedUntil) > new Date(now) ? (
                    <div className="small">{t("admin.users.lockedUntil", { time: formatDateTime(u.lockedUntil, lng) })}</div>
                  ) : null}
                </td>
                <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, lng) : t("admin.users.never")}</td>
                <td className="num">{u.liveSessions}</td>
                <td>
                  <Link to={`/admin/users/${u.id}`} aria-label={`${t("admin.users.manage")}: ${u.name}`}>
                    {t("admin.users.manage")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("admin.users.title")} · Vigía` }];
