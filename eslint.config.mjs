// Lint encodes the host's rules (STYLE.md 10) and the layering of the design (STYLE.md 1).
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import tseslint from "typescript-eslint";

const otherLayers = ["excel", "functions", "forms", "taskpane"];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "bench/.build/**", "coverage/**", "test-results/**", "tools/stubs/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    plugins: { "office-addins": officeAddins },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      // HyperFormula is GPLv3, and Microsoft's npm copy of the Excel client is for developing and
      // testing (the add-in loads office.js from Microsoft's CDN): tests and the playground only.
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "hyperformula", message: "HyperFormula is GPLv3: use it in tests and the playground only." }],
          patterns: [{ group: ["@microsoft/office-js", "@microsoft/office-js/*"], message: "The add-in loads office.js from Microsoft's CDN; the npm copy serves the tests and the playground only." }],
        },
      ],
    },
  },
  {
    // src/core is pure domain code: it runs in Node, the pane and the functions runtime.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["react", "react-dom", "exceljs", "hyperformula"].map((name) => ({ name, message: "src/core imports no host, UI or file-format code." })),
          patterns: [
            { group: otherLayers.flatMap((l) => [`**/${l}`, `**/${l}/**`, `../${l}/**`]), message: "src/core must not import the other layers." },
            { group: ["@fluentui/*", "office-*"], message: "src/core imports no host or UI code." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["Office", "Excel", "CustomFunctions", "window", "document", "localStorage"].map((name) => ({ name, message: "src/core must not touch the host or the DOM." })),
      ],
    },
  },
  {
    // The functions bundle must stay small (no UI code) and may reach only core.
    files: ["src/functions/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["react", "react-dom", "exceljs", "hyperformula"].map((name) => ({ name, message: "custom functions stay small: no UI or file-format code." })),
          patterns: [{ group: ["@fluentui/*", "**/taskpane/**", "**/excel/**", "**/forms/**"], message: "functions → core only (DESIGN.md architecture)." }],
        },
      ],
    },
  },
  {
    files: ["test/**/*.ts", "test/**/*.tsx"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["bench/**/*.ts"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node }, sourceType: "module" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.cjs", "webpack.config.js"],
    languageOptions: { sourceType: "commonjs" },
  }
);
