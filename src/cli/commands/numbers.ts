import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { NumbersIo } from "../../numbers/context";
import { join } from "node:path";
import { NUMBERS_DIR } from "../../config/load";
import { RELEASED_FILE } from "../../config/schema/releasedNumbers";
import { resolveDefinitionDir } from "../../config/definitionDir";
import { checkOutputs } from "../outputPath";
import { formatOption, stackOption } from "../options/common";
import {
  allocateOptions,
  NUMBERS_FORMATS,
  releaseOptions,
  type ReleaseCommandOptions,
} from "../options/numbers";
import { parseOptions } from "../options/parse";

/** `tenant numbers allocate|release`: hand out and take back phone numbers as reviewable file changes. */
export function registerNumbers(program: Command, exit: (code: number) => void): void {
  const numbers = program
    .command("numbers")
    .description("hand out and take back phone numbers by editing the definition (see docs/numbers.md)");
  const common = (cmd: Command) =>
    cmd
      .addOption(stackOption())
      .option("--dir <path>", "a definition folder anywhere")
      .requiredOption("--department <id>", "the department (departments/<id>.yaml)")
      .requiredOption(
        "--users <file|->",
        "user principal names, one a line, or a CSV with a userPrincipalName column; - reads stdin",
      )
      .option(
        "--today <YYYY-MM-DD>",
        "the day quarantine is judged on and releases are dated (default: today, UTC)",
      )
      .option("--dry-run", "print what would change, write nothing")
      .addOption(formatOption(NUMBERS_FORMATS));

  common(numbers.command("allocate"))
    .description(
      "give each listed user the lowest free number of the department's ranges; appends to numbers/<id>.csv",
    )
    .option(
      "--location <id>",
      "emergency location for users without one in the input (default: the department's most used)",
    )
    .action(async (raw: unknown, cmd: Command) => {
      const opts = parseOptions(allocateOptions, raw, cmd);
      const { runAllocate } =
        require("../../numbers/runAllocate") as typeof import("../../numbers/runAllocate"); // eslint-disable-line @typescript-eslint/no-require-imports -- loaded only when used
      const dir = numbersDir(opts, [`${opts.department}.csv`]);
      exit(await run((io) => runAllocate({ ...opts, dir }, io)));
    });

  common(numbers.command("release"))
    .description(
      "take the listed users' numbers out of numbers/<id>.csv into quarantine (numbers/released.csv)",
    )
    .action(async (raw: unknown, cmd: Command) => {
      const opts = parseOptions(releaseOptions, raw, cmd);
      const { runRelease } = require("../../numbers/runRelease") as typeof import("../../numbers/runRelease"); // eslint-disable-line @typescript-eslint/no-require-imports -- loaded only when used
      const dir = numbersDir(opts, [`${opts.department}.csv`, RELEASED_FILE]);
      exit(await run((io) => runRelease({ ...opts, dir }, io)));
    });
}

/**
 * The definition folder, after checking the files the command will rewrite there (its own definition: that is
 * the command's job) are regular, writable files in an existing numbers/ folder. Department ids that are not
 * file names are refused by the department lookup; replacing separators keeps a hostile one inside numbers/ here.
 */
function numbersDir(opts: ReleaseCommandOptions, files: string[]): string {
  const dir = resolveDefinitionDir(opts);
  if (!opts.dryRun) {
    checkOutputs(
      files.map((f) => ({
        flag: "numbers file",
        path: join(dir, NUMBERS_DIR, f.replace(/[\\/]/g, "_")),
        kind: "file" as const,
        ownDefinition: dir,
      })),
    );
  }
  return dir;
}

/** Runs with real stdio; output is flushed before bin/tenant.js exits. */
async function run(body: (io: NumbersIo) => number): Promise<number> {
  let out = "";
  let err = "";
  const io: NumbersIo = {
    out: (s) => (out += s),
    err: (s) => (err += s),
    stdin: () => readFileSync(0, "utf8"),
  };
  try {
    return body(io);
  } finally {
    await flush(process.stderr, err);
    await flush(process.stdout, out);
  }
}

function flush(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return text === "" ? Promise.resolve() : new Promise((resolve) => stream.write(text, () => resolve()));
}
