import { useTranslation } from "react-i18next";
import { binLabel, MAP_ATTRIBUTION_URL, MAP_LICENCE_URL, MAP_STROKE, type StateMapModel } from "~/charts/state-map.ts";
import { formatNumber } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";

/** Mexico's states shaded by count, with its legend, the unknown-state count beside it, and the map's attribution. */
export function StateMapSvg({ model, title, lng, height }: { model: StateMapModel; title: string; lng: Language; height: number }) {
  const { t } = useTranslation();
  const count = (n: number | null) => (n === null ? t("charts.fewerThan", { count: model.smallCountThreshold ?? 3 }) : formatNumber(n, lng));
  return (
    <div className="state-map">
      {/* The height cap is on the SVG itself: a capped wrapper lets the drawing spill over the notes and source below. */}
      <div className="state-map-drawing">
        <svg
          viewBox={model.viewBox.join(" ")}
          style={{ maxHeight: height }}
          role="img"
          aria-label={`${title}. ${t("common.dataTable", { title })}`}
          preserveAspectRatio="xMidYMid meet"
        >
          {model.states.map((s) => (
            <path
              key={s.code}
              d={s.path}
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
        </svg>
      </div>
      <div className="state-map-side">
        <p className="state-map-legend-title">{t("trends.series.people")}</p>
        <ul className="state-map-legend">
          {model.bins.map((b) => (
            <li key={`${b.min}-${b.max}`}>
              <span className="swatch" style={{ background: b.fill }} aria-hidden="true" /> {binLabel(b, lng)}
            </li>
          ))}
        </ul>
        <p className="state-map-unknown">
          <strong>
            {t("taxonomy.state.unknown")}: {count(model.unknown)}
          </strong>
          <br />
          <span className="small">{t("trends.map.unknownNote")}</span>
        </p>
        <p className="state-map-attribution small">
          {t("trends.map.shapes")} <a href={MAP_ATTRIBUTION_URL}>@svg-maps/mexico</a> (Victor Cazanave),{" "}
          <a href={MAP_LICENCE_URL} rel="license">
            CC BY 4.0
          </a>
        </p>
      </div>
    </div>
  );
}
