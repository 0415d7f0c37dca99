// Client JavaScript per page, gzipped, from the Remix classic build: the entry, the
// route's module and every module it imports, up through its parent routes (the
// method of the shared js-budget tool), plus the reader's dictionary, which the entry
// loads by import() before hydrating (the largest of the three, so the figure holds
// for every reader). A page whose modules include Chart.js is a chart page. A size,
// not a time: stable from run to run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ROOT } from "./bench-database.ts";

/** The targets (issue 13). */
export const JS_BUDGET_KB = { chart: 190, other: 120 };

export interface RouteJs {
  route: string;
  chart: boolean;
  gzipBytes: number;
  budgetKb: number;
  pass: boolean;
}

interface ManifestRoute {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}

/** `pages`: the route ids that render a page (resource routes send no JavaScript). */
export function clientJsPerRoute(pages: Set<string>): RouteJs[] {
  const buildDir = join(ROOT, "public/build");
  const manifestFile = readdirSync(buildDir).find((f) => f.startsWith("manifest-"));
  if (!manifestFile) throw new Error("No Remix build in public/build: run `npm run build` first.");
  const manifest = JSON.parse(
    readFileSync(join(buildDir, manifestFile), "utf8")
      .replace(/^window.__remixManifest=/, "")
      .replace(/;\s*$/, ""),
  ) as { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> };
  const outputs = JSON.parse(readFileSync(join(ROOT, "build/metafile.js.json"), "utf8")).outputs as Record<string, { inputs: Record<string, unknown> }>;
  const chartChunks = new Set(
    Object.entries(outputs)
      .filter(([, o]) => Object.keys(o.inputs).some((i) => i.includes("node_modules/chart.js/")))
      .map(([file]) => "/" + file.replace(/^public\//, "")),
  );
  const dictionaryChunks = Object.entries(outputs)
    .filter(([, o]) => Object.keys(o.inputs).some((i) => /app\/locales\/(en|es|fr)\.ts$/.test(i)))
    .map(([file]) => "/" + file.replace(/^public\//, ""));
  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(ROOT, "public", file))).length);
    return sizes.get(file)!;
  };
  return Object.keys(manifest.routes)
    .filter((id) => pages.has(id))
    .map((id) => {
      const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
      for (let r: ManifestRoute | undefined = manifest.routes[id]; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
        files.add(r.module);
        for (const f of r.imports ?? []) files.add(f);
      }
      const chart = [...files].some((f) => chartChunks.has(f));
      const dictionary = Math.max(0, ...dictionaryChunks.map(gz));
      const gzipBytes = [...files].reduce((sum, f) => sum + gz(f), dictionary);
      const budgetKb = chart ? JS_BUDGET_KB.chart : JS_BUDGET_KB.other;
      return { route: id, chart, gzipBytes, budgetKb, pass: gzipBytes / 1024 <= budgetKb };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
