import type { Command } from "commander";
import { reportValidation } from "../../config/validationReport";
import { resolveDefinitionDir } from "../../config/definitionDir";
import { formatOption, stackOption } from "../options/common";
import { parseOptions } from "../options/parse";
import { VALIDATE_FORMATS, validateOptions, type ValidateOptions } from "../options/validate";

export function registerValidate(program: Command, exit: (code: number) => void): void {
  program
    .command("validate")
    .description("check a tenant definition: every file against its schema, then the rules across files")
    .addOption(stackOption())
    .option("--dir <path>", "a definition folder anywhere (e.g. a copy under review)")
    .addOption(formatOption(VALIDATE_FORMATS))
    .action((raw: unknown, cmd: Command) =>
      exit(runValidate(parseOptions(validateOptions, raw, cmd), (s) => process.stdout.write(s))),
    );
}

/** Runs the check and prints its result; returns the exit code (0 valid, 1 invalid). */
export function runValidate(opts: ValidateOptions, write: (s: string) => void): number {
  return reportValidation(resolveDefinitionDir(opts), opts.format === "json" ? "json" : "text", write);
}
