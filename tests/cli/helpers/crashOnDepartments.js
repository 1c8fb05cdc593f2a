// Preloaded (`node -r`) by tests/cli/hostileInput.test.ts: the first listing of a departments/ folder throws, as a
// bug in the toolkit would, so the test sees what a person sees on an internal error.
const fs = require("node:fs");
const readdirSync = fs.readdirSync;
fs.readdirSync = function crashOnDepartments(path, ...rest) {
  if (String(path).endsWith("departments")) throw new TypeError("simulated bug");
  return readdirSync.call(this, path, ...rest);
};
