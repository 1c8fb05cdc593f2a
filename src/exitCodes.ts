/**
 * Exit codes are a contract with CI scripts: keep them stable. They live at the top of src/ because the code that
 * decides them (validation, plan, numbers, policies) lives all over it; src/cli only passes them on.
 */
export const EXIT = {
  ok: 0,
  /** The definition is invalid (or, for later commands, the operation failed). */
  invalid: 1,
  /** The command line was wrong. */
  usage: 2,
  /** `tenant drift`: the live tenant differs from the definition. */
  drift: 3,
} as const;

/** The toolkit itself failed (a bug): bin/tenant.js prints src/cli/internalError.ts's text. */
export const EXIT_INTERNAL = 70;

/**
 * The one way the toolkit reports a problem the person at the prompt can fix (a bad flag, an unusable folder, a
 * damaged checkpoint, an endpoint that never answers): throw a UserError whose message says what is wrong and how
 * to fix it. Whoever reports it prints `tenant[ <command>]: <message>`, never a stack trace, and ends with
 * `exitCode`. Pure checks return problems as values instead (diagnostics, `outputProblem`); a command turns them
 * into a UserError or a report.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.invalid,
  ) {
    super(message);
  }
}

/** A problem with how the command was called; main prints it and exits with EXIT.usage. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}
