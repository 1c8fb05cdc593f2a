import type { FieldPath } from "../diagnostics";
import type { LoadedYaml } from "../load";
import type { Tenant } from "../schema/tenant";
import type { Rule, RuleContext } from "./context";
import { captureGroups, unknownGroupReferences } from "./substitution";
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
  unknownGroup: (translation: string, refs: string[], groups: number) =>
    `translation '${translation}' uses ${refs.join(", ")}, but the pattern has ${groups === 1 ? "1 capture group" : `${groups} capture groups`}, so Teams would write ${refs.length === 1 ? "it" : "them"} into the number literally — refer only to groups the pattern has ($1 is the first '(…)'), or add the group`,
  duplicateSimpleName: (name: string, first: string) =>
    `dial plan simple name '${name}' is already the simple name of the dial plan at ${first} — Teams requires simple names to be unique among the tenant's dial plans (without simpleName it is the plan's name); choose another`,
  unrouted: (usage: string) =>
    `PSTN usage '${usage}' is carried by no voice route, so calls that use it cannot leave Teams — add '${usage}' to the pstnUsages of a voice route, or use a usage a route carries`,
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
      "Teams voice names (and dial-plan simple names) are unique per list; every PSTN usage referenced is declared, and carried by a voice route where calls depend on it; the global emergency call routing policy exists; every pattern compiles and every translation names only groups its pattern has.",
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
      {
        when: "a normalization rule's `translation` refers to a capture group (`$3`, `${name}`) its `pattern` does not have",
        example: msg.unknownGroup("+34$3", ["$3"], 2),
      },
      {
        when: "two dial plans have the same simple name (a plan without `simpleName` uses its `name`)",
        example: msg.duplicateSimpleName("ES-Capital", "stacks/example/tenant.yaml:229"),
      },
      {
        when: "a voice routing policy's `pstnUsages` entry or an emergency number's `onlinePstnUsage` is in no voice route's `pstnUsages`",
        example: msg.unrouted("ES-Emergencias"),
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
      if (problem) {
        ctx.at(tenant, [...rules(i), "pattern"], msg.badPattern("pattern", rule.pattern, problem));
        return;
      }
      const refs = unknownGroupReferences(rule.pattern, rule.translation);
      const groups = captureGroups(rule.pattern)?.count ?? 0;
      if (refs.length > 0)
        ctx.at(tenant, [...rules(i), "translation"], msg.unknownGroup(rule.translation, refs, groups));
    });
  });
  const simpleNames = new Map<string, number>();
  voice.dialPlans.forEach((plan, p) => {
    const shown = plan.simpleName ?? plan.name;
    const key = shown.toLowerCase();
    const seen = simpleNames.get(key);
    if (seen === undefined) {
      simpleNames.set(key, p);
      return;
    }
    // Two plans without simple names that clash already clash by name, which is reported above.
    if (plan.simpleName === undefined && voice.dialPlans[seen].simpleName === undefined) return;
    const field = (i: number) => (voice.dialPlans[i].simpleName === undefined ? "name" : "simpleName");
    const where = place(tenant, [...base, "dialPlans", seen, field(seen)]);
    ctx.at(tenant, [...base, "dialPlans", p, field(p)], msg.duplicateSimpleName(shown, where));
  });

  // The other direction: a usage a policy routes calls by must be carried by some route, or the calls
  // (emergency calls above all) have nowhere to go. Undeclared usages are reported once, as unknown.
  const routed = new Set(voice.voiceRoutes.flatMap((r) => r.pstnUsages));
  const usage = (name: string, path: FieldPath, needsRoute = false) => {
    if (!voice.pstnUsages.includes(name))
      ctx.at(tenant, path, msg.unknownUsage(name, suggestion(name, voice.pstnUsages)));
    else if (needsRoute && !routed.has(name)) ctx.at(tenant, path, msg.unrouted(name));
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
    policy.pstnUsages.forEach((u, i) =>
      usage(u, [...base, "voiceRoutingPolicies", p, "pstnUsages", i], true),
    ),
  );
  voice.emergencyCallRoutingPolicies.forEach((policy, p) =>
    policy.emergencyNumbers.forEach((n, i) =>
      usage(
        n.onlinePstnUsage,
        [...base, "emergencyCallRoutingPolicies", p, "emergencyNumbers", i, "onlinePstnUsage"],
        true,
      ),
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
