/** Unit tests: @swc/jest transpiles only; `npm run typecheck` is the one type-check (see docs/architecture.md). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  setupFiles: ["<rootDir>/tests/setup.ts"],
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/tests/reporters/summaryLine.js"],
};
