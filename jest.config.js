/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/browser/"],
  setupFiles: ["<rootDir>/test/support/customFunctionsGlobal.ts"],
  transform: {
    "^.+\\.(ts|tsx|js)$": [
      "ts-jest",
      { tsconfig: { module: "commonjs", moduleResolution: "node", allowJs: true, jsx: "react-jsx" }, diagnostics: { warnOnly: false } },
    ],
  },
  transformIgnorePatterns: ["/node_modules/(?!simple-statistics/)"],
};
