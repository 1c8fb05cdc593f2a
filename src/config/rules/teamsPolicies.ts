import type { Rule, RuleContext } from "./context";
import { suggestion } from "./wording";

const msg = {
  unknown: (what: string, name: string, list: string, hint: string) =>
    `${what} '${name}' does not exist (${hint}) — name one of teamsVoice.${list} in tenant.yaml, or ask the platform team to add it`,
};

/** Each department setting, the catalogue list it names an entry of, and the words for it. */
const REFERENCES = [
  ["callingPolicy", "callingPolicies", "calling policy"],
  ["emergencyCallingPolicy", "emergencyCallingPolicies", "emergency calling policy"],
  ["voiceRoutingPolicy", "voiceRoutingPolicies", "voice routing policy"],
  ["dialPlan", "dialPlans", "dial plan"],
] as const;

export const teamsPoliciesRule: Rule = {
  info: {
    id: "department-teams-policies",
    summary: "Every Teams policy and dial plan a department names exists in the Teams voice catalogue.",
    errors: [
      {
        when: "`teams.callingPolicy`, `teams.emergencyCallingPolicy`, `teams.voiceRoutingPolicy` or `teams.dialPlan` names no catalogue entry",
        example: msg.unknown("calling policy", "Standrad", "callingPolicies", "did you mean 'Standard'?"),
      },
    ],
  },
  check: checkTeamsPolicies,
};

function checkTeamsPolicies(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const voice = tenant.value.teamsVoice;
  for (const dep of ctx.loaded.departments) {
    const teams = dep.value.teams;
    if (!teams) continue;
    for (const [field, list, what] of REFERENCES) {
      const name = teams[field];
      if (name === undefined) continue;
      const names = voice[list].map((e) => e.name);
      if (!names.includes(name))
        ctx.at(dep, ["teams", field], msg.unknown(what, name, list, suggestion(name, names)));
    }
  }
}
