import type { FidelityRow } from "../types";

/** Ledger rows of the fake `pwsh` and the emulator's PowerShell surface (cmdlets, binding, errors, side effects). */
export const TEAMS_POWERSHELL_ROWS: readonly FidelityRow[] = [];
