// The outlines of Mexico's states from @svg-maps/mexico (Victor Cazanave, CC BY 4.0),
// ~31 KB gzipped: imported only where a map is drawn (the server render, the PNG
// exports, and in the browser by the map component's lazy import), never by the
// chart registry, so that chart pages without the map do not carry it.
import mexico from "@svg-maps/mexico";

interface SvgMap {
  viewBox: string;
  locations: { id: string; name: string; path: string }[];
}
const MEXICO = mexico as unknown as SvgMap;
const PATHS = new Map(MEXICO.locations.map((l) => [l.id.toUpperCase(), l.path]));

export const MEXICO_SHAPES_VIEWBOX = MEXICO.viewBox.split(/\s+/).map(Number) as [number, number, number, number];

/** SVG path data of a state by its code (OAX, CHIS…); "" if the package has none. */
export function mexicoPath(code: string): string {
  return PATHS.get(code) ?? "";
}
