// Unit, component and integration tests. Component tests opt into jsdom with a
// `@jest-environment jsdom` docblock; everything else runs in plain Node, as src/core must.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Both cores of the CI machine (jest's default leaves one for itself): the 10,000-row
  // workbook suites take minutes each, and one worker took the run past 20 minutes.
  maxWorkers: 2,
  // A per-test hang guard, not a speed check (speed is measured by `npm run bench`). Jest's
  // 5 s default failed CI on a whole-pane component test that takes 2 s on an idle machine and
  // over 5 s while the other worker builds a 10,000-row workbook.
  testTimeout: 30_000,
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(ts|tsx)$": [
      "ts-jest",
      {
        // Type errors are caught once by `npm run typecheck`; here we only transpile, which
        // keeps the suite fast on a 2-core CI machine.
        tsconfig: { module: "commonjs", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true },
      },
    ],
  },
  // A test fails when the add-in used an Excel member the test host does not implement.
  setupFilesAfterEnv: ["<rootDir>/test/support/excelHostSetup.ts"],
  reporters: ["default", "<rootDir>/test/support/summaryReporter.cjs"],
  moduleNameMapper: {
    "\\.(css|png|svg)$": "<rootDir>/test/support/fileStub.cjs",
  },
};
