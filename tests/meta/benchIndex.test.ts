/** bench/README.md's index names every `bench:*` script, so a new bench is never one nobody can find. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./helpers/repoFiles";

const scripts = Object.keys(
  (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> })
    .scripts,
).filter((name) => name.startsWith("bench:") && name !== "bench:generate");

describe("bench/README.md", () => {
  const index = readFileSync(join(REPO_ROOT, "bench", "README.md"), "utf8");

  test.each(scripts)("lists `npm run %s` in its index", (name) => {
    expect(index).toContain(`| \`npm run ${name}\``);
  });
});
