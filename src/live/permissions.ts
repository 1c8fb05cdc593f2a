/**
 * What `readLiveTenant` (read.ts) needs, shared by the two commands that read a live tenant (src/drift,
 * src/export): each declares its manifest beside its own code and spreads this in.
 */
import { TEAMS_ADMINISTRATOR } from "../permissions/teamsPowerShell";

export const LIVE_TENANT_READ = {
  read: [
    "Organization.Read.All",
    "GroupMember.Read.All",
    "User.Read.All",
    "TeamsTelephoneNumber.Read.All",
    "TeamsUserConfiguration.Read.All",
    "Policy.Read.All",
    "AdministrativeUnit.Read.All",
  ],
  roles: [TEAMS_ADMINISTRATOR],
  why:
    "Reads the live tenant (src/live/read.ts): organization and subscribedSkus (Organization.Read.All), groups, " +
    "members and owners (GroupMember.Read.All), users (User.Read.All), the number inventory " +
    "(TeamsTelephoneNumber.Read.All), userConfigurations (TeamsUserConfiguration.Read.All), conditional access " +
    "policies and named locations (Policy.Read.All), administrative units (AdministrativeUnit.Read.All), and policies, dial " +
    "plans, routes, PSTN usages, emergency addresses, group grants, schedules, auto attendants, call queues and " +
    "resource accounts with Get-Cs… cmdlets (app-only Teams " +
    "PowerShell: Organization.Read.All plus a directory role; Teams has no read-only role that covers them all).",
} as const;
