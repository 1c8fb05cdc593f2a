import { UPN_LOCAL } from "./assignments";
import type { Rule, RuleContext } from "./context";
import { domainOf, suggestion } from "./wording";

const msg = {
  unverified: (role: string, address: string, hint: string) =>
    `${role} ${address} is not in a verified domain (${hint}) — ${role}s must be accounts of the tenant: use an address in organization.verifiedDomains`,
  malformed: (role: string, address: string) =>
    `${role} ${address} is not a user principal name Entra ID accepts, so the deployment's user lookup would fail — before '@' use at most 64 letters, digits and ' . - _ ! # ^ ~, not starting or ending with '.' nor with '..'`,
};

export const verifiedDomainsRule: Rule = {
  info: {
    id: "verified-domains",
    summary:
      "Department owners and admins are accounts of the tenant: their addresses are in a verified domain (budget contacts and notification groups may be external).",
    errors: [
      {
        when: "an `owners` or `admins` entry is outside `organization.verifiedDomains`",
        example: msg.unverified("owner", "ana@gmail.com", "declared: 'madrid.example'"),
      },
      {
        when: "an `owners` or `admins` entry is not a well-formed user principal name before '@'",
        example: msg.malformed("admin", "ana..gil@madrid.example"),
      },
    ],
  },
  check: checkVerifiedDomains,
};

function checkVerifiedDomains(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  if (!tenant) return;
  const domains = tenant.value.organization.verifiedDomains;
  for (const dep of ctx.loaded.departments) {
    for (const [field, role] of [
      ["owners", "owner"],
      ["admins", "admin"],
    ] as const) {
      dep.value[field].forEach((address, i) => {
        // Owners and admins are looked up by user principal name (azuread getUsers), which has Entra's rules.
        const local = address.slice(0, address.lastIndexOf("@"));
        if (!UPN_LOCAL.test(local)) ctx.at(dep, [field, i], msg.malformed(role, address));
        const domain = domainOf(address);
        if (!domains.includes(domain))
          ctx.at(dep, [field, i], msg.unverified(role, address, suggestion(domain, domains)));
      });
    }
  }
}
