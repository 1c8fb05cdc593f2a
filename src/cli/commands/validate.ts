import type { Command } from "commander";
import { reportValidation } from "../../config/validationReport";
import { resolveDefinitionDir } from "../../config/definitionDir";
import { formatOption, type OutputFormat, stackOption } from "../options";

interface ValidateOptions {
  stack?: string;
  dir?: string;
  format: OutputFormat;
}

export function registerValidate(program: Command, exit: (code: number) => void): void {
  program
    .command("validate")
    .description("check a tenant definition: every file against its schema, then the rules across files")
    .addOption(stackOption())
    .option("--dir <path>", "a definition folder anywhere (e.g. a copy under review)")
    .addOption(formatOption(["text", "json"]))
    .action((opts: ValidateOptions) => exit(runValidate(opts, (s) => process.stdout.write(s))));
}

/** Runs the check and prints its result; returns the exit code (0 valid, 1 invalid). */
export function runValidate(opts: ValidateOptions, write: (s: string) => void): number {
  return reportValidation(resolveDefinitionDir(opts), opts.format === "json" ? "json" : "text", write);
}
