/**
 * Generates vendor/reference/microsoft-graph/graph-v1-endpoints.json from a local checkout of
 * microsoftgraph/microsoft-graph-docs-contrib. CI never runs this (it needs the checkout); the staleness of the
 * vendored file against the endpoint list is checked by tests/graphContract.
 *
 *   npx tsx tools/graph-contract/generate.ts --docs <checkout> [--check]
 *
 * Each page's commit is `git log -1` of that file in the checkout, or, for a checkout assembled page by page,
 * the `commits` map of `<checkout>/.commits.json`.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildGraphContract, type PageReader } from "../../src/graphContract/build";

export const CONTRACT_PATH = join(
  __dirname,
  "..",
  "..",
  "vendor",
  "reference",
  "microsoft-graph",
  "graph-v1-endpoints.json",
);

export function reader(docs: string): { read: PageReader; note: string } {
  const manifest = join(docs, ".commits.json");
  const assembled = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, "utf8")) as { note?: string; commits: Record<string, string> })
    : undefined;
  const read: PageReader = (path) => {
    const file = join(docs, path);
    if (!existsSync(file)) return undefined;
    const commit =
      assembled?.commits[path] ??
      execFileSync("git", ["-C", docs, "log", "-1", "--format=%H", "--", path], { encoding: "utf8" }).trim();
    return { text: readFileSync(file, "utf8"), commit };
  };
  return {
    read,
    note: assembled?.note ?? "Read from a git checkout; each page at the commit that last changed it.",
  };
}

function main(argv: string[]): number {
  const at = argv.indexOf("--docs");
  if (at < 0 || !argv[at + 1]) {
    process.stderr.write("usage: generate.ts --docs <microsoft-graph-docs-contrib checkout> [--check]\n");
    return 2;
  }
  const { read, note } = reader(argv[at + 1]);
  const text = `${JSON.stringify(buildGraphContract(read, note), null, 2)}\n`;
  if (argv.includes("--check")) {
    const current = existsSync(CONTRACT_PATH) ? readFileSync(CONTRACT_PATH, "utf8") : "";
    if (current !== text) {
      process.stderr.write(`${CONTRACT_PATH} is stale: run the generator without --check\n`);
      return 1;
    }
    return 0;
  }
  writeFileSync(CONTRACT_PATH, text);
  process.stdout.write(`wrote ${CONTRACT_PATH}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
