import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// Import direction. Web features never import each other or the server, only
// the shared request contract; web/app composes them. The server never
// imports the web app, and only start-up code and tests import the sandbox.
const elements = [
  { type: "e2e", pattern: "e2e" },
  // Full path, so bench/web is a benchmark rather than part of the web app.
  { type: "bench", pattern: "bench/**", partialMatch: false },
  { type: "contract", pattern: "server/contract" },
  { type: "heron-contract", pattern: "server/heron/spec" },
  { type: "sandbox", pattern: "server/sandbox" },
  { type: "server", pattern: "server" },
  { type: "web-app", pattern: "web/app" },
  { type: "web-feature", pattern: "web/features/*", capture: ["feature"] },
  { type: "web-shared", pattern: "web/{components,lib}" },
  { type: "web", pattern: "web" },
];

const element = (...types) => ({ element: { types: { anyOf: types } } });
const allowOnly = (from, ...to) => ({
  from: element(...from),
  allow: to.map((target) => ({ to: target })),
});

const policies = [
  allowOnly(["contract"], element("contract")),
  allowOnly(["heron-contract"], element("heron-contract")),
  allowOnly(["sandbox"], element("sandbox", "contract", "heron-contract")),
  allowOnly(
    ["server"],
    element("server", "contract", "sandbox", "heron-contract"),
  ),
  allowOnly(["web-shared"], element("web-shared", "contract")),
  allowOnly(["web-feature"], element("web-shared", "contract"), {
    element: {
      type: "web-feature",
      captured: { feature: "{{ from.captured.feature }}" },
    },
  }),
  allowOnly(
    ["web-app"],
    element("web-app", "web-feature", "web-shared", "contract"),
  ),
  allowOnly(["web"], element("web", "web-app", "web-shared", "contract")),
  allowOnly(
    ["e2e", "bench"],
    element("e2e", "bench", "server", "sandbox", "contract", "heron-contract"),
  ),
];

export default tseslint.config(
  {
    ignores: [
      "dist",
      "data",
      "test-results",
      "playwright-report",
      "server/heron/spec/openapi.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs["flat/recommended"],
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "import/resolver": { typescript: { alwaysTryTypes: true } },
    },
    rules: {
      "boundaries/dependencies": ["error", { default: "disallow", policies }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter, so
    // a fixture with none must still destructure an empty object.
    files: ["e2e/**/*.ts"],
    rules: { "no-empty-pattern": "off" },
  },
  {
    files: ["web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
