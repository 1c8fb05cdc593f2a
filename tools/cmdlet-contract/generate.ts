/**
 * Generates the vendored cmdlet contract (src/teams/powershell/contract/teams-cmdlets.json) from a local
 * checkout of MicrosoftDocs/office-docs-powershell. CI never runs this: it needs the checkout.
 *
 *   npx tsx tools/cmdlet-contract/generate.ts <checkout> [--out <file>] [--check]
 *
 * `<checkout>` is a work tree or a bare git directory; pages are read with `git show HEAD:<path>`, so the
 * contract is exactly the committed text at HEAD, whose commit id and date go into the provenance.
 * `--check` compares instead of writing (exit 1 when the vendored file differs).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { contractHash } from "../../src/teams/powershell/contract/hash";
import type { CmdletContract, ContractCmdlet } from "../../src/teams/powershell/contract/types";
import { parsePage } from "./parsePage";

const REPO = "MicrosoftDocs/office-docs-powershell";
const PATH_PREFIX = "teams/teams-ps/MicrosoftTeams/";
const ROOT = join(__dirname, "..", "..");
const DEFAULT_OUT = join(ROOT, "src", "teams", "powershell", "contract", "teams-cmdlets.json");

interface CallList {
  cmdlets: Record<string, { sets?: string[]; requests: boolean }>;
}

function git(checkout: string, args: string[]): string {
  return execFileSync("git", ["-C", checkout, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

export function generate(checkout: string): CmdletContract {
  const calls = JSON.parse(readFileSync(join(__dirname, "cmdlets.json"), "utf8")) as CallList;
  const [commit, commitDate] = git(checkout, ["log", "-1", "--format=%H %cI", "HEAD"]).trim().split(" ");
  const cmdlets: Record<string, ContractCmdlet> = {};
  for (const [name, call] of Object.entries(calls.cmdlets).sort(([a], [b]) => a.localeCompare(b))) {
    const path = `${PATH_PREFIX}${name}.md`;
    const blob = git(checkout, ["rev-parse", `HEAD:${path}`]).trim();
    const parsed = parsePage(git(checkout, ["show", `HEAD:${path}`]), { path, blob, calledSets: call.sets });
    if (parsed.name !== name) throw new Error(`${path}: the page is titled ${parsed.name}, expected ${name}`);
    cmdlets[name] = { ...parsed.cmdlet, ...(call.requests ? {} : { driverOnly: true }) };
  }
  return {
    provenance: {
      repo: REPO,
      commit,
      commitDate,
      pathPrefix: PATH_PREFIX,
      generator: "tools/cmdlet-contract/generate.ts (input: tools/cmdlet-contract/cmdlets.json)",
    },
    sha256: contractHash(cmdlets),
    cmdlets,
  };
}

function main(argv: string[]): number {
  const checkout = argv[0];
  if (!checkout || checkout.startsWith("--")) {
    process.stderr.write("usage: generate.ts <office-docs-powershell checkout> [--out <file>] [--check]\n");
    return 2;
  }
  const outIndex = argv.indexOf("--out");
  const out = outIndex >= 0 ? argv[outIndex + 1] : DEFAULT_OUT;
  const text = JSON.stringify(generate(checkout), null, 2) + "\n";
  if (argv.includes("--check")) {
    const same = readFileSync(out, "utf8") === text;
    process.stdout.write(same ? `${out} is up to date\n` : `${out} differs from the checkout's HEAD\n`);
    return same ? 0 : 1;
  }
  writeFileSync(out, text);
  process.stdout.write(`wrote ${out}\n`);
  if (out === DEFAULT_OUT) {
    // The driver's allow-list is derived from the contract: rewrite it too (in a fresh process, so it reads the new file).
    execFileSync("npx", ["tsx", join(__dirname, "writeAllowList.ts")], { stdio: "inherit" });
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
