/**
 * The report an operator acts on when entries could not be applied: one line per entry, naming the user,
 * the number, what was attempted and the service's reason; and the error that carries the resource's state
 * so Pulumi records what WAS applied (see provider.ts).
 */
import { isGraphRequestError } from "../../graph";
import type { FailedEntry, NumberAssignmentsOutputs } from "./types";

/** Lines listed in the message; the full list is in the `failed` output. */
const LISTED = 50;

export function reasonOfError(error: unknown): string {
  if (isGraphRequestError(error))
    return `${error.status === 0 ? error.kind : error.status}${error.code ? ` ${error.code}` : ""}: ${error.detail}`;
  return error instanceof Error ? error.message : String(error);
}

export function formatFailures(department: string, failed: readonly FailedEntry[], total: number): string {
  const lines = [
    `${failed.length} of ${total} number change(s) of department ${department} were not applied; the rest are kept, and the next \`pulumi up\` retries these:`,
  ];
  for (const f of failed.slice(0, LISTED)) {
    lines.push(`  ${JSON.stringify(f.userPrincipalName)} ${f.number} (${f.action}): ${f.reason}`);
  }
  if (failed.length > LISTED) lines.push(`  … and ${failed.length - LISTED} more (output \`failed\`)`);
  return lines.join("\n");
}

/** A failure after (possibly) writing: `outputs` is what the tenant holds now. */
export interface NumberAssignmentsFailure extends Error {
  failed: FailedEntry[];
  outputs: NumberAssignmentsOutputs;
}

export function numberAssignmentsFailure(
  message: string,
  failed: FailedEntry[],
  outputs: NumberAssignmentsOutputs,
): NumberAssignmentsFailure {
  // A plain Error with fields, not a subclass: it survives the provider's serialization intact.
  const error = new Error(message) as NumberAssignmentsFailure;
  error.name = "NumberAssignmentsFailure";
  error.failed = failed;
  error.outputs = outputs;
  return error;
}

export function isNumberAssignmentsFailure(error: unknown): error is NumberAssignmentsFailure {
  return error instanceof Error && error.name === "NumberAssignmentsFailure";
}
