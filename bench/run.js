#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/ (today: tenant validate at Madrid scale). See bench/README.md.
require("tsx/cjs");
process.exitCode = require("./validate.ts").main(process.argv.slice(2));
