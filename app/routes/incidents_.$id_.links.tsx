// /incidents/<id>/links: the provisions a case record bears on. Everyone sees the
// accepted links; signed-in users also see suggestions awaiting review; staff
// accept or reject them with a rationale and link provisions by hand. The
// action also serves the review forms mounted elsewhere (provision pages, the
// case page), which send a redirectTo. Named with trailing underscores so that
// it never nests inside the case page's own route files.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { caseName } from "~/components/case-cells.tsx";
import { LinkLayersLegend } from "~/components/link-layers.tsx";
import { LinkSuggestionsPanel, type LinkActionData } from "~/components/link-review.tsx";
import { countryNames } from "~/domain/countries.server.ts";
import { incidentDate, stateOrRegion } from "~/domain/incident-format.ts";
import { hasRole, requireDashboardReader, requireUserForAction } from "~/lib/auth.server.ts";
import { notFound } from "~/lib/http.server.ts";
import { readForm } from "~/lib/form.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { getIncidentSummary } from "~/models/incident-summary.server.ts";
import { decideLink, linkIncidentByHand, listLinksForIncident } from "~/models/link.server.ts";
import { linkDecisionSchema, manualLinkSchema } from "~/models/link.schema.ts";
import { listProvisionOptions } from "~/models/provision.server.ts";
import { safeRedirect } from "~/lib/safe-redirect.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["charts", "common", "provisions", "provisions.links", "provisions.views", "taxonomy", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [lng, user] = await Promise.all([detectLanguage(request), requireDashboardReader(request)]);
  const isStaff = hasRole(user, "staff");
  const incident = await getIncidentSummary(params.id!, { includeUnpublished: isStaff, showWithheldNames: isStaff });
  if (!incident) throw notFound();
  // Everyone sees accepted links and the suggestions awaiting review (with the rule
  // and terms behind them); reviewers' names and rationales only reach signed-in
  // readers (decision 021), and rejected suggestions only them too.
  const all = await listLinksForIncident(incident.id, lng, { signedIn: !!user });
  const links = user ? all : all.filter((l) => l.status !== "rejected");
  const done = new URL(request.url).searchParams.get("done");
  return {
    incident,
    countries: countryNames(incident.companyCountry ? [incident.companyCountry] : [], lng),
    links,
    signedIn: !!user,
    canReview: isStaff,
    provisionOptions: isStaff ? await listProvisionOptions(lng) : null,
    done: done === "accepted" || done === "rejected" || done === "linked" ? done : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, form } = await requireUserForAction(request, "staff");
  const incidentId = params.id!;
  const back = safeRedirect(form.get("redirectTo"), `/incidents/${incidentId}/links`);
  const intent = String(form.get("intent") ?? "");
  const withDone = (done: string) => `${back}${back.includes("?") ? "&" : "?"}done=${done}`;

  if (intent === "link") {
    const submission = readForm(form, manualLinkSchema);
    const answer: LinkActionData = { intent: "link", values: submission.values, errors: null, conflict: null };
    if (!submission.ok) return data<LinkActionData>({ ...answer, errors: submission.errors }, { status: 400 });
    const { provisionId, rationale, linkType } = submission.data;
    const saved = await linkIncidentByHand({ incidentId, provisionId, rationale, linkType, actorId: user.id });
    if (saved.ok) return redirect(withDone("linked") + `#link-${saved.linkId}`);
    if (saved.missing) throw notFound();
    if (saved.errors) return data<LinkActionData>({ ...answer, errors: saved.errors }, { status: 400 });
    return data<LinkActionData>({ ...answer, conflict: "linkExists" }, { status: 409 });
  }

  if (intent !== "accept" && intent !== "reject") throw new Response("Unknown intent", { status: 400 });
  const submission = readForm(form, linkDecisionSchema);
  const linkId = submission.values.linkId;
  const answer: LinkActionData = { intent, linkId, values: submission.values, errors: null, conflict: null };
  if (!submission.ok) return data<LinkActionData>({ ...answer, errors: submission.errors }, { status: 400 });
  const saved = await decideLink({
    linkId,
    decision: intent === "accept" ? "accepted" : "rejected",
    rationale: submission.data.rationale,
    actorId: user.id,
    expectedStatus: submission.data.expectedStatus,
    linkType: submission.data.linkType,
    incidentId,
  });
  if (saved.ok) return redirect(withDone(intent === "accept" ? "accepted" : "rejected") + `#link-${saved.linkId}`);
  if (saved.missing) throw notFound();
  if (saved.errors) return data<LinkActionData>({ ...answer, errors: saved.errors }, { status: 400 });
  return data<LinkActionData>({ ...answer, conflict: "decidedMeanwhile" }, { status: 409 });
}

export default function IncidentLinks() {
  const { incident, countries, links, signedIn, canReview, provisionOptions, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as LinkActionData | undefined;
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <div className="incident-links">
      <p className="breadcrumbs small">
        <Link to="/provisions">{t("provisions.list.title")}</Link>
        {canReview ? (
          <>
            {" › "}
            <Link to="/provisions/review">{t("provisions.review.title")}</Link>
          </>
        ) : null}
      </p>
      <h1>{t("provisions.links.pageTitle", { name: caseName(incident, t) })}</h1>
      <dl className="case-facts">
        <div>
          <dt>{t("provisions.cases.date")}</dt>
          <dd>
            <time dateTime={incident.occurredOn}>{incidentDate(incident.occurredOn, incident.datePrecision, lng)}</time>
          </dd>
        </div>
        <div>
          <dt>{t("provisions.cases.state")}</dt>
          <dd>{stateOrRegion(incident.stateCode, incident.regionRaw, t)}</dd>
        </div>
        <div>
          <dt>{t("provisions.cases.sector")}</dt>
          <dd>{t(`taxonomy.sector.${incident.sector}`)}</dd>
        </div>
        <div>
          <dt>{t("provisions.cases.perpetrator")}</dt>
          <dd>{t(`taxonomy.perpetrator.${incident.perpetratorType}`)}</dd>
        </div>
        <div>
          <dt>{t("provisions.cases.characteristics")}</dt>
          <dd>
            {incident.characteristics.length ? (
              incident.characteristics.map((c) => t(`taxonomy.characteristic.${c}`)).join(", ")
            ) : (
              <span className="muted">{t("common.unknown")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("provisions.cases.company")}</dt>
          <dd>
            {incident.companyName || incident.companyCountry ? (
              [incident.companyName, incident.companyCountry ? (countries[incident.companyCountry] ?? incident.companyCountry) : null]
                .filter(Boolean)
                .join(", ")
            ) : (
              <span className="muted">{t("common.unknown")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("provisions.cases.origin")}</dt>
          <dd>{t(`taxonomy.origin.${incident.origin}`)}</dd>
        </div>
      </dl>
      {done ? (
        <p className="form-success" role="status">
          {t(`provisions.links.done.${done}`)}
        </p>
      ) : null}
      {signedIn ? null : <p className="small">{t("provisions.layers.publicSuggestions")}</p>}
      <LinkLayersLegend />
      <LinkSuggestionsPanel
        incidentId={incident.id}
        links={links}
        groups={signedIn ? undefined : ["suggested", "accepted"]}
        canReview={canReview}
        redirectTo={`/incidents/${incident.id}/links`}
        provisionOptions={provisionOptions ?? undefined}
        actionData={actionData}
      />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("provisions.links.panelTitle")} · Vigía` }];
