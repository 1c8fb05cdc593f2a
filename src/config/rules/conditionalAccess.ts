import { entraIdP2Sku } from "../../identity/conditionalAccess/licences";
import type { Rule, RuleContext } from "./context";
import { suggestion } from "./wording";

const msg = {
  unknownLocation: (id: string, hint: string) =>
    `no named location '${id}' (${hint}) — add it to identity.namedLocations or correct the id`,
  duplicateRole: (role: string) => `role '${role}' is listed twice — remove the second entry`,
  needsP2: (policy: string, feature = "ID Protection") =>
    `${policy} needs Microsoft Entra ID P2 (${feature}), which no SKU in licensing.skus brings (E5, EMS E5 or Entra ID P2) — buy it and add it to the catalogue, or remove it`,
  eligibleMembershipNeedsP2: () =>
    "adminGroupMembership is eligible (the default: admins activate membership of their admin group in Privileged " +
    "Identity Management for Groups), which needs Microsoft Entra ID P2, and no SKU in licensing.skus brings it " +
    "(E5, EMS E5 or Entra ID P2) — buy it and add it to the catalogue, or set identity.adminGroupMembership: " +
    "permanent for standing members",
};

export const conditionalAccessRule: Rule = {
  info: {
    id: "conditional-access",
    summary:
      "Conditional access policies refer only to declared named locations, and the risk policies and delegated administration (PIM) only exist where the licence catalogue brings Entra ID P2. Every policy excludes the break-glass accounts by construction: tenant.yaml has no way to leave them out.",
    errors: [
      {
        when: "allowedLocations names a location that is not declared",
        example: msg.unknownLocation("espana", "did you mean 'espanya'?"),
      },
      { when: "a risk policy is declared without Entra ID P2", example: msg.needsP2("signInRisk") },
      {
        when: "delegated administration (eligible scoped roles need Privileged Identity Management) is declared without Entra ID P2",
        example: msg.needsP2("delegatedAdministration", "Privileged Identity Management"),
      },
      { when: "a delegated role is listed twice", example: msg.duplicateRole("userAdministrator") },
      {
        when: "admin-group membership is eligible (PIM for Groups; the default) without Entra ID P2",
        example: msg.eligibleMembershipNeedsP2(),
      },
    ],
  },
  check: checkConditionalAccess,
};

function checkConditionalAccess(ctx: RuleContext): void {
  const tenant = ctx.loaded.tenant;
  const identity = tenant?.value.identity;
  if (!tenant || !identity) return;
  const ca = identity.conditionalAccess;
  const declared = identity.namedLocations.map((l) => l.id);
  (ca.allowedLocations?.locations ?? []).forEach((id, i) => {
    if (declared.includes(id)) return;
    const path = ["identity", "conditionalAccess", "allowedLocations", "locations", i];
    ctx.at(tenant, path, msg.unknownLocation(id, suggestion(id, declared)));
  });
  const roles = identity.delegatedAdministration?.roles ?? [];
  roles.forEach((role, i) => {
    if (roles.indexOf(role) !== i)
      ctx.at(tenant, ["identity", "delegatedAdministration", "roles", i], msg.duplicateRole(role));
  });
  if (entraIdP2Sku(tenant.value.licensing.skus) !== undefined) return;
  for (const policy of ["signInRisk", "userRisk"] as const) {
    if (ca[policy]) ctx.at(tenant, ["identity", "conditionalAccess", policy], msg.needsP2(policy), true);
  }
  if (identity.adminGroupMembership === "eligible")
    ctx.at(tenant, ["identity", "adminGroupMembership"], msg.eligibleMembershipNeedsP2());
  if (identity.delegatedAdministration)
    ctx.at(
      tenant,
      ["identity", "delegatedAdministration"],
      msg.needsP2("delegatedAdministration", "Privileged Identity Management"),
      true,
    );
}
