/**
 * The log query that finds any sign-in of an emergency access account, interactive or not. Microsoft's guidance for
 * emergency access accounts ("Manage emergency access accounts in Microsoft Entra ID": monitor sign-in and audit
 * logs, alert through Log Analytics on every sign-in of them) is what this follows; the tables are the ones Entra's
 * diagnostic setting writes for the SignInLogs and NonInteractiveUserSignInLogs categories. Pure.
 */
import type { BreakGlassAccount } from "../../config/schema/identity";

/** A KQL string literal: single-quoted, quotes and backslashes escaped. */
const kql = (value: string) => `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

export function breakGlassSignInQuery(accounts: readonly BreakGlassAccount[]): string {
  const ids = accounts.map((a) => kql(a.objectId.toLowerCase())).join(", ");
  const upns = accounts.map((a) => kql(a.userPrincipalName.toLowerCase())).join(", ");
  return [
    "union isfuzzy=true SigninLogs, AADNonInteractiveUserSignInLogs",
    `| where tolower(UserId) in (${ids}) or tolower(UserPrincipalName) in (${upns})`,
    "| project TimeGenerated, UserPrincipalName, IPAddress, AppDisplayName, ResultType, ResultDescription",
  ].join("\n");
}

/** Entra's log categories sent to the workspace: sign-ins (both kinds) for the alert, audit for the record. */
export const ENTRA_LOG_CATEGORIES = ["SignInLogs", "NonInteractiveUserSignInLogs", "AuditLogs"] as const;
