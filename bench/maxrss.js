// Preload for bench/validate.ts: `node -r ./bench/maxrss.js …` appends the process's peak resident set size
// (bytes) to the file named by BENCH_MAXRSS_FILE when it exits. Portable: no /usr/bin/time needed.
const { appendFileSync } = require("node:fs");

const target = process.env.BENCH_MAXRSS_FILE;
if (target) {
  process.on("exit", () => {
    // resourceUsage().maxRSS is in kilobytes.
    appendFileSync(target, `${process.resourceUsage().maxRSS * 1024}\n`);
  });
}
