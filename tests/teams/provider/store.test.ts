import type { GroupPolicyAssignment, TeamsAdmin } from "../../../src/teams/admin/port";
import { policyStore, voiceRouteStore } from "../../../src/teams/provider/store";

function admin(assignments: GroupPolicyAssignment[]) {
  const filters: unknown[] = [];
  const calls: string[] = [];
  const powershell = {
    listGroupPolicyAssignments: async (filter: { policyType?: string }) => {
      filters.push(filter);
      return assignments.filter((a) => a.policyType === filter.policyType);
    },
    getPolicy: async (type: string, name: string) => ({
      type,
      name,
      settings: { AllowPrivateCalling: false },
    }),
    setPolicy: async (type: string, name: string) => void calls.push(`set ${type} ${name}`),
    removeVoiceRoute: async (name: string) => void calls.push(`remove route ${name}`),
  };
  return { admin: { powershell } as unknown as TeamsAdmin, filters, calls };
}

const grant = (policyType: string, policyName: string, groupId: string, rank: number) =>
  ({ policyType, policyName, groupId, rank }) as GroupPolicyAssignment;

describe("policyStore", () => {
  it.each([
    ["TeamsCallingPolicy", "calling policy 'Staff' (TeamsCallingPolicy)"],
    ["TenantDialPlan", "dial plan 'Staff' (TenantDialPlan)"],
  ] as const)("describes a %s for messages", (type, text) => {
    expect(policyStore(type).describe("Staff")).toBe(text);
  });

  it("finds the groups a policy is granted to (any casing), only of its own type", async () => {
    const a = admin([
      grant("TeamsCallingPolicy", "staff", "g1", 1),
      grant("TeamsCallingPolicy", "Other", "g2", 2),
      grant("TenantDialPlan", "Staff", "g3", 1),
    ]);
    expect(await policyStore("TeamsCallingPolicy").usesOf(a.admin, "Staff")).toEqual([
      "granted to group g1 at rank 1",
    ]);
    expect(a.filters).toEqual([{ policyType: "TeamsCallingPolicy" }]);
  });

  it("reads a policy's settings and sends a Set for its type", async () => {
    const a = admin([]);
    const store = policyStore("TeamsCallingPolicy");
    expect(await store.get(a.admin, "Staff")).toEqual({ AllowPrivateCalling: false });
    await store.set(a.admin, "Staff", { AllowPrivateCalling: true });
    expect(a.calls).toEqual(["set TeamsCallingPolicy Staff"]);
  });

  it("tells the operator every kind of grant to remove before a delete", () => {
    expect(policyStore("TeamsCallingPolicy").removeFirst).toMatch(
      /group assignments.*direct user grants.*-Global/,
    );
  });
});

describe("voiceRouteStore", () => {
  it("is used by nobody it can see (routes belong to PSTN usages) and removes by name", async () => {
    const a = admin([]);
    expect(await voiceRouteStore.usesOf(a.admin, "R1")).toEqual([]);
    await voiceRouteStore.remove(a.admin, "R1");
    expect(a.calls).toEqual(["remove route R1"]);
    expect(voiceRouteStore.describe("R1")).toBe("voice route 'R1'");
  });
});
