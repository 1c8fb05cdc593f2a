/**
 * Why a delete was refused, in words an operator can act on: what the object is, where it is still used, and
 * what to change first. Pulumi prints the message as the resource's error.
 */

import { isNotFound, powerShellErrorCode, powerShellFailure } from "../../notFound";

export { isNotFound };

export class StillAssignedError extends Error {
  constructor(
    readonly what: string,
    readonly uses: string[],
    readonly removeFirst: string,
  ) {
    super(
      `Cannot delete ${what}: it is still in use (${uses.join("; ")}). ${removeFirst} first, then run again.`,
    );
    this.name = "StillAssignedError";
  }
}

/** A cmdlet the service refused because the object is still in use ("in use", "cannot be removed", ResourceBusy). */
export function isInUse(error: unknown): boolean {
  const e = powerShellFailure(error);
  return (
    !!e &&
    (/busy|inuse/i.test(e.type) ||
      /^(ResourceBusy|InUse)$/i.test(powerShellErrorCode(e)) ||
      /in use|still use|cannot be removed/i.test(e.detail))
  );
}

/** The service's own words, for the refusal message when the toolkit could not see the use itself. */
export function serviceReason(error: unknown): string {
  return powerShellFailure(error)?.detail ?? String(error);
}
