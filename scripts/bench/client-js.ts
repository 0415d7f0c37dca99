// Client JavaScript per page, gzipped, from the Remix classic build: the entry, the
// route's module and every module it imports, up through its parent routes (the
// method of the shared js-budget tool), plus the dictionary sections the page loads
// (its routes' handle.i18n, root included, each one chunk fetched by import(); the
// language whose sections weigh most, so the figure holds for every reader). A page
// whose modules include Chart.js is a chart page. A size, not a time: stable from run to run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { ServerBuild } from "@remix-run/node";
import { LANGUAGES, partOf, SECTION_PARTS, SECTIONS, type I18nHandle, type Part, type Section } from "../../app/lib/i18n.ts";
import { ROOT } from "./bench-database.ts";

/** The issue's targets (issue 13). */
export const JS_BUDGET_KB = { chart: 190, other: 120 };

export interface RouteJs {
  route: string;
  chart: boolean;
  gzipBytes: number;
  budgetKb: number;
  pass: boolean;
}

/** A section's file under app/locales/<lng>/. */
export const sectionFile = (s: Section) => (s === "gwImport" ? "gw-import" : s);

/** A section's or part's file under app/locales/<lng>/: a split section's name stands for its main part (docs/decisions/126). */
export function partFile(part: Part): string {
  const [section, sub] = part.split(".") as [Section, string | undefined];
  const file = sectionFile(section);
  return section in SECTION_PARTS ? `${file}/${file}${sub ? `-${sub}` : ""}` : file;
}

/**
 * The pages of a server build (routes that render: resource routes send no JavaScript),
 * each with the dictionary sections it loads: its own handle's and its parents', root's included.
 */
export function pagesOf(build: ServerBuild): Map<string, Part[]> {
  const sections = (id: string | undefined): Part[] => {
    if (!id) return [];
    const route = build.routes[id];
    return [...new Set([...sections(route.parentId), ...((route.module.handle as Partial<I18nHandle> | undefined)?.i18n ?? [])])];
  };
  return new Map(
    Object.entries(build.routes)
      .filter(([id, r]) => id !== "root" && typeof r.module.default === "function")
      .map(([id]) => [id, sections(id)]),
  );
}

interface ManifestRoute {
  id: string;
  parentId?: string;
  module: string;
  imports?: string[];
}

function readBuild() {
  const buildDir = join(ROOT, "public/build");
  const manifestFile = readdirSync(buildDir).find((f) => f.startsWith("manifest-"));
  if (!manifestFile) throw new Error("No Remix build in public/build: run `npm run build` first.");
  const manifest = JSON.parse(
    readFileSync(join(buildDir, manifestFile), "utf8")
      .replace(/^window.__remixManifest=/, "")
      .replace(/;\s*$/, ""),
  ) as { entry: { module: string; imports: string[] }; routes: Record<string, ManifestRoute> };
  const outputs = JSON.parse(readFileSync(join(ROOT, "build/metafile.js.json"), "utf8")).outputs as Record<string, { inputs: Record<string, unknown> }>;
  /** The browser files a page loads before its dictionary sections: the entry, its routes' modules and their imports. */
  const filesOf = (id: string) => {
    const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
    for (let r: ManifestRoute | undefined = manifest.routes[id]; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
      files.add(r.module);
      for (const f of r.imports ?? []) files.add(f);
    }
    return files;
  };
  return { manifest, outputs, filesOf };
}

// A key under a section, as the code writes it: "trends.title", `taxonomy.${kind}`, "app.roles" (a prefix),
// with its second level when written ("provisions.links.accept": the part provisions.links).
const SECTION_REFERENCE = new RegExp(`["'\`](${SECTIONS.join("|")})\\.([A-Za-z_]+|\\$)`, "g");

const HANDLE_LIST = /\bi18n: \[[^\]]*\]/g;

/** The parts a key written in the code may be in: one, or every part of its section when its second level is not written. */
function partsReferred(section: Section, second: string): Part[] {
  const parts = (SECTION_PARTS as Partial<Record<Section, object>>)[section];
  if (second !== "$" || !parts) return [partOf(section, second)];
  return [section, ...Object.keys(parts).map((p) => `${section}.${p}` as Part)];
}

/**
 * The sections a page's browser code refers to: every key written in a module of the files
 * it loads (what the bundler kept for it, by the build's metafile), app/locales and app/lib/i18n.ts aside.
 * Keys a page shows only from its server's answer are translated on the server, except
 * form errors, whose component (form-errors.tsx) names `validation.` itself.
 */
export function sectionsUsed(pages: Iterable<string>): Map<string, Part[]> {
  const { outputs, filesOf } = readBuild();
  const sources = new Map<string, Part[]>();
  const used = (input: string): Part[] => {
    if (!sources.has(input)) {
      // A handle's i18n list names what the page loads ("provisions.links"), not keys it shows.
      const text = readFileSync(join(ROOT, input), "utf8").replace(HANDLE_LIST, "");
      sources.set(input, [...new Set([...text.matchAll(SECTION_REFERENCE)].flatMap((m) => partsReferred(m[1] as Section, m[2])))]);
    }
    return sources.get(input)!;
  };
  return new Map(
    [...pages].map((id) => {
      const inputs = [...filesOf(id)].flatMap((f) => Object.keys(outputs["public" + f]?.inputs ?? {}));
      // app/lib/i18n.ts names every section and part to import them, not keys it shows.
      const app = inputs.filter((i) => i.startsWith("app/") && !i.startsWith("app/locales/") && i !== "app/lib/i18n.ts" && /\.tsx?$/.test(i));
      return [id, [...new Set(app.flatMap(used))].sort()];
    }),
  );
}

/** `pages`: the pages and the sections each loads (pagesOf). */
export function clientJsPerRoute(pages: Map<string, readonly Part[]>): RouteJs[] {
  const { manifest, outputs, filesOf } = readBuild();
  const chartChunks = new Set(
    Object.entries(outputs)
      .filter(([, o]) => Object.keys(o.inputs).some((i) => i.includes("node_modules/chart.js/")))
      .map(([file]) => "/" + file.replace(/^public\//, "")),
  );
  /** The chunk of each section or part in each language (one import() each, app/lib/i18n.ts). */
  const sectionChunk = (lng: string, part: Part) => {
    const input = `app/locales/${lng}/${partFile(part)}.ts`;
    const chunk = Object.entries(outputs).find(([file, o]) => file.startsWith("public/build/") && input in o.inputs);
    if (!chunk) throw new Error(`No browser chunk holds ${input}`);
    return "/" + chunk[0].replace(/^public\//, "");
  };
  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(ROOT, "public", file))).length);
    return sizes.get(file)!;
  };
  return Object.keys(manifest.routes)
    .filter((id) => pages.has(id))
    .map((id) => {
      const files = filesOf(id);
      const chart = [...files].some((f) => chartChunks.has(f));
      const dictionary = Math.max(...LANGUAGES.map((lng) => pages.get(id)!.reduce((sum, s) => sum + gz(sectionChunk(lng, s)), 0)));
      const gzipBytes = [...files].reduce((sum, f) => sum + gz(f), dictionary);
      const budgetKb = chart ? JS_BUDGET_KB.chart : JS_BUDGET_KB.other;
      return { route: id, chart, gzipBytes, budgetKb, pass: gzipBytes / 1024 <= budgetKb };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}
