import type { TenantDefinition } from "../../src/config/definition";
import type { Department } from "../../src/config/schema/department";
import {
  departmentArchetype,
  planSubscriptions,
  type GroupResolvers,
} from "../../src/departments/subscriptions";
import { hierarchyResolvers } from "../../src/landing-zone/managementGroups";
import { loadValidDefinition } from "../../src/stackConfig";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

const SUB_A = "aaaaaaaa-0000-0000-0000-000000000001";
const SUB_B = "bbbbbbbb-0000-0000-0000-000000000002";
const MGMT = "7a000000-0000-4000-8000-000000000001";
const CONN = "7a000000-0000-4000-8000-000000000002";
const SHARED_CORP = "7a000000-0000-4000-8000-00000000c0c0";

type Network = Partial<Department["network"]>;

function withDepartments(networks: [id: string, network: Network][]): TenantDefinition {
  const base = loadValidDefinition(MINIMAL_FIXTURE);
  const template = base.departments[0];
  const departments: Department[] = networks.map(([id, network]) => ({
    ...template,
    id,
    network: { ...template.network, subscriptionId: undefined, ...network },
  }));
  return { ...base, departments };
}

/** Groups named after the archetype, so the expected plans read plainly. */
const byArchetype: GroupResolvers = {
  platformGroup: (role) => ({ id: role, displayName: "", archetypes: [] }),
  departmentGroup: (d) => ({ id: departmentArchetype(d), displayName: "", archetypes: [] }),
};

describe("planSubscriptions", () => {
  it("places the platform subscriptions under their groups and every department in exactly one subscription", () => {
    const def = withDepartments([
      ["b", { subscriptionId: SUB_B }],
      ["a", { subscriptionId: SUB_A.toUpperCase() }],
      ["c", { subscriptionId: SUB_A }],
      ["d", {}],
      ["e", { vendSubscription: true }],
    ]);
    // Platform first, then by management group, then by key.
    expect(planSubscriptions(def, byArchetype)).toEqual([
      {
        key: CONN,
        source: "platform",
        subscriptionId: CONN,
        managementGroupId: "connectivity",
        platform: ["connectivity"],
        departments: [],
      },
      {
        key: MGMT,
        source: "platform",
        subscriptionId: MGMT,
        managementGroupId: "management",
        platform: ["management"],
        departments: [],
      },
      {
        key: SHARED_CORP,
        source: "shared",
        sharedName: "corp-shared",
        subscriptionId: SHARED_CORP,
        managementGroupId: "corp",
        platform: [],
        departments: ["d"],
      },
      {
        key: SUB_A,
        source: "existing",
        subscriptionId: SUB_A,
        managementGroupId: "corp",
        platform: [],
        departments: ["a", "c"],
      },
      {
        key: SUB_B,
        source: "existing",
        subscriptionId: SUB_B,
        managementGroupId: "corp",
        platform: [],
        departments: ["b"],
      },
      {
        key: "vend-e",
        source: "vended",
        subscriptionId: undefined,
        managementGroupId: "corp",
        platform: [],
        departments: ["e"],
      },
    ]);
  });

  it("uses the hierarchy: platform roles fall back to the platform group, departments go to corp/online/sandbox", () => {
    const base = withDepartments([["d", {}]]);
    const plans = planSubscriptions(base, hierarchyResolvers(base));
    expect(plans.map((p) => [p.key, p.managementGroupId])).toEqual([
      [MGMT, "vp-platform"],
      [CONN, "vp-platform"],
      [SHARED_CORP, "vp-corp"],
    ]);
  });

  it("refuses one subscription under two management groups", () => {
    const def = withDepartments([
      ["a", { subscriptionId: SUB_A }],
      ["b", { subscriptionId: SUB_A, publicAccess: true }],
    ]);
    expect(() => planSubscriptions(def, byArchetype)).toThrow(
      `subscription ${SUB_A} is needed under 'online' by department 'b', but under 'corp' by department 'a'`,
    );
  });

  it("refuses a department with nowhere to go and a missing platform subscription", () => {
    const def = withDepartments([["a", { archetype: "sandbox" }]]);
    def.tenant.landingZone.platformSubscriptions = { management: MGMT };
    expect(() => planSubscriptions(def, byArchetype)).toThrow(
      "landingZone.platformSubscriptions.connectivity is not set; department 'a' has no subscription",
    );
  });
});
