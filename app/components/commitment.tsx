// Small pieces that every commitments page shares: text shown in English for a
// missing translation (and saying so), confirmation status in plain words, gaps
// marked as gaps, pillar names in the reader's language, sources.
import type { TFunction } from "~/lib/translate.ts";
import { useTranslation } from "~/lib/i18n.ts";
import { formatDate } from "~/lib/format.ts";
import { useLanguage } from "~/lib/language.ts";
import type { LocalizedText } from "~/domain/localized-text.ts";
import { isProvisionStatus } from "~/domain/taxonomy.ts";
import { Untranslated } from "./untranslated.tsx";

/** Stored text in the reader's language, or in English marked as not translated. */
export function LocalText({ value, as: Tag = "span", className }: { value: LocalizedText; as?: "span" | "p" | "strong"; className?: string }) {
  return (
    <Tag className={className}>
      <span lang={value.untranslated ? "en" : undefined}>{value.text}</span>
      {value.untranslated ? (
        <>
          {" "}
          <Untranslated />
        </>
      ) : null}
    </Tag>
  );
}

/** Confirmation status in words, with what it means, and the note qualifying it. */
export function CommitmentStatus({ status, note }: { status: string; note?: string | null }) {
  const { t } = useTranslation();
  // The status qualifier is stored in English only: marked as such for other readers.
  const noteInEnglish = useLanguage() !== "en";
  const known = isProvisionStatus(status) ? status : "unconfirmed";
  return (
    <span className={`status status-${known}`}>
      {t("provisions.status.label")}: <strong>{t(`provisions.status.values.${known}`)}</strong>
      <span className="visually-hidden"> ({t(`provisions.status.help.${known}`)})</span>
      {note ? (
        <span className="status-note">
          {" · "}
          <span lang="en">{note}</span>
          {noteInEnglish ? (
            <>
              {" "}
              <Untranslated />
            </>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}

export function GapBadge() {
  const { t } = useTranslation();
  return (
    <span className="gap-badge" title={t("provisions.gapHelp")}>
      {t("provisions.gap")}
    </span>
  );
}

function slug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
}

/** A pillar's name in the reader's language when Vigía knows it, else as the instrument names it. */
export function pillarLabel(pillar: string, t: TFunction, lng: string): { text: string; untranslated: boolean } {
  const key = `provisions.pillars.${slug(pillar) || "none"}`;
  const text = t(key, { defaultValue: "" });
  return text ? { text, untranslated: false } : { text: pillar, untranslated: lng !== "en" };
}

export interface SourceLike {
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  url: string | null;
}

/** A source in full: publisher, title, date, link. */
export function SourceLine({ source, label }: { source: SourceLike | null; label?: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  if (!source) {
    return (
      <span className="source-line">
        {label ?? t("common.source")}: <span className="muted">{t("provisions.noSource")}</span>
      </span>
    );
  }
  const meta = [source.publisher, source.publishedOn ? formatDate(source.publishedOn, lng) : null].filter(Boolean).join(", ");
  return (
    <span className="source-line">
      {label ?? t("common.source")}:{" "}
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer">
          {source.title}
        </a>
      ) : (
        source.title
      )}
      {meta ? <span className="muted"> ({meta})</span> : null}
    </span>
  );
}

/** When a commitment was made, or plainly that the date is not known. */
export function MadeOn({ date }: { date: string | null }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  return (
    <span>
      {t("provisions.madeOn")}: {date ? <time dateTime={date}>{formatDate(date, lng)}</time> : <span className="muted">{t("provisions.madeOnUnknown")}</span>}
    </span>
  );
}

/** The milestones marked on a provision's chart, numbered as on the chart; nothing when none falls in its years. */
export function MilestoneList({ milestones }: { milestones: { key: string; date: string; label: string }[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  if (!milestones.length) return null;
  return (
    <>
      <h3 className="small-heading">{t("charts.milestones")}</h3>
      <ol className="milestone-list">
        {milestones.map((m) => (
          <li key={m.key}>
            <time dateTime={m.date}>{formatDate(m.date, lng)}</time>: {m.label}
          </li>
        ))}
      </ol>
    </>
  );
}
