/** Unit tests: @swc/jest transpiles only; `npm run typecheck` is the one type-check (see docs/architecture.md). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  setupFiles: ["<rootDir>/tests/setup.ts"],
  testTimeout: 30000,
  // On a 2-core machine jest's default (cores - 1 = 1) runs every suite inside jest's own process, where the example
  // city's renders and emulators add up to >20 GB. Two workers, recycled past 1.5 GB, keep memory bounded.
  maxWorkers: 2,
  workerIdleMemoryLimit: "1536MB",
  reporters: ["default", "<rootDir>/tests/reporters/summaryLine.js"],
};
