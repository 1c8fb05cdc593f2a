/**
 * The PowerShell adapter of the Teams admin port (docs/teams-powershell.md): one long-lived `pwsh` running the
 * shipped driver, cmdlets sent as data from a fixed allow-list.
 */
import { PowerShellTeamsAdmin } from "./adapter";
import { PwshProcess, type PwshProcessOptions } from "./pwshProcess";

export { PowerShellTeamsAdmin } from "./adapter";
export { PwshProcess, type PwshProcessOptions } from "./pwshProcess";
export { TeamsPowerShellError, PwshStartError, PwshTimeoutError, PwshExitedError } from "./errors";
export { DRIVER_SCRIPT_PATH, PWSH_PATH_ENV } from "./driverPath";
export { DRIVER_ALLOW_LIST, CMDLET_CONTRACT } from "./contract";

/** One adapter over one driver process; call `close()` at the end of the run. */
export function createPowerShellTeamsAdmin(options: PwshProcessOptions = {}): PowerShellTeamsAdmin {
  return new PowerShellTeamsAdmin(new PwshProcess(options));
}
