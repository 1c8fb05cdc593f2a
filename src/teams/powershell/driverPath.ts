import { join } from "node:path";

/** The driver shipped beside this file; `pwsh -File` runs it. */
export const DRIVER_SCRIPT_PATH = join(__dirname, "teams-driver.ps1");

/** Environment variable naming the PowerShell 7 executable (default `pwsh` on PATH). */
export const PWSH_PATH_ENV = "TENANT_PWSH_PATH";
