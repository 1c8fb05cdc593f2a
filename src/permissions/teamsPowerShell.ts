/**
 * The permission every resource that runs MicrosoftTeams `*-Cs` cmdlets shares: policies, dial plans, voice
 * routes, emergency addresses and group policy assignment exist only in the PowerShell module
 * (graph-teams-licensing.md §3), which app-only needs a Graph permission plus a directory role.
 */
import type { PermissionManifest } from "./types";

export const TEAMS_ADMINISTRATOR = "Teams Administrator";

const APP_ONLY_TEAMS_POWERSHELL =
  "app-only Connect-MicrosoftTeams (certificate) needs, per Microsoft's \"Application-based authentication in " +
  'Teams PowerShell Module" page, the Graph application permission Organization.Read.All plus a directory role';

/** A resource that only runs `*-Cs` cmdlets; `cmdlets` names them for the doc. */
export function teamsPowerShellManifest(resource: string, cmdlets: string): PermissionManifest {
  return {
    resource,
    read: ["Organization.Read.All"],
    write: [],
    roles: [TEAMS_ADMINISTRATOR],
    why: `Runs ${cmdlets}: ${APP_ONLY_TEAMS_POWERSHELL}.`,
  };
}
