// The legend of the two layers every count of links shows: links a person
// accepted, and suggestions nobody has reviewed yet. Marked in words and in
// style (solid vs dashed outline), never by colour alone.
import { useTranslation } from "~/lib/i18n.ts";

export function LinkLayersLegend({ id }: { id?: string }) {
  const { t } = useTranslation();
  return (
    <div className="layers-legend" id={id} role="note" aria-label={t("provisions.layers.legendTitle")}>
      <p className="small-heading">{t("provisions.layers.legendTitle")}</p>
      <ul>
        <li>
          <span className="layer-swatch layer-accepted" aria-hidden="true">
            1
          </span>{" "}
          {t("provisions.layers.accepted")}
        </li>
        <li>
          <span className="layer-swatch layer-suggested" aria-hidden="true">
            1
          </span>{" "}
          {t("provisions.layers.suggested")}
        </li>
      </ul>
    </div>
  );
}
