import type { Rule, RuleContext } from "./context";
import { domainOf, suggestion } from "./wording";

const msg = {
  unverified: (role: string, address: string, hint: string) =>
    `${role} ${address} is not in a verified domain (${hint}) — ${role}s must be accounts of the tenant: use an address in organization.verifiedDomains`,
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
        const domain = domainOf(address);
        if (!domains.includes(domain))
          ctx.at(dep, [field, i], msg.unverified(role, address, suggestion(domain, domains)));
      });
    }
  }
}
