import {
  ENTRA_GROUP,
  groupMembershipRestricted,
} from "../../../../../policies/rules/m365/identity/groupMembershipRestricted";
import { runResourcePolicy } from "../../../helpers/harness";

const group = (rule: string) => ({
  displayName: "grp-vp-mobility",
  dynamicMembership: { enabled: true, rule },
});

describe("m365-identity-group-membership-restricted", () => {
  it("accepts a rule restricted to attribute values, and a group without a dynamic rule", () => {
    expect(
      runResourcePolicy(groupMembershipRestricted, ENTRA_GROUP, group('(user.department -in ["A","B"])')),
    ).toEqual([]);
    expect(runResourcePolicy(groupMembershipRestricted, ENTRA_GROUP, { displayName: "admins" })).toEqual([]);
  });

  it("reports a rule that reaches every user", () => {
    expect(
      runResourcePolicy(groupMembershipRestricted, ENTRA_GROUP, group("(user.accountEnabled -eq true)")),
    ).toEqual([
      'Group grp-vp-mobility has membership rule "(user.accountEnabled -eq true)", which is not restricted to attribute values (no top-level -and term says user.<attribute> -eq or -in a list of values) and can reach every user.',
    ]);
  });

  it("accepts a rule the stack's config lists as approved (spacing may differ)", () => {
    expect(
      runResourcePolicy(groupMembershipRestricted, ENTRA_GROUP, group("(user.accountEnabled -eq true)"), {
        approvedRules: ["( user.accountEnabled  -eq true )"],
      }),
    ).toEqual([]);
  });
});
