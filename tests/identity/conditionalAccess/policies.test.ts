import { identitySchema } from "../../../src/config/schema/identity";
import { baselinePolicies } from "../../../src/identity/conditionalAccess/policies";
import { BREAK_GLASS_IDS, E5, fullIdentity, sku } from "./helpers/identity";

describe("baselinePolicies", () => {
  it("renders what tenant.yaml declares, in a fixed order, with the rollout state mapped for the provider", () => {
    expect(
      baselinePolicies("vp", fullIdentity(), E5).map((p) => [p.key, p.rollout, p.state, p.displayName]),
    ).toEqual([
      ["requireMfa", "on", "enabled", "VP CA: Require MFA for all users"],
      ["blockLegacyAuthentication", "on", "enabled", "VP CA: Block legacy authentication"],
      [
        "phishingResistantAdmins",
        "reportOnly",
        "enabledForReportingButNotEnforced",
        "VP CA: Require phishing-resistant MFA for administrators",
      ],
      [
        "signInRisk",
        "reportOnly",
        "enabledForReportingButNotEnforced",
        "VP CA: Require MFA for risky sign-ins",
      ],
      ["userRisk", "off", "disabled", "VP CA: Require password change for risky users"],
      [
        "allowedLocations",
        "reportOnly",
        "enabledForReportingButNotEnforced",
        "VP CA: Block sign-in from outside allowed locations",
      ],
    ]);
  });

  it("every policy excludes every break-glass account", () => {
    for (const p of baselinePolicies("vp", fullIdentity(), E5)) {
      expect(p.conditions.users.excludedUsers).toEqual(BREAK_GLASS_IDS);
    }
  });

  it("leaves the risk policies out without Entra ID P2", () => {
    const keys = baselinePolicies("vp", fullIdentity(), [sku("SPE_E3")]).map((p) => p.key);
    expect(keys).toEqual([
      "requireMfa",
      "blockLegacyAuthentication",
      "phishingResistantAdmins",
      "allowedLocations",
    ]);
  });

  it("renders nothing when no policy is declared", () => {
    const identity = identitySchema.parse({ breakGlass: fullIdentity().breakGlass });
    expect(baselinePolicies("vp", identity, E5)).toEqual([]);
  });

  it("makes admin-group membership eligible unless tenant.yaml says permanent", () => {
    const { breakGlass } = fullIdentity();
    expect(identitySchema.parse({ breakGlass }).adminGroupMembership).toBe("eligible");
    expect(identitySchema.parse({ breakGlass, adminGroupMembership: "permanent" }).adminGroupMembership).toBe(
      "permanent",
    );
  });
});
