// The case records behind a cell of the matrix (or a row's total): linked to one
// provision, in a year or a range of years, in a sector, with the link statuses
// the matrix counted. Its own page, so the matrix works on its own.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CaseTable } from "~/components/case-cells.tsx";
import { LocalText } from "~/components/commitment.tsx";
import { LinkLayersLegend } from "~/components/link-layers.tsx";
import { RuleItem } from "~/components/link-review.tsx";
import { MatrixFilterProblems } from "~/components/provision-filters.tsx";
import { requireDashboardReader } from "~/lib/auth.server.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { metaT } from "~/lib/language.ts";
import { notFound } from "~/lib/http.server.ts";
import { listLinkedIncidents } from "~/models/link.server.ts";
import type { RuleFired } from "~/domain/link-rules.ts";
import { parseMatrixFilter, STATUS_CHOICES } from "~/domain/matrix-filter.ts";
import { getProvisionByCode } from "~/models/provision.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["charts", "common", "provisions", "provisions.links", "provisions.views", "taxonomy", "validation"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

const CASE_LIMIT = 500;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireDashboardReader(request);
  const lng = await detectLanguage(request);
  const provision = await getProvisionByCode(params.code!, lng);
  if (!provision) throw notFound();
  const search = new URL(request.url).searchParams;
  const year = search.get("year")?.trim();
  const single = year && /^\d{4}$/.test(year) ? Number(year) : null;
  const range = new URLSearchParams(search);
  if (single) {
    range.set("from", String(single));
    range.set("to", String(single));
  }
  const { filter, problems } = parseMatrixFilter(range, new Date().getUTCFullYear());
  const cases = await listLinkedIncidents(
    provision.id,
    { yearFrom: filter.yearFrom, yearTo: filter.yearTo, sectors: filter.sector === "all" ? undefined : [filter.sector] },
    [...STATUS_CHOICES[filter.status]],
    { take: CASE_LIMIT + 1, linkType: filter.linkType ?? undefined, lng },
  );
  return {
    provision: { code: provision.code, title: provision.title },
    filter,
    problems: year && !single ? [...problems, { param: "year", value: year, reason: "notYear" as const }] : problems,
    cases: cases.slice(0, CASE_LIMIT),
    truncated: cases.length > CASE_LIMIT,
  };
}

export default function ProvisionCases() {
  const { provision, filter, problems, cases, truncated } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const years = filter.yearFrom === filter.yearTo ? String(filter.yearFrom) : `${filter.yearFrom}–${filter.yearTo}`;
  return (
    <div className="provision-cases">
      <p className="breadcrumbs small">
        <Link to="/provisions">{t("provisions.list.title")}</Link> › <Link to={`/provisions/${provision.code}`}>{provision.code}</Link> ›{" "}
        <Link to={`/matrix?${new URLSearchParams({ sector: filter.sector, status: filter.status })}`}>{t("provisions.matrix.title")}</Link>
      </p>
      <h1>{t("provisions.cases.title", { code: provision.code, years })}</h1>
      <p className="lede">
        <LocalText value={provision.title} />
      </p>
      <p>
        {t("provisions.cases.filters", {
          sector: filter.sector === "all" ? t("provisions.matrix.allSectors") : t(`taxonomy.sector.${filter.sector}`),
          status: t(`provisions.matrix.statusChoices.${filter.status}`),
        })}
        {filter.linkType ? ` · ${t(`provisions.linkTypes.types.${filter.linkType}`)}` : null}
      </p>
      <MatrixFilterProblems problems={problems} />
      <LinkLayersLegend />
      {cases.length === 0 ? (
        <p className="muted">{t("provisions.cases.none")}</p>
      ) : (
        <CaseTable
          id="provision-cases"
          caption={t("provisions.cases.caption", { count: cases.length })}
          rows={cases}
          incident={(c) => c}
          columns={[
            {
              header: t("provisions.cases.linkStatus"),
              cell: (c) => (
                <span className={c.linkStatus === "suggested" ? "layer-suggested" : "layer-accepted"}>
                  {c.linkStatus === "suggested" ? t("provisions.layers.suggestedShort") : t(`provisions.links.statuses.${c.linkStatus}`)}
                </span>
              ),
            },
            { header: t("provisions.linkTypes.label"), cell: (c) => t(`provisions.linkTypes.types.${c.linkType}`) },
            { header: t("provisions.links.rulesFired"), cell: (c) => <RulesAndTerms rules={c.rules} terms={c.matchedTerms} /> },
          ]}
        />
      )}
      {truncated ? <p className="small">{t("provisions.cases.truncated", { count: CASE_LIMIT })}</p> : null}
      <p className="small muted">{t("provisions.cases.note")}</p>
    </div>
  );
}

/** Why a case was suggested: the rules (linked to their explanation) and the terms found. */
function RulesAndTerms({ rules, terms }: { rules: RuleFired[]; terms: { term: string; lang: string }[] }) {
  const { t } = useTranslation();
  if (!rules.length && !terms.length) return <span className="muted">—</span>;
  return (
    <ul className="plain-list small">
      {rules.map((rule) => (
        <RuleItem key={rule.code} rule={rule} />
      ))}
      {terms.length ? (
        <li>
          {t("provisions.links.matchedTerms")}: {terms.map((m) => `«${m.term}»`).join(", ")}
        </li>
      ) : null}
    </ul>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: data ? `${data.provision.code} · ${t("provisions.matrix.title")} · Vigía` : "Vigía" }];
};
