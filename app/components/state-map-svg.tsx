import { lazy, Suspense } from "react";
import { binLabel, MAP_ATTRIBUTION_URL, MAP_LICENCE_URL, type StateMapModel } from "~/charts/state-map.ts";
import { formatNumber } from "~/lib/format.ts";
import { type Language, useTranslation } from "~/lib/i18n.ts";
// The one deliberate exception to "no .server import in a component" (decision 078): the
// value is undefined in the browser build and the code below relies on exactly that.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { ServerStateMapShapes } from "./state-map-shapes.server.ts";

// On the server the outlines render at once; in the browser they come with a lazy
// import, so chart pages without a map never load them. While hydrating, React keeps
// the server's paths inside the Suspense boundary until the module is there: the
// map is never blank, and it is whole without JavaScript.
const StateMapShapes = ServerStateMapShapes ?? lazy(() => import("./state-map-shapes.tsx"));

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
          <Suspense fallback={null}>
            <StateMapShapes model={model} lng={lng} />
          </Suspense>
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
