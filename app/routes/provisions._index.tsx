import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CommitmentStatus, GapBadge, LocalText, MadeOn, pillarLabel, SourceLine } from "~/components/commitment.tsx";
import { Untranslated } from "~/components/untranslated.tsx";
import { hasRole, requireDashboardReader } from "~/lib/auth.server.ts";
import { env } from "~/lib/env.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { countPendingSuggestions } from "~/models/link.server.ts";
import { listProvisionsByInstrument } from "~/models/provision.server.ts";
import { chartReaderOf } from "~/charts/query.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["charts", "common", "provisions", "provisions.form", "provisions.views"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  const [lng, user] = await Promise.all([detectLanguage(request), requireDashboardReader(request)]);
  const instruments = await listProvisionsByInstrument(lng, chartReaderOf(user));
  const isStaff = hasRole(user, "staff");
  return {
    instruments,
    isStaff,
    signedIn: !!user,
    pending: isStaff ? await countPendingSuggestions() : null,
    smallCountThreshold: env().smallCountThreshold,
  };
}

export default function Provisions() {
  const { instruments, isStaff, signedIn, pending, smallCountThreshold } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  const gaps = instruments.flatMap((i) => i.pillars.flatMap((p) => p.provisions)).filter((p) => p.isGap);
  return (
    <div className="provisions-page">
      <h1>{t("provisions.list.title")}</h1>
      <p className="lede">{t("provisions.list.intro")}</p>
      <nav aria-label={t("provisions.list.related")} className="page-actions">
        <Link to="/provisions/rules">{t("provisions.rules.title")}</Link>
        <Link to="/matrix">{t("provisions.matrix.title")}</Link>
        <Link to="/provisions/milestones">{t("provisions.milestones.title")}</Link>
        {isStaff ? (
          <>
            <Link to="/provisions/review">{t("provisions.review.linkWithCount", { count: pending ?? 0 })}</Link>
            <Link to="/provisions/new">{t("provisions.form.newProvision")}</Link>
            <Link to="/provisions/instruments/new">{t("provisions.form.newInstrument")}</Link>
          </>
        ) : null}
      </nav>

      {gaps.length ? (
        <aside className="gap-callout" aria-labelledby="gaps-title">
          <h2 id="gaps-title">{t("provisions.list.gapsTitle")}</h2>
          <p>{t("provisions.list.gapsIntro")}</p>
          <ul>
            {gaps.map((g) => (
              <li key={g.code}>
                <Link to={`/provisions/${g.code}`}>
                  <LocalText value={g.title} />
                </Link>{" "}
                <CommitmentStatus status={g.status} />
              </li>
            ))}
          </ul>
        </aside>
      ) : null}

      {instruments.map((instrument) => (
        <section key={instrument.code} className="instrument" aria-labelledby={`instrument-${instrument.code}`}>
          <h2 id={`instrument-${instrument.code}`}>
            <LocalText value={instrument.name} />
          </h2>
          <p className="instrument-meta small">
            <span className="kind-badge">{t(`provisions.kinds.${instrument.kind}`, { defaultValue: instrument.kind })}</span>{" "}
            <SourceLine source={instrument.source} />
            {isStaff ? (
              <>
                {" · "}
                <Link to={`/provisions/instruments/${instrument.code}/edit`}>{t("provisions.form.editInstrument")}</Link>
              </>
            ) : null}
          </p>
          {instrument.pillars.length === 0 ? <p className="muted">{t("provisions.list.noProvisions")}</p> : null}
          {instrument.pillars.map((group) => {
            const pillar = pillarLabel(group.pillar, t, lng);
            return (
              <div key={group.pillar} className="pillar">
                <h3>
                  {t("provisions.pillar")}: {pillar.text}
                  {pillar.untranslated ? (
                    <>
                      {" "}
                      <Untranslated />
                    </>
                  ) : null}
                </h3>
                <ul className="provision-list">
                  {group.provisions.map((p) => (
                    <li key={p.code} id={`provision-${p.code}`} className={p.isGap ? "provision-card is-gap" : "provision-card"}>
                      <h4>
                        <Link to={`/provisions/${p.code}`}>
                          <LocalText value={p.title} />
                        </Link>{" "}
                        {p.isGap ? <GapBadge /> : null}
                      </h4>
                      <LocalText as="p" value={p.summary} className="provision-summary" />
                      <p className="provision-meta small">
                        <span className="code">{p.code}</span> · <CommitmentStatus status={p.status} note={p.statusNote} /> · <MadeOn date={p.madeOn} />
                      </p>
                      <p className="small">
                        <SourceLine source={p.source} />
                      </p>
                      <p className="small">
                        {p.links.accepted === null
                          ? t("provisions.list.acceptedLinksWithheld", { count: smallCountThreshold ?? 3 })
                          : t("provisions.list.acceptedLinks", { count: p.links.accepted })}
                        {signedIn && p.links.suggested ? <> · {t("provisions.list.suggestedLinks", { count: p.links.suggested })}</> : null}
                        {" · "}
                        <Link to={`/provisions/${p.code}/scorecard`}>{t("provisions.scorecard.title")}</Link>
                      </p>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: `${t("provisions.list.title")} · Vigía` }, { name: "description", content: t("provisions.list.intro") }];
};
