import { isFigureStatus } from "~/domain/taxonomy.ts";
import { useTranslation } from "~/lib/i18n.ts";

export function FigureStatus({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = isFigureStatus(status) ? status : "unconfirmed";
  return (
    <span className={`status status-${known}`} title={t(`common.figureStatusHelp.${known}`)}>
      {t("common.status")}: {t(`common.figureStatus.${known}`)}
    </span>
  );
}
