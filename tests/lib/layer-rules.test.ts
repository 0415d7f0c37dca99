// The layer rules of DESIGN.md are held by ESLint (eslint.config.js). A planted
// import that crosses a layer must fail the linter; the same import where it is
// allowed must pass, so that the rule is not simply "everything fails".
import { ESLint } from "eslint";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..", "..");
let eslint: ESLint;

// Loading ESLint's TypeScript parser and plugins takes seconds on a busy machine: done once here,
// with room for it, so that no single case below pays for it against the test timeout.
beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  await eslint.lintText("export const warm = 1;\n", { filePath: resolve(ROOT, "app/lib/warm.ts") });
}, 120_000);

/** The layer-rule messages ESLint gives for `code` placed at `file` (a path that need not exist). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return result.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

const use = (what: string) => `${what}\nexport const planted = [x];\n`;

describe("the layer rules", () => {
  it.each([
    ["a chart importing a model", "app/charts/planted.ts", 'import { x } from "~/models/incident.server.ts";'],
    ["a chart importing a component", "app/charts/planted.ts", 'import { x } from "~/components/chart-figure.tsx";'],
    ["a component importing a .server module", "app/components/planted.tsx", 'import { x } from "~/models/incident.server.ts";'],
    ["a component importing a route", "app/components/planted.tsx", 'import { x } from "~/routes/trends.tsx";'],
    ["a model importing a route", "app/models/planted.server.ts", 'import { x } from "~/routes/trends.tsx";'],
    ["a model importing a component", "app/models/planted.server.ts", 'import { x } from "~/components/chart-figure.tsx";'],
    ["lib importing a model", "app/lib/planted.ts", 'import { x } from "~/models/incident.schema.ts";'],
    ["lib importing the domain", "app/lib/planted.ts", 'import { x } from "~/domain/taxonomy.ts";'],
    ["lib importing a chart", "app/lib/planted.ts", 'import { x } from "~/charts/registry.ts";'],
    ["the domain importing a model", "app/domain/planted.ts", 'import { x } from "~/models/incident.server.ts";'],
    ["a route importing another route", "app/routes/planted.tsx", 'import { x } from "~/routes/trends.tsx";'],
    ["a route importing a sibling route file", "app/routes/planted.tsx", 'import { x } from "./trends.tsx";'],
    ["a model importing an export loader", "app/models/planted.server.ts", 'import { x } from "~/exports/documents.server.ts";'],
    ["a component importing an export loader", "app/components/planted.tsx", 'import { x } from "~/exports/documents.server.ts";'],
    ["an export loader importing a route", "app/exports/planted.server.ts", 'import { x } from "~/routes/trends.tsx";'],
  ])("refuses %s", async (_what, file, code) => {
    expect(await layerErrors(file, use(code))).toHaveLength(1);
  });

  it.each([
    [
      "a route importing a model, a chart, a component and lib",
      "app/routes/planted.tsx",
      ["~/models/incident.server.ts", "~/charts/registry.ts", "~/components/chart-figure.tsx", "~/lib/format.ts"],
    ],
    ["a chart importing the domain and lib", "app/charts/planted.ts", ["~/domain/taxonomy.ts", "~/lib/format.ts"]],
    [
      "an export loader importing a model, a chart, the domain and lib",
      "app/exports/planted.server.ts",
      ["~/models/matrix.server.ts", "~/charts/registry.ts", "~/domain/matrix-filter.ts", "~/lib/auth.server.ts"],
    ],
    ["a route importing an export loader", "app/routes/planted.ts", ["~/exports/documents.server.ts"]],
    [
      "a component importing a schema, the domain and a chart",
      "app/components/planted.tsx",
      ["~/models/incident.schema.ts", "~/domain/taxonomy.ts", "~/charts/registry.ts"],
    ],
  ])("allows %s", async (_what, file, paths) => {
    const code = paths.map((p, i) => `import { x${i} } from "${p}";`).join("\n") + `\nexport const planted = [${paths.map((_p, i) => `x${i}`).join(", ")}];\n`;
    expect(await layerErrors(file, code)).toEqual([]);
  });

  it("lets a layer name another's types where it may not run its code", async () => {
    expect(
      await layerErrors("app/charts/planted.ts", 'import type { IncidentFilter } from "~/models/incident.server.ts";\nexport type Planted = IncidentFilter;\n'),
    ).toEqual([]);
    expect(
      await layerErrors("app/components/planted.tsx", 'import type { LinkView } from "~/models/link.server.ts";\nexport type Planted = LinkView;\n'),
    ).toEqual([]);
  });
});
