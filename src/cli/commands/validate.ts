import type { Command } from "commander";
import { formatDiagnosticLines } from "../../config/diagnostics";
import { summarize, type DefinitionSummary } from "../../config/summary";
import { validateDefinition } from "../../config/validate";
import { resolveDefinitionDir } from "../definitionDir";
import { EXIT } from "../exitCodes";
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
  const dir = resolveDefinitionDir(opts);
  const result = validateDefinition(dir);
  const valid = result.diagnostics.length === 0;
  if (opts.format === "json") {
    const out: Record<string, unknown> = { valid, errors: result.diagnostics };
    if (result.definition) out.summary = summarize(result.definition);
    write(JSON.stringify(out, null, 2) + "\n");
  } else if (valid && result.definition) {
    write(formatSummary(summarize(result.definition)));
  } else {
    write(formatDiagnosticLines(result.diagnostics));
    const files = new Set(result.diagnostics.map((d) => d.file)).size;
    write(
      `\n${result.diagnostics.length} problem${result.diagnostics.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}; nothing was changed.\n`,
    );
  }
  return valid ? EXIT.ok : EXIT.invalid;
}

export function formatSummary(s: DefinitionSummary): string {
  const lines = [
    `✔ ${s.organization}: definition is valid`,
    ``,
    `  departments   ${s.departments} (${s.districts} districts)`,
    `  users         ${s.users.toLocaleString("en-GB")} (sum of headcounts)`,
    `  numbers       ${s.numbers.toLocaleString("en-GB")} assigned, ${s.emergencyLocations} emergency locations`,
    ``,
    `  number ranges                       type              assigned / size`,
    ...s.ranges.map(
      (r) =>
        `    ${r.id.padEnd(32)}  ${r.type.padEnd(16)}  ${String(r.assigned).padStart(8)} / ${String(r.size).padEnd(8)}`,
    ),
    ``,
    `  licences (SKU)                      demanded / seats owned`,
    ...s.skus.map(
      (k) =>
        `    ${k.partNumber.padEnd(32)}  ${String(k.demanded).padStart(8)} / ${String(k.seats).padEnd(8)} ${bar(k.demanded, k.seats)}`,
    ),
    ``,
  ];
  return lines.join("\n");
}

function bar(used: number, total: number): string {
  if (total <= 0) return "";
  const width = 20;
  const filled = Math.min(width, Math.round((used / total) * width));
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${Math.round((used / total) * 100)}%`;
}
