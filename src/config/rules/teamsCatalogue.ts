import type { FieldPath } from "../diagnostics";
import type { LoadedYaml } from "../load";
import type { Tenant } from "../schema/tenant";
import type { Rule, RuleContext } from "./context";
import { place, suggestion } from "./wording";

const msg = {
  duplicate: (what: string, name: string, first: string) =>
    `${what} '${name}' is already declared at ${first} — Teams names are case-insensitive and unique; rename or remove one`,
  unknownUsage: (usage: string, hint: string) =>
    `PSTN usage '${usage}' is not in teamsVoice.pstnUsages (${hint}) — add it there or correct the name`,
  unknownGlobal: (name: string, hint: string) =>
    `emergency call routing policy '${name}' does not exist (${hint}) — name one of emergencyCallRoutingPolicies`,
  badPattern: (field: string, pattern: string, reason: string) =>
    `${field} '${pattern}' is not a valid regular expression (${reason}) — fix the pattern (quote it in single quotes so YAML keeps backslashes)`,
};

/** The catalogue lists whose entries Teams identifies by name, with the words the messages use for them. */
const NAMED_LISTS = [
  ["voiceRoutes", "voice route"],
  ["callingPolicies", "calling policy"],
  ["emergencyCallingPolicies", "emergency calling policy"],
  ["emergencyCallRoutingPolicies", "emergency call routing policy"],
  ["voiceRoutingPolicies", "voice routing policy"],
  ["dialPlans", "dial plan"],
] as const;

export const teamsCatalogueRule: Rule = {
  info: {
    id: "teams-voice-catalogue",
    summary:
      "Teams voice names are unique per list; every PSTN usage referenced is declared; the global emergency call routing policy exists; every pattern compiles.",
    errors: [
      {
        when: "two entries of one list (voice routes, each policy kind, dial plans, PSTN usages, a dial plan's normalization rules) share a name",
        example: msg.duplicate("calling policy", "Standard", "stacks/example/tenant.yaml:51"),
      },
      {
        when: "a voice route's or voice routing policy's `pstnUsages`, or an emergency number's `onlinePstnUsage`, is not in `pstnUsages`",
        example: msg.unknownUsage("Nacional", "did you mean 'National'?"),
      },
      {
        when: "`globalEmergencyCallRoutingPolicy` names no emergency call routing policy",
        example: msg.unknownGlobal("Emergencias", "did you mean 'Emergencia'?"),
      },
      {
        when: "a voice route's `numberPattern` or a normalization rule's `pattern` is not a regular expression",
        example: msg.badPattern("numberPattern", "^\\+34(\\d{9}$", "Unterminated group"),
      },
    ],
  },
  check: checkTeamsCatalogue,
};

/** Why `pattern` does not compile, or undefined when it does. */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (err) {
    // V8 says "Invalid regular expression: /…/: <reason>"; the reason is the useful part.
    const text = (err as Error).message;
    return text.slice(text.lastIndexOf(": ") + 2);
  }
}

function checkTeamsCatalogue(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const voice = tenant.value.teamsVoice;
  const base = ["teamsVoice"];

  for (const [list, what] of NAMED_LISTS) {
    unique(
      ctx,
      tenant,
      what,
      voice[list].map((e) => e.name),
      (i) => [...base, list, i, "name"],
    );
  }
  unique(ctx, tenant, "PSTN usage", voice.pstnUsages, (i) => [...base, "pstnUsages", i]);
  voice.dialPlans.forEach((plan, p) => {
    const rules = (i: number) => [...base, "dialPlans", p, "normalizationRules", i];
    unique(
      ctx,
      tenant,
      "normalization rule",
      plan.normalizationRules.map((r) => r.name),
      (i) => [...rules(i), "name"],
    );
    plan.normalizationRules.forEach((rule, i) => {
      const problem = regexProblem(rule.pattern);
      if (problem) ctx.at(tenant, [...rules(i), "pattern"], msg.badPattern("pattern", rule.pattern, problem));
    });
  });

  const usage = (name: string, path: FieldPath) => {
    if (!voice.pstnUsages.includes(name))
      ctx.at(tenant, path, msg.unknownUsage(name, suggestion(name, voice.pstnUsages)));
  };
  voice.voiceRoutes.forEach((route, r) => {
    route.pstnUsages.forEach((u, i) => usage(u, [...base, "voiceRoutes", r, "pstnUsages", i]));
    const problem = regexProblem(route.numberPattern);
    if (problem) {
      ctx.at(
        tenant,
        [...base, "voiceRoutes", r, "numberPattern"],
        msg.badPattern("numberPattern", route.numberPattern, problem),
      );
    }
  });
  voice.voiceRoutingPolicies.forEach((policy, p) =>
    policy.pstnUsages.forEach((u, i) => usage(u, [...base, "voiceRoutingPolicies", p, "pstnUsages", i])),
  );
  voice.emergencyCallRoutingPolicies.forEach((policy, p) =>
    policy.emergencyNumbers.forEach((n, i) =>
      usage(n.onlinePstnUsage, [
        ...base,
        "emergencyCallRoutingPolicies",
        p,
        "emergencyNumbers",
        i,
        "onlinePstnUsage",
      ]),
    ),
  );

  const global = voice.globalEmergencyCallRoutingPolicy;
  const routing = voice.emergencyCallRoutingPolicies.map((p) => p.name);
  if (global !== undefined && !routing.includes(global)) {
    ctx.at(
      tenant,
      [...base, "globalEmergencyCallRoutingPolicy"],
      msg.unknownGlobal(global, suggestion(global, routing)),
    );
  }
}

/** Reports every name that repeats an earlier one (case-insensitively), at the repeat. */
function unique(
  ctx: RuleContext,
  tenant: LoadedYaml<Tenant>,
  what: string,
  names: readonly string[],
  path: (i: number) => FieldPath,
): void {
  const first = new Map<string, number>();
  names.forEach((name, i) => {
    const key = name.toLowerCase();
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else ctx.at(tenant, path(i), msg.duplicate(what, name, place(tenant, path(seen))));
  });
}
