import { useTranslation } from "~/lib/i18n.ts";

/** The PNG and CSV links of an exported figure (matrix, scorecard), each a download; `extra` follows them. */
export function ExportLinks({ png, csv, extra, className = "export-links" }: { png: string; csv: string; extra?: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <p className={className}>
      <a href={png} download>
        {t("provisions.export.png")}
      </a>{" "}
      ·{" "}
      <a href={csv} download>
        {t("provisions.export.csv")}
      </a>
      {extra ? (
        <>
          {" "}
          · <span className="muted">{extra}</span>
        </>
      ) : null}
    </p>
  );
}
