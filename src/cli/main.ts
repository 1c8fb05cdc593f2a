import { Command, CommanderError } from "commander";
import { registerCodeowners } from "./commands/codeowners";
import { registerDocs } from "./commands/docs";
import { registerSchemas } from "./commands/schemas";
import { registerEmulator } from "./commands/emulator";
import { registerValidate } from "./commands/validate";
import { EXIT, UserError } from "../exitCodes";

/** Builds the `tenant` command line. `exit` is injected so tests can run commands in-process. */
export function buildProgram(exit: (code: number) => void): Command {
  const program = new Command("tenant")
    .description("Validate, plan and operate a city's Azure and Microsoft 365 tenant from its definition")
    .version(packageVersion(), "-V, --version", "print the toolkit's version")
    .option("--debug", "on an internal error, print its stack trace")
    .exitOverride()
    .showHelpAfterError("(run 'tenant --help' for the commands)");
  registerValidate(program, exit);
  registerEmulator(program, exit);
  (require("./commands/plan") as typeof import("./commands/plan")).registerPlan(program, exit); // eslint-disable-line @typescript-eslint/no-require-imports -- one-line registration
  (require("./commands/export") as typeof import("./commands/export")).registerExport(program, exit); // eslint-disable-line @typescript-eslint/no-require-imports -- one-line registration
  (require("./commands/drift") as typeof import("./commands/drift")).registerDrift(program, exit); // eslint-disable-line @typescript-eslint/no-require-imports -- one-line registration
  (require("./commands/numbers") as typeof import("./commands/numbers")).registerNumbers(program, exit); // eslint-disable-line @typescript-eslint/no-require-imports -- one-line registration
  registerSchemas(program, exit);
  registerDocs(program, exit);
  registerCodeowners(program, exit);
  (require("./commands/network") as typeof import("./commands/network")).registerNetwork(program, exit); // eslint-disable-line @typescript-eslint/no-require-imports -- one-line registration
  return program;
}

/** Runs the CLI; resolves to the exit code. Usage problems exit 2, every UserError without a stack trace. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  for (const cmd of program.commands) cmd.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Asked-for help and the version are successes; help shown because no command was given (`tenant`,
      // `tenant numbers`) is a usage error, like everything else commander rejects.
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version") return EXIT.ok;
      if (err.code === "commander.help" && err.exitCode === 0) return EXIT.ok;
      return EXIT.usage;
    }
    // A problem the person can fix (a UsageError is one, exit 2): its message, no stack trace.
    if (err instanceof UserError) {
      process.stderr.write(`tenant: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

/** The version in package.json (the toolkit is run from its repository, so the file is always there). */
function packageVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file, read once
  return (require("../../package.json") as { version: string }).version;
}
