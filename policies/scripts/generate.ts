// `npm run gen:rules`: writes policies/RULES.md and the definition-derived entries of policies/config/<stack>.json.
// `--check` writes nothing and exits 1 when a file is stale (the meta test does the same).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { generatedFiles } from "../../src/policy/generated";

function main(): void {
  const check = process.argv.includes("--check");
  let stale = 0;
  for (const { path, content } of generatedFiles()) {
    const current = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (current === content) continue;
    stale += 1;
    if (check) process.stderr.write(`stale: ${relative(process.cwd(), path)} (run npm run gen:rules)\n`);
    else {
      writeFileSync(path, content);
      process.stdout.write(`wrote ${relative(process.cwd(), path)}\n`);
    }
  }
  process.exitCode = check && stale > 0 ? 1 : 0;
}

main();
