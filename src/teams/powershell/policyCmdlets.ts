import type { TeamsPolicyType } from "../admin/port";

/**
 * Policy type (as `-PolicyType` and Graph name it) → the cmdlet noun of its Get/New/Set/Remove/Grant cmdlets
 * (reference §3.4–§3.5). Types and nouns differ only by the `Cs` infix, but a table keeps the allow-list
 * greppable and stops a new type from producing a cmdlet name nobody checked.
 */
export const POLICY_NOUNS: Readonly<Record<TeamsPolicyType, string>> = {
  TeamsCallingPolicy: "CsTeamsCallingPolicy",
  TeamsEmergencyCallingPolicy: "CsTeamsEmergencyCallingPolicy",
  TeamsEmergencyCallRoutingPolicy: "CsTeamsEmergencyCallRoutingPolicy",
  OnlineVoiceRoutingPolicy: "CsOnlineVoiceRoutingPolicy",
  TenantDialPlan: "CsTenantDialPlan",
};

export type PolicyVerb = "Get" | "New" | "Set" | "Remove" | "Grant";

export function policyCmdlet(verb: PolicyVerb, type: TeamsPolicyType): string {
  const noun = POLICY_NOUNS[type];
  if (!noun) throw new Error(`unknown Teams policy type '${String(type)}'`);
  return `${verb}-${noun}`;
}
