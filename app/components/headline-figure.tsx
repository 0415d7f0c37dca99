import type { ReactNode } from "react";
import { useLanguage } from "~/lib/language.ts";
import type { FigureView } from "~/models/published-figure.server.ts";
import { formatNumber, formatPeriod } from "~/lib/format.ts";
import { type Language, useTranslation } from "~/lib/i18n.ts";
import { FigureStatus } from "./figure-status.tsx";
import { SourceCite } from "./source-cite.tsx";

/** A published value as text, "at least" included where the source says so. */
export function figureText(figure: FigureView, t: (k: string, o?: any) => string, lng: Language): string | null {
  if (figure.value === null) return figure.valueText;
  const n = formatNumber(figure.value, lng);
  return figure.atLeast ? t("common.atLeastValue", { value: n }) : n;
}

/** A published figure as printed: "at least" where the source says so, with period, status and source. */
export function FigureValue({ figure }: { figure: FigureView }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const text = figureText(figure, t, lng);
  return text === null ? <span className="muted">{t("common.notFound")}</span> : <>{text}</>;
}

export function HeadlineFigure({
  id,
  figure,
  value,
  label,
  children,
}: {
  id: string;
  figure: FigureView | null;
  value?: ReactNode;
  label: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  if (!figure) {
    return (
      <article className="headline" id={id}>
        <p className="headline-value muted">{t("common.notFound")}</p>
        <p className="headline-label">{label}</p>
      </article>
    );
  }
  return (
    <article className="headline" id={id} data-testid={id}>
      <p className="headline-value">{value ?? <FigureValue figure={figure} />}</p>
      <p className="headline-label">{label}</p>
      {children}
      <p className="headline-meta">
        <span>
          {t("common.period")}: {formatPeriod(figure.periodStart, figure.periodEnd)}
        </span>{" "}
        <FigureStatus status={figure.status} />
      </p>
      <p className="headline-source">
        <SourceCite source={figure.source} />
      </p>
      {figure.note ? (
        <details className="headline-note">
          <summary>{t("common.note")}</summary>
          <p>{figure.note}</p>
        </details>
      ) : null}
    </article>
  );
}
