import { EXIT_INTERNAL } from "../exitCodes";

/** Where a person reports a bug in the toolkit (CONTRIBUTING.md says how). */
export const REPORT_TO =
  "report it to the platform team in this repository's issue tracker (see 'Reporting a bug' in CONTRIBUTING.md)";

/**
 * What `tenant` prints when the toolkit itself fails (exit 70): one line saying it is a bug and where to report
 * it; the stack trace only with --debug, because a trace is for the maintainers, not for the person at the prompt.
 */
export function internalErrorText(err: unknown, debug: boolean): string {
  const message = err instanceof Error ? `${err.name}: ${err.message.split("\n")[0]}` : String(err);
  const lines = [
    `tenant: internal error: ${message}`,
    `This is a bug in the toolkit, not in your definition. Please ${REPORT_TO},`,
    "with the command you ran and its output" +
      (debug ? " (the trace below)." : " from running it again with --debug (which adds the stack trace)."),
  ];
  if (debug && err instanceof Error && err.stack) lines.push(err.stack);
  return `${lines.join("\n")}\n`;
}

export { EXIT_INTERNAL };
