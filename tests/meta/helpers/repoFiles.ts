import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { REPO_ROOT } from "../../../src/config/jsonSchemas";

export { REPO_ROOT };

/** Files under `dir` (recursively) whose names end in `extension`, relative to the repository root, sorted. */
export function filesUnder(dir: string, extension: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    // A folder the caller names must exist: a missing one would silently list no files and check nothing.
    if (!existsSync(d)) throw new Error(`filesUnder: ${relative(REPO_ROOT, d)} does not exist`);
    for (const name of readdirSync(d)) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(extension)) out.push(relative(REPO_ROOT, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** `stacks/*\/**\/*.yaml` (the definitions, not the stack files beside them) and `tests/fixtures/**\/*.yaml`. */
export function definitionYamlFiles(): string[] {
  const stacks = join(REPO_ROOT, "stacks");
  const inStacks = readdirSync(stacks)
    .filter((n) => statSync(join(stacks, n)).isDirectory())
    .flatMap((n) => filesUnder(join(stacks, n), ".yaml"));
  return [...inStacks, ...filesUnder(join(REPO_ROOT, "tests", "fixtures"), ".yaml")];
}

/** A draft 2020-12 validator that reports every error. */
export function newAjv(strict = true): Ajv2020 {
  return new Ajv2020({ allErrors: true, strict });
}

export const SCHEMA_LINE = /^# yaml-language-server: \$schema=(\S+)\s*$/;
