// ESLint (flat config) for every shipped script: the claim builder, «Моё дело», the search engine, the page scripts:
// the recommended rules, with the globals each kind of script really has. `make lint` runs it.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    // Material's minified iframe shim is a copy of a third-party file, not the project's code.
    ignores: ["**/*.min.js", "overrides/assets/javascripts/iframe-worker-shim.js"],
  },
  js.configs.recommended,
  {
    // The page scripts of docs/assets/ (print buttons, copying a message, the booklet's palette, wide tables).
    files: ["docs/assets/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { ...globals.browser } },
  },
  {
    // The claim builder and «Моё дело»: ES modules in the page.
    files: ["docs/assets/claim/**/*.js", "docs/assets/case/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    // The search engine: classic scripts. The core runs in the worker and under Node's tests (its own
    // «global» comment names the two globals it reads); the worker and its loader run as a Web Worker, or
    // in Material's iframe shim (file://), where they read the page's `parent` and `document`.
    files: ["overrides/assets/javascripts/search-*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script" },
  },
  {
    files: ["overrides/assets/javascripts/search-ru-worker.js", "overrides/assets/javascripts/search-worker-loader.js"],
    languageOptions: { globals: { ...globals.worker, parent: "readonly", document: "readonly" } },
  },
  {
    // The set-up in the page, before Material's bundle.
    files: ["overrides/assets/javascripts/search-ru-config.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // make lint's own Node script.
    files: ["mk/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
];
