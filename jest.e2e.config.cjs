// End-to-end tests in headless Chromium over the playground (`npm run test:e2e`).
const base = require("./jest.config.cjs");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  testTimeout: 180000,
  maxWorkers: 1,
  // One playground build for every file (test/e2e/globalSetup.ts).
  globalSetup: "<rootDir>/test/e2e/globalSetup.ts",
  globalTeardown: "<rootDir>/test/e2e/globalTeardown.ts",
};
