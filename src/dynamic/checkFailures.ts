/** A dynamic provider's `check` failures in one line, as the emulator's warnings and the forecast report them. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** "inputs rejected: licences: unknown SKU; groupId: missing". */
export function inputsRejected(failures: readonly CheckFailure[]): string {
  return `inputs rejected: ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`;
}
