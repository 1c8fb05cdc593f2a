import type { TenantDefinition } from "../../src/config/definition";
import type { Department } from "../../src/config/schema/department";
import { planSubscriptionPlacements } from "../../src/departments/subscriptions";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

const SUB_A = "aaaaaaaa-0000-0000-0000-000000000001";
const SUB_B = "bbbbbbbb-0000-0000-0000-000000000002";

function withDepartments(
  subs: [id: string, subscriptionId: string | undefined, publicAccess: boolean][],
): TenantDefinition {
  const base = loadValidDefinition(MINIMAL_FIXTURE);
  const template = base.departments[0];
  const departments: Department[] = subs.map(([id, subscriptionId, publicAccess]) => ({
    ...template,
    id,
    network: { ...template.network, subscriptionId, publicAccess },
  }));
  return { ...base, departments };
}

const groupFor = (d: Department) => ({
  id: d.network.publicAccess ? "online" : "corp",
  displayName: "",
  archetypes: [],
});

describe("planSubscriptionPlacements", () => {
  it("places each distinct subscription once, with every department in it; none for the deploying subscription", () => {
    const def = withDepartments([
      ["b", SUB_B, false],
      ["a", SUB_A.toUpperCase(), false],
      ["c", SUB_A, false],
      ["d", undefined, false],
    ]);
    expect(planSubscriptionPlacements(def, groupFor)).toEqual([
      { subscriptionId: SUB_A, managementGroupId: "corp", departments: ["a", "c"] },
      { subscriptionId: SUB_B, managementGroupId: "corp", departments: ["b"] },
    ]);
  });

  it("refuses one subscription under two management groups", () => {
    const def = withDepartments([
      ["a", SUB_A, false],
      ["b", SUB_A, true],
    ]);
    expect(() => planSubscriptionPlacements(def, groupFor)).toThrow(
      `A subscription can sit under only one management group: department 'b' needs subscription ${SUB_A} under 'online', but 'a' needs it under 'corp'`,
    );
  });
});
