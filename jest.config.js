/** Unit tests: @swc/jest transpiles only; `npm run typecheck` is the one type-check (see docs/architecture.md). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  setupFiles: ["<rootDir>/tests/setup.ts"],
  // A hang guard, not a measure (speed is measured under bench/). Tests that render the example city in-process
  // take 5–35 s on an idle 2-core machine and have taken over ten times that on CI's, where the Pulumi engine
  // compiles beside the unit tests. A tighter limit failed such a test there, and the timed-out work went on
  // under the next tests, which then timed out too. One limit for every test, so none sets a tighter one.
  testTimeout: 10 * 60 * 1000,
  // On a 2-core machine jest's default (cores - 1 = 1) runs every suite inside jest's own process, where the example
  // city's renders and emulators add up to >20 GB. Two workers, recycled past 1.5 GB, keep memory bounded.
  maxWorkers: 2,
  workerIdleMemoryLimit: "1536MB",
  reporters: ["default", "<rootDir>/tests/reporters/summaryLine.js"],
};
