// Lint for KPI Lens: TypeScript's recommended rules, React's rules of hooks, and the Office
// add-in rules of eslint-plugin-office-addins (the Office.js batching mistakes: a sync in a loop,
// a read before load or sync, a null object tested without isNullObject). Formatting is
// prettier's business (npm run format), not lint's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/fixtures/**", "**/*.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node, Excel: "readonly", Office: "readonly", OfficeExtension: "readonly", CustomFunctions: "readonly" } },
    plugins: { "react-hooks": reactHooks, "office-addins": officeAddins },
    rules: {
      // The rules of hooks; react-hooks 7's React Compiler rules are not for this codebase.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "office-addins/no-office-initialize": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The house limits (CONTRIBUTING.md): no source file over 400 lines, no function over 80,
    // counting every line. Generated files (*.generated.ts) and declarations are excepted.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/**/*.generated.ts"],
    rules: {
      "max-lines": ["error", { max: 400, skipBlankLines: false, skipComments: false }],
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    // Tests, benches and scripts drive the in-memory Excel, whose objects they read directly after
    // its syncs (often through helpers): the batching rules are for the add-in's own code.
    files: ["test/**/*.{ts,tsx}", "bench/**/*.ts", "scripts/**/*.{js,mjs}"],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/call-sync-after-load": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
  {
    // CommonJS modules jest's moduleNameMapper loads as they are (test/support/fluent*.cjs).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
