/**
 * Typed failures of the PowerShell adapter, so callers (the Teams resources) can tell a refused cmdlet from a
 * broken `pwsh` and always know which cmdlet failed.
 */

/** A cmdlet failed: thrown by the module, returned as an error object, or refused by the driver/adapter. */
export class TeamsPowerShellError extends Error {
  constructor(
    readonly cmdlet: string,
    /** PowerShell's error category (ObjectNotFound, ResourceExists…), the driver's `NotAllowed`/`InvalidRequest`, or the error object's type. */
    readonly type: string,
    readonly detail: string,
    /** The ErrorRecord's `FullyQualifiedErrorId` (`<id>,<implementing type>`), when the driver reported one. */
    readonly errorId?: string,
    /** The ErrorRecord's `CategoryInfo.Category` as emitted (NotSpecified, InvalidOperation…). */
    readonly category?: string,
  ) {
    super(`${cmdlet} failed (${type}): ${detail}`);
    this.name = "TeamsPowerShellError";
  }
}

/** `pwsh` could not be started, or the driver exited before it printed its ready line. */
export class PwshStartError extends Error {
  constructor(
    message: string,
    /** The tail of the driver's stderr (module import or Connect-MicrosoftTeams failures land there). */
    readonly stderr: string,
  ) {
    super(stderr ? `${message}\n--- pwsh stderr ---\n${stderr}` : message);
    this.name = "PwshStartError";
  }
}

/** A call did not answer in time; the process is stopped because the cmdlet's effect is unknown. */
export class PwshTimeoutError extends Error {
  constructor(
    readonly cmdlet: string,
    readonly timeoutMs: number,
  ) {
    super(
      `${cmdlet} did not answer within ${timeoutMs} ms; the pwsh process was stopped and will be restarted`,
    );
    this.name = "PwshTimeoutError";
  }
}

/** The process ended while a call was in flight (crash, kill, closed stdin). */
export class PwshExitedError extends Error {
  constructor(
    readonly cmdlet: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(
      `pwsh exited (code ${exitCode ?? "none"}) while running ${cmdlet}` +
        (stderr ? `\n--- pwsh stderr ---\n${stderr}` : ""),
    );
    this.name = "PwshExitedError";
  }
}
