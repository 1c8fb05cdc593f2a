/**
 * Smoke test of the real Pulumi engine built by scripts/pulumi-engine (docs/engine.md). Kept out of `npm test`:
 * the first run compiles the engine (minutes). Run it with `scripts/engine-smoke`, or
 * `npx jest -c tests/engine/jest.config.js` once the engine is built.
 */
const path = require("path");

module.exports = {
  rootDir: path.join(__dirname, "..", ".."),
  testEnvironment: "node",
  roots: ["<rootDir>/tests/engine"],
  testMatch: ["**/*.smoke.ts"],
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  // The engine runs out of process, one step at a time.
  maxWorkers: 1,
  testTimeout: 10 * 60 * 1000,
  reporters: ["default", "<rootDir>/tests/reporters/summaryLine.js"],
};
