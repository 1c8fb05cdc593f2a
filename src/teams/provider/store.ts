/**
 * Where a settings-shaped Teams object lives: one policy type (Get/New/Set/Remove-Cs<Noun>) or the voice
 * routes. The generic provider (settingsProvider.ts) only needs these five verbs, so the six resources that
 * are "a name plus settings" share one implementation of diff/update/delete.
 */
import type { TeamsAdmin, TeamsPolicyType, VoiceRoute } from "../admin/port";

export interface SettingsStore {
  /** What the object is, for messages: `calling policy 'Standard'`. */
  describe(name: string): string;
  get(admin: TeamsAdmin, name: string): Promise<Record<string, unknown> | undefined>;
  create(admin: TeamsAdmin, name: string, settings: Record<string, unknown>): Promise<void>;
  set(admin: TeamsAdmin, name: string, delta: Record<string, unknown>): Promise<void>;
  remove(admin: TeamsAdmin, name: string): Promise<void>;
  /** Where the object is still used (empty = free to delete); what the toolkit can see before trying. */
  usesOf(admin: TeamsAdmin, name: string): Promise<string[]>;
  /** What an operator must change before the delete can go through. */
  removeFirst: string;
}

const POLICY_LABELS: Record<TeamsPolicyType, string> = {
  TeamsCallingPolicy: "calling policy",
  TeamsEmergencyCallingPolicy: "emergency calling policy",
  TeamsEmergencyCallRoutingPolicy: "emergency call routing policy",
  OnlineVoiceRoutingPolicy: "voice routing policy",
  TenantDialPlan: "dial plan",
};

export function policyStore(type: TeamsPolicyType): SettingsStore {
  const label = POLICY_LABELS[type];
  return {
    describe: (name) => `${label} '${name}' (${type})`,
    async get(admin, name) {
      return (await admin.powershell.getPolicy(type, name))?.settings;
    },
    create: (admin, name, settings) => admin.powershell.createPolicy({ type, name, settings }),
    set: (admin, name, delta) => admin.powershell.setPolicy(type, name, delta),
    remove: (admin, name) => admin.powershell.removePolicy(type, name),
    async usesOf(admin, name) {
      // Group grants are visible here; direct user and -Global grants only in the service's refusal.
      const groups = await admin.powershell.listGroupPolicyAssignments({ policyType: type });
      return groups
        .filter((g) => g.policyName.toLowerCase() === name.toLowerCase())
        .map((g) => `granted to group ${g.groupId} at rank ${g.rank}`);
    },
    removeFirst:
      `Remove its group assignments (the departments' teams.* settings in the definition), its direct user ` +
      `grants (Grant-Cs… -Identity <user> -PolicyName $null) and any -Global grant`,
  };
}

export const voiceRouteStore: SettingsStore = {
  describe: (name) => `voice route '${name}'`,
  async get(admin, name) {
    return (await admin.powershell.getVoiceRoute(name))?.settings;
  },
  create: (admin, name, settings) =>
    admin.powershell.createVoiceRoute({ name, settings: settings as VoiceRoute["settings"] }),
  set: (admin, name, delta) => admin.powershell.setVoiceRoute(name, delta as Partial<VoiceRoute["settings"]>),
  remove: (admin, name) => admin.powershell.removeVoiceRoute(name),
  // Routes are not granted to anyone; they belong to PSTN usages, which the PstnUsages resource owns.
  usesOf: async () => [],
  removeFirst: "Remove what uses it",
};
