/**
 * Why a delete was refused, in words an operator can act on: what the object is, where it is still used, and
 * what to change first. Pulumi prints the message as the resource's error.
 */

/**
 * Duck-typed on purpose: Pulumi serializes each provider with its own copy of the adapter's modules, and the
 * PowerShell session is shared across providers (src/teams/admin/create.ts), so the error may come from
 * another copy of the class and `instanceof` would miss it.
 */
interface PsFailure {
  name: string;
  type: string;
  detail: string;
  errorId?: string;
  category?: string;
}

function psFailure(error: unknown): PsFailure | undefined {
  const e = error as Partial<PsFailure> | null;
  return e && e.name === "TeamsPowerShellError" && typeof e.type === "string" && typeof e.detail === "string"
    ? (e as PsFailure)
    : undefined;
}

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

/**
 * The code part of a FullyQualifiedErrorId (`NotFound,Microsoft.Teams.ConfigApi.Cmdlets.GetCsTeamsCallingPolicy` →
 * `NotFound`). Real MicrosoftTeams errors carry the service's code there with category InvalidOperation (ConfigAPI
 * cmdlets, office-docs-powershell#9229) or `Unspecified` with category NotSpecified (LIS cmdlets,
 * office-docs-powershell#7739), so neither the category nor the id alone says "not found": the message does too.
 */
function errorCode(e: PsFailure): string {
  return (e.errorId ?? "").split(",")[0];
}

/** A cmdlet that failed because its object does not exist: for delete/read that means "already gone". */
export function isNotFound(error: unknown): boolean {
  const e = psFailure(error);
  if (!e) return false;
  return (
    /notfound/i.test(e.type) ||
    /^(NotFound|ObjectNotFound)$/i.test(errorCode(e)) ||
    /^ObjectNotFound$/i.test(e.category ?? "") ||
    /\bnot found\b|\bcannot find\b|\bcould not be found\b/i.test(e.detail)
  );
}

/** A cmdlet the service refused because the object is still in use ("in use", "cannot be removed", ResourceBusy). */
export function isInUse(error: unknown): boolean {
  const e = psFailure(error);
  return (
    !!e &&
    (/busy|inuse/i.test(e.type) ||
      /^(ResourceBusy|InUse)$/i.test(errorCode(e)) ||
      /in use|still use|cannot be removed/i.test(e.detail))
  );
}

/** The service's own words, for the refusal message when the toolkit could not see the use itself. */
export function serviceReason(error: unknown): string {
  return psFailure(error)?.detail ?? String(error);
}
