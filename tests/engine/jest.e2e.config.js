/**
 * End-to-end tests of issue 8 with the real Pulumi engine (docs/engine.md "End-to-end tests"). Kept out of
 * `npm test` and of the smoke project: they take minutes. Run them with `scripts/engine-e2e`.
 */
const smoke = require("./jest.config.js");

module.exports = {
  ...smoke,
  testMatch: ["**/*.e2e.ts"],
  // One file, ordered steps sharing one stack; each pulumi run can take minutes at 8,530 numbers.
  testTimeout: 20 * 60 * 1000,
};
