// /provisions/review (staff): the case records whose suggested links wait for a
// decision, newest first, each linking to its review page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CaseTable } from "~/components/case-cells.tsx";
import { Pager } from "~/components/pager.tsx";
import { SectorSelect } from "~/components/provision-filters.tsx";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { decodeCursor, pageLinks } from "~/lib/keyset.ts";
import { metaT, useLanguage } from "~/lib/language.ts";
import { SECTORS } from "~/domain/taxonomy.ts";
import { listIncidentsAwaitingReview } from "~/models/incident-summary.server.ts";
import { loadPageSections, type I18nHandle, useTranslation } from "~/lib/i18n.ts";

export const handle = { i18n: ["common", "provisions.views", "taxonomy"] } satisfies I18nHandle;
await loadPageSections(handle.i18n);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const params = new URL(request.url).searchParams;
  const rawSector = params.get("sector") ?? "";
  const sector = (SECTORS as readonly string[]).includes(rawSector) ? rawSector : "";
  const pageRequest = { after: decodeCursor(params.get("after")), before: decodeCursor(params.get("before")) };
  const page = await listIncidentsAwaitingReview({ ...pageRequest, sector: sector || undefined });
  return {
    rows: page.rows,
    total: page.total,
    sector,
    links: pageLinks("/provisions/review", new URLSearchParams(sector ? { sector } : {}), page, pageRequest),
  };
}

export default function ReviewQueue() {
  const { rows, total, sector, links } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <div className="review-queue">
      <p className="breadcrumbs small">
        <Link to="/provisions">{t("provisions.list.title")}</Link>
      </p>
      <h1>{t("provisions.review.title")}</h1>
      <p className="lede">{t("provisions.review.intro")}</p>
      <Form method="get" className="filter-form">
        <SectorSelect value={sector} allValue="" />
        <button type="submit" className="button-secondary">
          {t("provisions.filters.apply")}
        </button>
      </Form>
      <p>{t("provisions.review.count", { count: total })}</p>
      {rows.length ? (
        <CaseTable
          caption={t("provisions.review.caption")}
          rows={rows}
          incident={(r) => r}
          columns={[{ header: t("provisions.review.pending"), className: "num", cell: (r) => formatNumber(r.pending, lng) }]}
        />
      ) : (
        <p className="muted">{t("provisions.review.none")}</p>
      )}
      <Pager links={links} />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [{ title: `${metaT(matches)("provisions.review.title")} · Vigía` }];
