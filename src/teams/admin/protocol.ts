/**
 * The wire protocol between the PowerShell adapter and the driver script (`teams-driver.ps1`), one JSON
 * object per line on stdin/stdout. Values are DATA: the driver splats `parameters` onto the cmdlet named by
 * `cmdlet`, which must be on the allow-list; nothing a user wrote is ever interpolated into PowerShell source.
 * The test fake of `pwsh` speaks the same protocol against the emulator (`POST /_emulator/teams/powershell`,
 * body = one request, response = one response).
 */
export interface DriverRequest {
  id: number;
  cmdlet: string;
  parameters: Record<string, unknown>;
}

export type DriverResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: DriverError };

/**
 * A failed call. `type` is the driver's summary (its own `NotAllowed`/`InvalidRequest`, else the error category, else
 * the exception type); `category`, `errorId` and `exception` are the ErrorRecord's `CategoryInfo.Category`,
 * `FullyQualifiedErrorId` and exception type as the module emitted them (absent from older drivers).
 */
export interface DriverError {
  type: string;
  message: string;
  cmdlet: string;
  category?: string;
  errorId?: string;
  exception?: string;
}

/** First line the driver prints once connected, so the adapter knows the session is ready. */
export interface DriverReady {
  ready: true;
  moduleVersion: string;
}
