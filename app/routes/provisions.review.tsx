// /provisions/review (staff): the case records whose suggested links wait for a
// decision, newest first, each linking to its review page.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseTable } from "~/components/case-cells.tsx";
import { useLng } from "~/components/commitment.tsx";
import { SectorSelect } from "~/components/provision-filters.tsx";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { getFixedT, type Language } from "~/lib/i18n.ts";
import { detectLanguage } from "~/lib/i18n.server.ts";
import { SECTORS } from "~/domain/taxonomy.ts";
import { listIncidentsAwaitingReview, REVIEW_PAGE_SIZE } from "~/models/incident-summary.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "staff");
  const lng = await detectLanguage(request);
  const params = new URL(request.url).searchParams;
  const page = Math.max(1, Math.min(10_000, Number(params.get("page")) || 1));
  const rawSector = params.get("sector") ?? "";
  const sector = (SECTORS as readonly string[]).includes(rawSector) ? rawSector : "";
  const { rows, total } = await listIncidentsAwaitingReview({ page, sector: sector || undefined });
  return { lng, rows, total, page, sector, pages: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)) };
}

export default function ReviewQueue() {
  const { rows, total, page, sector, pages } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lng = useLng();
  const pageLink = (p: number) => `?${new URLSearchParams({ ...(sector ? { sector } : {}), page: String(p) })}`;
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
      {pages > 1 ? (
        <nav aria-label={t("provisions.review.pagination")} className="pagination">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("provisions.review.previous")}</Link> : null}
          <span>{t("provisions.review.page", { page, pages })}</span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("provisions.review.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const t = getFixedT((data?.lng as Language) ?? "en");
  return [{ title: `${t("provisions.review.title")} · Vigía` }];
};
