// The links under every keyset-paginated list (case records, the audit log, the
// review queue): first page, previous, next. Plain links, so paging works without JavaScript.
import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n.ts";
import type { PageLinks } from "~/lib/keyset.ts";

export function Pager({ links }: { links: PageLinks }) {
  const { t } = useTranslation();
  if (!links.first && !links.prev && !links.next) return null;
  return (
    <nav className="pager" aria-label={t("common.pager.label")}>
      {links.first ? <Link to={links.first}>{t("common.pager.first")}</Link> : null}
      {links.prev ? (
        <Link to={links.prev} rel="prev">
          {t("common.pager.previous")}
        </Link>
      ) : null}
      {links.next ? (
        <Link to={links.next} rel="next">
          {t("common.pager.next")}
        </Link>
      ) : null}
    </nav>
  );
}
