import { CONTRIBUTOR_ROLE_ID, roleDefinitionId } from "../../src/identity/roles";
import { lookupUpns, objectIdsFor } from "../../src/identity/users";

const users = [
  { userPrincipalName: "Ana@villa.example", objectId: "id-ana" },
  { userPrincipalName: "luis@villa.example", objectId: "id-luis" },
];

describe("objectIdsFor", () => {
  it.each([
    [["ana@villa.example"], ["id-ana"]],
    [
      ["LUIS@villa.example", "ana@VILLA.example"],
      ["id-luis", "id-ana"],
    ],
    [[], []],
  ])("%j → %j (case-insensitive, in the given order)", (upns, expected) =>
    expect(objectIdsFor(users, upns)).toEqual(expected),
  );

  it("names every missing user", () => {
    expect(() => objectIdsFor(users, ["x@villa.example", "ana@villa.example", "y@villa.example"])).toThrow(
      "Entra ID has no user 'x@villa.example', 'y@villa.example' — fix the UPN in the department file.",
    );
  });
});

describe("lookupUpns", () => {
  it("merges owners and admins once each, first spelling wins", () => {
    expect(lookupUpns(["ana@v.example", "luis@v.example"], ["ANA@v.example", "eva@v.example"])).toEqual([
      "ana@v.example",
      "luis@v.example",
      "eva@v.example",
    ]);
  });
});

describe("roleDefinitionId", () => {
  it("qualifies the built-in Contributor GUID with the subscription", () => {
    expect(roleDefinitionId("sub-1", CONTRIBUTOR_ROLE_ID)).toBe(
      "/subscriptions/sub-1/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c",
    );
  });
});
