// The states' outlines as SVG paths, one per state with its count in a tooltip.
// Holds the ~31 KB of map data: the browser loads this module only where a map is
// shown (state-map-svg.tsx), the server renders it directly (state-map-shapes.server.ts).
import { mexicoPath } from "~/charts/mexico-shapes.ts";
import { MAP_STROKE, type StateMapModel } from "~/charts/state-map.ts";
import { formatNumber } from "~/lib/format.ts";
import { type Language, useTranslation } from "~/lib/i18n.ts";

export default function StateMapShapes({ model, lng }: { model: StateMapModel; lng: Language }) {
  const { t } = useTranslation();
  // A withheld small count (null) is named as "fewer than N", never shown as a number.
  const count = (n: number | null) => (n === null ? t("charts.fewerThan", { count: model.smallCountThreshold ?? 3 }) : formatNumber(n, lng));
  return (
    <>
      {model.states.map((s) => (
        <path
          key={s.code}
          d={mexicoPath(s.code)}
          fill={s.fill}
          stroke={MAP_STROKE}
          strokeWidth={0.8}
          strokeLinejoin="round"
          data-state={s.code}
          data-people={s.people ?? undefined}
        >
          <title>{`${s.name}: ${count(s.people)}`}</title>
        </path>
      ))}
    </>
  );
}
