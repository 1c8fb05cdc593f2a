/**
 * `npm run gen` regenerates every generated file; `npm run gen -- --check` writes nothing and exits 1 naming
 * the stale ones. The Graph and cmdlet contracts need a docs checkout and run only when given one:
 *
 *   npm run gen -- [--check] [--graph-docs <microsoft-graph-docs-contrib>] [--powershell-docs <office-docs-powershell>]
 */
import { REPO_ROOT } from "../../src/config/jsonSchemas";
import { GENERATORS, type GenOptions } from "./generators";
import { runGenerators } from "./run";

const USAGE = "usage: npm run gen -- [--check] [--graph-docs <checkout>] [--powershell-docs <checkout>]\n";

export function parseGenArgs(argv: readonly string[]): (GenOptions & { check: boolean }) | string {
  const opts: GenOptions & { check: boolean } = { check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--check") opts.check = true;
    else if (arg === "--graph-docs" || arg === "--powershell-docs") {
      const value = argv[++i];
      if (!value || value.startsWith("--")) return `${arg} needs a folder`;
      if (arg === "--graph-docs") opts.graphDocs = value;
      else opts.powershellDocs = value;
    } else return `unknown argument ${arg}`;
  }
  return opts;
}

export async function main(argv: readonly string[]): Promise<number> {
  const opts = parseGenArgs(argv);
  if (typeof opts === "string") {
    process.stderr.write(`gen: ${opts}\n${USAGE}`);
    return 2;
  }
  return runGenerators({
    ...opts,
    root: REPO_ROOT,
    generators: GENERATORS,
    say: (line) => process.stdout.write(`${line}\n`),
  });
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
