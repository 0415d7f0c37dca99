// The state map's PNG: the drawing stays inside its box, above the rule under
// which the notes and the source line are written (issue 10).
import { describe, expect, it } from "vitest";
import { imageLayout, IMAGE_WIDTH } from "~/charts/export-image.ts";
import { buildStateMap, stateMapLayout } from "~/charts/state-map.ts";

const model = buildStateMap([
  { key: "OAX", people: 30 },
  { key: "GRO", people: 12 },
  { key: "CHH", people: 5 },
  { key: null, people: 4 },
]);

describe("state map image layout", () => {
  for (const [label, width, headHeight, bodyHeight, footHeight] of [
    ["the usual image", IMAGE_WIDTH, 70, 460, 160],
    ["long notes and a tall title", IMAGE_WIDTH, 150, 460, 400],
    ["a wide image", 1600, 70, 460, 120],
  ] as const) {
    it(`keeps the map and its legend above the source text (${label})`, () => {
      const layout = imageLayout(width, headHeight, bodyHeight, footHeight);
      const { map, legend } = stateMapLayout(model, layout.body);
      for (const r of [map, legend]) {
        expect(r.y).toBeGreaterThanOrEqual(layout.body.y);
        expect(r.y + r.h).toBeLessThanOrEqual(layout.body.y + layout.body.h + 1e-9);
        expect(r.x).toBeGreaterThanOrEqual(layout.body.x);
        expect(r.x + r.w).toBeLessThanOrEqual(layout.body.x + layout.body.w + 1e-9);
      }
      // The map and the legend do not overlap.
      expect(map.x + map.w).toBeLessThanOrEqual(legend.x);
      // Drawing, then the rule, then the notes and source line.
      expect(map.y + map.h).toBeLessThan(layout.ruleY);
      expect(layout.ruleY).toBeLessThan(layout.footTop);
      expect(layout.total).toBeGreaterThanOrEqual(layout.footTop + footHeight);
      // The map is not shrunk to nothing: it fills its box in one direction.
      expect(Math.max(map.w / (layout.body.w - legend.w - 16), map.h / layout.body.h)).toBeCloseTo(1, 5);
    });
  }
});
