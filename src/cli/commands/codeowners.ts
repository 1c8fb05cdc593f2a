import { spawnSync } from "node:child_process";
import { mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import type { Command } from "commander";
import {
  DEFAULT_PLATFORM_TEAM,
  expectedCodeowners,
  readCodeowners,
  rememberedPlatformTeam,
  staleLines,
} from "../../codeowners/codeowners";
import { resolveDefinitionDir } from "../../config/definitionDir";
import { EXIT, UsageError } from "../../exitCodes";
import { checkOutputs } from "../outputPath";
import { codeownersOptions, type CodeownersOptions } from "../options/codeowners";
import { stackOption } from "../options/common";
import { parseOptions } from "../options/parse";
import { runValidate } from "./validate";
import { toPosixPath } from "../../posixPath";

export function registerCodeowners(program: Command, exit: (code: number) => void): void {
  program
    .command("codeowners")
    .description(
      "write .github/CODEOWNERS from the definition: departments review their files, the platform team the rest",
    )
    .addOption(stackOption())
    .option("--dir <path>", "a definition folder anywhere inside a git repository")
    .option("--check", "write nothing; exit 1 naming what is stale when the file differs")
    .option("--out <file>", "the CODEOWNERS file (default .github/CODEOWNERS at the repository root)")
    .option(
      "--into-definition",
      "allow --out inside a definition folder (one holding tenant.yaml); refused otherwise, to protect it",
    )
    .option(
      "--platform-team <owner>",
      `owner of tenant-wide files, e.g. @org/team (default: the one the existing file names, else ${DEFAULT_PLATFORM_TEAM})`,
    )
    .action((raw: unknown, cmd: Command) =>
      exit(runCodeowners(parseOptions(codeownersOptions, raw, cmd), (s) => process.stdout.write(s))),
    );
}

function repositoryRoot(dir: string): string {
  const r = spawnSync("git", ["rev-parse", "--show-toplevel"], { cwd: dir, encoding: "utf8" });
  return r.status === 0 ? realpathSync(r.stdout.trim()) : process.cwd();
}

export function runCodeowners(opts: CodeownersOptions, write: (s: string) => void): number {
  const dir = resolveDefinitionDir(opts);
  const root = repositoryRoot(dir);
  const out = opts.out ?? join(root, ".github", "CODEOWNERS");
  checkOutputs([
    {
      flag: opts.out ? "--out" : "CODEOWNERS",
      path: out,
      kind: "file",
      fileName: "CODEOWNERS",
      // .github/ is made when missing; so is any folder --check only reads from.
      createParents: opts.out === undefined || opts.check === true,
      intoDefinition: opts.intoDefinition,
    },
  ]);
  const current = readCodeowners(out);
  const platformTeam = opts.platformTeam ?? rememberedPlatformTeam(current) ?? DEFAULT_PLATFORM_TEAM;
  const expected = expectedCodeowners({ dir, root, stack: opts.stack, platformTeam });
  if ("problems" in expected) return runValidate({ ...opts, format: "text" }, write);
  if (!/^@[\w.-]+(\/[\w.-]+)?$|^[^@\s]+@[^@\s]+$/.test(platformTeam)) {
    throw new UsageError(`--platform-team ${platformTeam}: give a GitHub @user, @org/team or an e-mail`);
  }
  const shown = toPosixPath(relative(process.cwd(), out)) || basename(out);
  if (opts.check) {
    if (current === undefined) {
      write(
        `${shown} does not exist — run \`npx tenant codeowners\` with the same --stack/--dir and commit it.\n`,
      );
      return EXIT.invalid;
    }
    const stale = staleLines(current, expected.text);
    if (stale.length === 0) {
      write(`${shown} is current.\n`);
      return EXIT.ok;
    }
    write(
      `${shown} is stale (${stale.length} difference${stale.length === 1 ? "" : "s"}):\n${stale.map((s) => `  ${s}`).join("\n")}\nRun the command in its header and commit the result.\n`,
    );
    return EXIT.invalid;
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, expected.text);
  write(`wrote ${shown}: ${expected.departments} departments, platform team ${platformTeam}\n`);
  return EXIT.ok;
}
