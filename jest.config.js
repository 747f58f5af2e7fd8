/** @type {import('jest').Config} */
const transform = {
  "^.+\\.(ts|tsx|js)$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", allowJs: true, jsx: "react-jsx", isolatedModules: true } }],
};

module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "/test/browser/"],
      setupFiles: ["<rootDir>/test/support/customFunctionsGlobal.ts", "<rootDir>/test/support/jsdomStyles.ts"],
      setupFilesAfterEnv: ["<rootDir>/test/support/answersAtOnce.ts", "<rootDir>/test/support/waitsByAssertion.ts"],
      // Fluent UI's two barrels, a name at a time as the tests ask for it (test/support/fluentOnDemand.ts).
      moduleNameMapper: {
        "^@fluentui/react-components$": "<rootDir>/test/support/fluentComponents.cjs",
        "^@fluentui/react-icons$": "<rootDir>/test/support/fluentIcons.cjs",
      },
      transform,
    },
    {
      displayName: "browser",
      testEnvironment: "node",
      roots: ["<rootDir>/test/browser"],
      testMatch: ["**/*.test.ts"],
      setupFiles: ["<rootDir>/test/support/customFunctionsGlobal.ts"],
      globalSetup: "<rootDir>/test/browser/globalSetup.ts",
      globalTeardown: "<rootDir>/test/browser/globalTeardown.ts",
      transform,
    },
  ],
  testTimeout: 60_000,
  // A worker that ran many suites holds a large heap, and every later suite's collections pay for
  // it: restarting a worker past this size took the unit run from 72-77 s to 67 s on 2 CPUs.
  workerIdleMemoryLimit: "700MB",
};
