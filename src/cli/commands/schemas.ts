import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import { generateSchemaFiles, REGENERATE_SCHEMAS, REPO_ROOT, staleFiles } from "../../config/jsonSchemas";
import { EXIT } from "../../exitCodes";
import { generateOptions, type GenerateOptions } from "../options/generate";
import { parseOptions } from "../options/parse";
import { checkOutputs } from "../outputPath";

export type { GenerateOptions };

export function registerSchemas(program: Command, exit: (code: number) => void): void {
  program
    .command("schemas")
    .description("generate the JSON Schemas in stacks/schemas/ from the definition's zod schemas")
    .option("--write", "write the schemas that changed")
    .option("--check", "exit 1, naming the files, when a committed schema is stale")
    .action((opts: GenerateOptions) =>
      exit(
        runGenerate(opts, {
          root: REPO_ROOT,
          what: "JSON Schema",
          regenerate: REGENERATE_SCHEMAS,
          generate: generateSchemaFiles,
          write: (s) => process.stdout.write(s),
        }),
      ),
    );
}

export interface GenerateTarget {
  /** Repository root the generated paths are relative to. */
  root: string;
  /** What the files are, for messages ("JSON Schema"). */
  what: string;
  /** The command that regenerates them. */
  regenerate: string;
  generate(root: string): Map<string, string>;
  write(s: string): void;
}

/**
 * `--write` rewrites the generated files that differ; `--check` exits 1 naming the stale ones. Two commands share
 * it, so it reads its own options (neither or both of the modes is a usage error).
 */
export function runGenerate(given: GenerateOptions, target: GenerateTarget): number {
  const opts = parseOptions(generateOptions, given);
  const files = target.generate(target.root);
  // Nothing is read or written until every generated path is a writable file (or can be created as one).
  checkOutputs(
    [...files.keys()].map((path) => ({
      flag: `generated ${target.what} file`,
      path: join(target.root, path),
      kind: "file" as const,
      createParents: true,
    })),
  );
  const stale = staleFiles(target.root, files);
  if (opts.check) {
    if (stale.length === 0) {
      target.write(`${target.what} files are up to date (${[...files.keys()].join(", ")})\n`);
      return EXIT.ok;
    }
    for (const f of stale) target.write(`stale: ${f}\n`);
    target.write(
      `${stale.length} generated file${stale.length === 1 ? " is" : "s are"} out of date — run: ${target.regenerate}\n`,
    );
    return EXIT.invalid;
  }
  for (const path of stale) {
    const full = join(target.root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, files.get(path) ?? "");
    target.write(`wrote ${path}\n`);
  }
  if (stale.length === 0) target.write(`${target.what} files are up to date\n`);
  return EXIT.ok;
}
