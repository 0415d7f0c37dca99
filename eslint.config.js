// Lint rules, including the layer rules of DESIGN.md ("the layer rules are held by
// the linter, not only by this page"). Each layer lists what it must not import;
// `allowTypeImports` lets a layer name another's types without running its code.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** An import-path pattern for a folder of app/, written with the ~ alias or a relative path. */
const layer = (folder) => `^(~/|(\\.\\./)+)${folder}/`;
const SERVER_MODULE = "\\.server(\\.tsx?)?$";

const restrict = (...patterns) => ({
  "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
});
const forbid = (regex, message, allowTypeImports = false) => ({ regex, message, allowTypeImports });

const NO_ROUTES = forbid(layer("routes"), "Only Remix imports routes: move what two routes share to models/, components/ or lib/.");
const NO_COMPONENTS = forbid(layer("components"), "This layer renders nothing: components are for routes (and other components).");
const NO_EXPORTS = forbid(layer("exports"), "exports/ holds the loaders of export routes: only routes import it.");

export default tseslint.config(
  { ignores: ["build/", "public/build/", "app/generated/", "node_modules/", "data/", "tests/.artifacts/", ".cache/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  // ---- The layers ----
  {
    files: ["app/routes/**"],
    rules: restrict(
      NO_ROUTES,
      forbid("^\\./", "Only Remix imports routes: a sibling file of app/routes is a route. Move what two routes share to models/, components/ or lib/."),
    ),
  },
  {
    files: ["app/models/**"],
    rules: restrict(NO_ROUTES, NO_COMPONENTS, NO_EXPORTS),
  },
  {
    files: ["app/exports/**"],
    rules: restrict(NO_ROUTES, NO_COMPONENTS),
  },
  {
    files: ["app/charts/**"],
    rules: restrict(
      NO_ROUTES,
      NO_COMPONENTS,
      NO_EXPORTS,
      forbid(layer("models"), "Charts are pure builders from data to drawings: take the data as an argument (types may be imported).", true),
    ),
  },
  {
    files: ["app/components/**"],
    rules: restrict(NO_ROUTES, NO_EXPORTS, forbid(SERVER_MODULE, "Components run in the browser too: never import a .server module (types only).", true)),
  },
  {
    files: ["app/domain/**"],
    rules: restrict(
      NO_ROUTES,
      NO_COMPONENTS,
      NO_EXPORTS,
      forbid(layer("charts"), "Domain knowledge comes before charts: charts may use the domain, not the other way round.", true),
      forbid(layer("models"), "Domain modules are pure: they take data as arguments (types from models may be imported).", true),
    ),
  },
  {
    files: ["app/lib/**"],
    rules: restrict(
      NO_ROUTES,
      NO_COMPONENTS,
      forbid(layer("(models|charts|domain|exports)"), "lib/ holds infrastructure only: it imports no model, chart, domain module, export, component or route."),
    ),
  },
);
