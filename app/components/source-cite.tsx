import { useTranslation } from "~/lib/i18n.ts";
import type { SourceRef } from "~/models/published-figure.server.ts";
import { formatDate } from "~/lib/format.ts";
import { useLanguage } from "~/lib/language.ts";

export function SourceCite({ source }: { source: SourceRef }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  // Publisher and date keep the card short; the full title stays one hover or focus away.
  const label = [source.publisher ?? source.title, source.publishedOn ? formatDate(source.publishedOn, lng) : null].filter(Boolean).join(", ");
  return (
    <span className="source-cite">
      {t("common.source")}:{" "}
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer" target="_blank" title={source.title}>
          {label}
        </a>
      ) : (
        <span title={source.title}>{label}</span>
      )}
      {source.publisher ? <cite className="source-title">{source.title}</cite> : null}
    </span>
  );
}
