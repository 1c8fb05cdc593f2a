#!/usr/bin/env node
// Entry point of `npx tenant`: loads the TypeScript sources through tsx (no build step), then runs the CLI.
require("tsx/cjs");
const argv = process.argv.slice(2);
require("../src/cli/main.ts")
  .main(argv)
  .then((code) => process.exit(code))
  .catch((err) => {
    const { internalErrorText, EXIT_INTERNAL } = require("../src/cli/internalError.ts");
    process.stderr.write(internalErrorText(err, argv.includes("--debug")));
    process.exit(EXIT_INTERNAL);
  });
