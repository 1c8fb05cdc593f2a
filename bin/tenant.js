#!/usr/bin/env node
// Entry point of `npx tenant`: loads the TypeScript sources through tsx (no build step), then runs the CLI.
require("tsx/cjs");
const argv = process.argv.slice(2);
// Exits once tsx's compile cache is written, so the next run reuses it (src/cli/exitAfterPendingWrites.ts).
const { exitAfterPendingWrites } = require("../src/cli/exitAfterPendingWrites.ts");
require("../src/cli/main.ts")
  .main(argv)
  .then((code) => exitAfterPendingWrites(code))
  .catch((err) => {
    const { internalErrorText, EXIT_INTERNAL } = require("../src/cli/internalError.ts");
    process.stderr.write(internalErrorText(err, argv.includes("--debug")));
    return exitAfterPendingWrites(EXIT_INTERNAL);
  });
