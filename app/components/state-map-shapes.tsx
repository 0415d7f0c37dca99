// The states' outlines as SVG paths, one per state with its count in a tooltip.
// Holds the ~31 KB of map data: the browser loads this module only where a map is
// shown (state-map-svg.tsx), the server renders it directly (state-map-shapes.server.ts).
import { mexicoPath } from "~/charts/mexico-shapes.ts";
import { MAP_STROKE, type StateMapModel } from "~/charts/state-map.ts";
import { formatNumber } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";

export default function StateMapShapes({ model, lng }: { model: StateMapModel; lng: Language }) {
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
          data-people={s.people}
        >
          <title>{`${s.name}: ${formatNumber(s.people, lng)}`}</title>
        </path>
      ))}
    </>
  );
}
