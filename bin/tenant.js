#!/usr/bin/env node
// Entry point of `npx tenant`: loads the TypeScript sources through tsx (no build step), then runs the CLI.
require("tsx/cjs");
require("../src/cli/main.ts")
  .main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err) => {
    process.stderr.write(`tenant: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exit(70);
  });
