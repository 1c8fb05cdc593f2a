import { existsSync, lstatSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { UsageError } from "./exitCodes";
import { stackNameProblem } from "./options/common";

export interface DefinitionTarget {
  stack?: string;
  dir?: string;
}

/** `stacks/` relative to the repository root (where package.json and Pulumi.yaml live). */
export const STACKS_DIR = resolve(__dirname, "..", "..", "stacks");

/** Resolves `--stack <name>` (stacks/<name>/) or `--dir <path>` to a definition folder, or says how to call it. */
export function resolveDefinitionDir(target: DefinitionTarget, stacksDir = STACKS_DIR): string {
  if (target.stack && target.dir) throw new UsageError("give either --stack or --dir, not both");
  if (target.dir) {
    const dir = resolve(target.dir);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new UsageError(
        `--dir ${target.dir}: no such folder — give the path of a folder holding tenant.yaml`,
      );
    }
    return dir;
  }
  if (target.stack) {
    const problem = stackNameProblem(target.stack);
    if (problem) throw new UsageError(`--stack: ${problem}`);
    const dir = join(stacksDir, target.stack);
    if (isSymbolicLink(dir)) {
      throw new UsageError(
        `--stack ${target.stack}: stacks/${target.stack} is a symbolic link, which is never followed — make it a folder`,
      );
    }
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      const known = listStacks(stacksDir);
      throw new UsageError(
        `--stack ${target.stack}: no folder stacks/${target.stack}/ — known stacks: ${known.length > 0 ? known.join(", ") : "none"}`,
      );
    }
    return dir;
  }
  throw new UsageError("say which definition to use: --stack <name> (stacks/<name>/) or --dir <path>");
}

export function listStacks(stacksDir = STACKS_DIR): string[] {
  if (!existsSync(stacksDir)) return [];
  return readdirSync(stacksDir)
    .filter((n) => existsSync(join(stacksDir, n, "tenant.yaml")))
    .sort();
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false; // missing: reported as an unknown stack
  }
}
