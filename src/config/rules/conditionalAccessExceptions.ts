import type { Rule, RuleContext } from "./context";

const msg = {
  notAllowed: (policy: string, allowed: readonly string[]) =>
    `the conditional access policy '${policy}' takes no department exceptions (tenant.yaml identity.exceptionsAllowed: ${allowed.length > 0 ? allowed.join(", ") : "none"}) — ask the platform team to allow it, or remove the exception`,
  notDeclared: (policy: string) =>
    `tenant.yaml declares no '${policy}' policy in identity.conditionalAccess, so there is nothing to be exempt from — remove the exception`,
  twice: (policy: string) =>
    `a second exception to '${policy}' — put every exempt value in one entry's members.values`,
};

export const conditionalAccessExceptionsRule: Rule = {
  info: {
    id: "conditional-access-exceptions",
    summary:
      "A department exempts its own users only from the conditional access policies tenant.yaml allows exceptions to, and only from policies tenant.yaml declares; one entry per policy.",
    errors: [
      {
        when: "a department's exception names a policy `identity.exceptionsAllowed` does not list",
        example: msg.notAllowed("phishingResistantAdmins", ["requireMfa"]),
      },
      {
        when: "the policy is not in `identity.conditionalAccess`",
        example: msg.notDeclared("allowedLocations"),
      },
      { when: "a department lists two exceptions to one policy", example: msg.twice("requireMfa") },
    ],
  },
  check: checkExceptions,
};

function checkExceptions(ctx: RuleContext): void {
  const identity = ctx.loaded.tenant?.value.identity;
  const allowed = identity?.exceptionsAllowed ?? [];
  for (const dep of ctx.loaded.departments) {
    const seen = new Set<string>();
    dep.value.conditionalAccessExceptions.forEach((exception, i) => {
      const at = ["conditionalAccessExceptions", i, "policy"];
      if (seen.has(exception.policy)) ctx.at(dep, at, msg.twice(exception.policy));
      seen.add(exception.policy);
      if (!allowed.includes(exception.policy)) ctx.at(dep, at, msg.notAllowed(exception.policy, allowed));
      else if (identity && !identity.conditionalAccess[exception.policy])
        ctx.at(dep, at, msg.notDeclared(exception.policy));
    });
  }
}
