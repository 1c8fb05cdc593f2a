import { Command, CommanderError } from "commander";
import { registerCodeowners } from "./commands/codeowners";
import { registerDocs } from "./commands/docs";
import { registerSchemas } from "./commands/schemas";
import { registerEmulator } from "./commands/emulator";
import { registerValidate } from "./commands/validate";
import { EXIT, UsageError } from "./exitCodes";

/** Builds the `tenant` command line. `exit` is injected so tests can run commands in-process. */
export function buildProgram(exit: (code: number) => void): Command {
  const program = new Command("tenant")
    .description("Validate, plan and operate a city's Azure and Microsoft 365 tenant from its definition")
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

/** Runs the CLI; resolves to the exit code. Usage problems exit 2, never with a stack trace. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
  for (const cmd of program.commands) cmd.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; everything else commander rejects is a usage error.
      if (
        err.code === "commander.helpDisplayed" ||
        err.code === "commander.version" ||
        err.code === "commander.help"
      ) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`tenant: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
