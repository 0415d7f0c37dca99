// Pieces of the Global Witness import pages: why a file was refused, a job's
// status, its counts, and a dataset value in the reader's words.
import { useTranslation } from "~/lib/i18n.ts";
import type { GwField } from "~/domain/gw-dataset.ts";
import { MX_STATES, isMxState } from "~/domain/taxonomy.ts";
import type { GwFileRefusal, GwImportCounts, GwImportJobView } from "~/models/gw-import.server.ts";

export const COUNT_KEYS = ["created", "updated", "unchanged", "invalid", "conflicts"] as const;

export function GwRefusalMessage({ refusal, maxSize }: { refusal: Pick<GwFileRefusal, "problem"> & Partial<GwFileRefusal>; maxSize: string }) {
  const { t } = useTranslation();
  return (
    <div className="form-error" role="alert">
      <p>
        <strong>{t("gwImport.refused.title")}</strong>
      </p>
      <p>
        {t(`gwImport.refused.${refusal.problem}`, {
          line: refusal.line ?? "?",
          detail: refusal.detail ?? "",
          status: refusal.status ?? "",
          attempts: refusal.attempts ?? 1,
          received: refusal.received ?? "?",
          expected: refusal.expected ?? "?",
          size: maxSize,
        })}
      </p>
    </div>
  );
}

export function ImportStatus({ job }: { job: Pick<GwImportJobView, "status" | "stalled"> }) {
  const { t } = useTranslation();
  return <>{t(`gwImport.job.statuses.${job.stalled ? "stalled" : job.status}`)}</>;
}

export function ImportCountsCells({ counts }: { counts: GwImportCounts | null }) {
  return (
    <>
      {COUNT_KEYS.map((k) => (
        <td key={k} className="num">
          {counts ? counts[k] : "–"}
        </td>
      ))}
    </>
  );
}

/** A compared value as a reader says it: labels for codes, "(empty)" for nothing, texts with no code as written. */
export function GwValue({ field, value }: { field: GwField; value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || (Array.isArray(value) && !value.length)) return <span className="muted">{t("gwImport.empty")}</span>;
  const label = (group: string, code: string) => t(`taxonomy.${group}.${code}`, { defaultValue: code });
  switch (field) {
    case "sector":
      return <>{label("sector", String(value))}</>;
    case "perpetratorType":
      return <>{label("perpetrator", String(value))}</>;
    case "gender":
      return <>{label("gender", String(value))}</>;
    case "outcome":
      return <>{label("outcome", String(value))}</>;
    case "characteristics":
      return <>{(value as string[]).map((c) => label("characteristic", c)).join(", ")}</>;
    case "stateCode":
      return <>{isMxState(String(value)) ? MX_STATES[value as keyof typeof MX_STATES] : String(value)}</>;
    case "unmapped":
      return (
        <>
          {Object.entries(value as Record<string, string | string[]>)
            .map(([column, text]) => `${column}: ${[text].flat().join(", ")}`)
            .join("; ")}
        </>
      );
    default:
      return <>{String(value)}</>;
  }
}

/** A category text the source used that Vigía has no code for, shown beside "Other" so that it is never lost. */
export function AsWritten({ texts }: { texts: string | string[] | undefined }) {
  const { t } = useTranslation();
  const list = [texts ?? []].flat();
  if (!list.length) return null;
  return <span className="muted small"> ({t("incidents.values.asWritten", { text: list.join("; ") })})</span>;
}
