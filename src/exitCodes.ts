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

/** A problem with how the command was called; main prints it and exits with EXIT.usage. */
export class UsageError extends Error {}
