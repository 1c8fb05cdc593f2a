/**
 * "The object does not exist", however the tenant said it: Graph answers 404, a Teams PowerShell cmdlet fails with
 * a not-found error. Delete and read treat it as "already gone", so the one test lives here.
 *
 * Duck-typed on purpose, never `instanceof`: Pulumi serializes each dynamic provider with its own copy of the
 * Graph and PowerShell modules, and the PowerShell session is shared across providers (src/teams/admin/create.ts),
 * so the error may come from another copy of its class.
 */

/** What a TeamsPowerShellError (src/teams/powershell/errors.ts) carries, read without its class. */
export interface PowerShellFailure {
  name: string;
  type: string;
  detail: string;
  errorId?: string;
  category?: string;
}

/** The failure as a TeamsPowerShellError describes it, or undefined for any other error. */
export function powerShellFailure(error: unknown): PowerShellFailure | undefined {
  const e = error as Partial<PowerShellFailure> | null;
  return e && e.name === "TeamsPowerShellError" && typeof e.type === "string" && typeof e.detail === "string"
    ? (e as PowerShellFailure)
    : undefined;
}

/**
 * The code part of a FullyQualifiedErrorId (`NotFound,Microsoft.Teams.ConfigApi.Cmdlets.GetCsTeamsCallingPolicy` →
 * `NotFound`). Real MicrosoftTeams errors carry the service's code there with category InvalidOperation (ConfigAPI
 * cmdlets, office-docs-powershell#9229) or `Unspecified` with category NotSpecified (LIS cmdlets,
 * office-docs-powershell#7739), so neither the category nor the id alone says "not found": the message does too.
 */
export function powerShellErrorCode(failure: PowerShellFailure): string {
  return (failure.errorId ?? "").split(",")[0];
}

/** A Graph answer of 404 (a GraphRequestError, or any copy of it: it carries `status`). */
function isGraphNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404;
}

function isPowerShellNotFound(error: unknown): boolean {
  const e = powerShellFailure(error);
  if (!e) return false;
  return (
    /notfound/i.test(e.type) ||
    /^(NotFound|ObjectNotFound)$/i.test(powerShellErrorCode(e)) ||
    /^ObjectNotFound$/i.test(e.category ?? "") ||
    /\bnot found\b|\bcannot find\b|\bcould not be found\b/i.test(e.detail)
  );
}

/** The call failed because its object does not exist: for delete and read, that means "already gone". */
export function isNotFound(error: unknown): boolean {
  return isGraphNotFound(error) || isPowerShellNotFound(error);
}
