// First: configures zod for the browser's CSP before any schema module is evaluated.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Links,
  LiveReload,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { LanguageSwitcher } from "~/components/language-switcher.tsx";
import { useNonce } from "~/components/nonce.tsx";
import { DEFAULT_LANGUAGE, type Language, loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { csrfTokenFor } from "~/lib/csrf.server.ts";
import { getActiveSession, type SessionUser } from "~/lib/session.server.ts";
import { CsrfInput } from "~/components/csrf-input.tsx";
import styles from "~/styles/app.css";

// The dictionary sections this page's modules use, there before it renders (app/lib/i18n.ts).
export const handle = { i18n: ["app", "errors"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  const [lng, session] = await Promise.all([detectLanguage(request), getActiveSession(request)]);
  return {
    lng,
    demoUsers: process.env.VIGIA_DEMO_USERS === "1",
    user: session?.user ?? null,
    csrf: session ? csrfTokenFor(session.token) : null,
  };
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Vigía" }];

/** The HTML document around every page: one head, and the scripts after the body's content. */
function Document({ lng, bare, children }: { lng: Language; bare?: boolean; children: ReactNode }) {
  // This response's CSP nonce (decision 093): every script Remix writes carries it.
  const nonce = useNonce();
  return (
    <html lang={lng}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className={bare ? "bare" : undefined}>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        {/* Only under npm run dev: reloads the page when the app is rebuilt. */}
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

function SiteHeader({ lng, user }: { lng: Language; user: SessionUser | null }) {
  const { t } = useTranslation();
  return (
    <header className="site-header">
      <div className="brand">
        <a href="/" className="brand-name">
          {t("app.name")}
        </a>
        <span className="brand-tagline">{t("app.tagline")}</span>
      </div>
      <nav aria-label={t("app.nav.label")} className="site-nav">
        <NavLink to="/" end>
          {t("app.nav.overview")}
        </NavLink>
        <NavLink to="/trends">{t("app.nav.trends")}</NavLink>
        <NavLink to="/charts">{t("app.nav.charts")}</NavLink>
        <NavLink to="/provisions">{t("app.nav.provisions")}</NavLink>
        <NavLink to="/matrix">{t("app.nav.matrix")}</NavLink>
      </nav>
      {user ? (
        // The work of signed-in people, apart from the public dashboards.
        <nav aria-label={t("app.nav.work")} className="site-nav work-nav">
          <NavLink to="/incidents" end>
            {t("app.nav.cases")}
          </NavLink>
          {user.role !== "viewer" ? <NavLink to="/incidents/new">{t("app.nav.newIncident")}</NavLink> : null}
          {user.role !== "viewer" ? <NavLink to="/provisions/review">{t("app.nav.review")}</NavLink> : null}
          {user.role === "admin" ? <NavLink to="/admin/users">{t("app.nav.users")}</NavLink> : null}
          {user.role === "admin" ? <NavLink to="/admin/import">{t("app.nav.import")}</NavLink> : null}
          {user.role === "admin" ? <NavLink to="/audit">{t("app.nav.audit")}</NavLink> : null}
        </nav>
      ) : null}
      <div className="header-tools">
        <LanguageSwitcher current={lng} />
        {user ? (
          <Form method="post" action="/logout" className="account">
            <CsrfInput />
            <span className="small">{t("app.nav.signedInAs", { name: user.name, role: t(`app.roles.${user.role}`) })}</span>{" "}
            <a href="/account/password" className="small">
              {t("app.nav.changePassword")}
            </a>{" "}
            {user.role !== "viewer" ? (
              <>
                <a href="/account/two-factor" className="small">
                  {t("app.nav.twoFactor")}
                </a>{" "}
              </>
            ) : null}
            <button type="submit" className="link-button small">
              {t("app.nav.signOut")}
            </button>
          </Form>
        ) : (
          <a href="/login" className="account">
            {t("app.nav.signIn")}
          </a>
        )}
      </div>
    </header>
  );
}

function Shell({ children, lng, demoUsers, user }: { children: ReactNode; lng: Language; demoUsers: boolean; user: SessionUser | null }) {
  const { t, i18n } = useTranslation();
  // The root loader's language becomes the translator's before any route renders, so that
  // useLanguage() (app/lib/language.ts) reads it everywhere. The server holds every
  // language, so there the switch is synchronous; the browser holds the reader's
  // language only and loads another before switching to it (the page re-renders then).
  if (i18n.language !== lng) void i18n.changeLanguage(lng);
  // Routes with handle.bare (the /embed/ charts) show their content alone, for framing in other sites.
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare);
  if (bare) {
    return (
      <Document lng={lng} bare>
        <main id="main">{children}</main>
      </Document>
    );
  }
  return (
    <Document lng={lng}>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <SiteHeader lng={lng} user={user} />
      {demoUsers ? (
        <p className="demo-banner" role="note">
          {t("app.demoBanner")}
        </p>
      ) : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("app.footer.data")}</p>
        <p>{t("app.footer.layers")}</p>
      </footer>
    </Document>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <Shell lng={data?.lng ?? DEFAULT_LANGUAGE} demoUsers={data?.demoUsers ?? false} user={data?.user ?? null}>
      {children}
    </Shell>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("errors.notFoundTitle"), t("errors.notFound")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbidden")]
        : [t("errors.genericTitle"), t("errors.generic")];
  if (status >= 500) console.error(error);
  return (
    <section className="error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </section>
  );
}
