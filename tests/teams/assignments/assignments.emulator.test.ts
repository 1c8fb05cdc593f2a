/**
 * Group policy assignments, the tenant-wide emergency-routing grant and emergency addresses against the
 * emulator through the fake `pwsh`: per-entry delta, re-run = 0 writes, refusals while assigned.
 */
import { defaultRecord } from "../../../src/emulator/state/teamsInventory";
import {
  createVia,
  startTeamsTestbed,
  upVia,
  type Props,
  type TeamsTestbed,
} from "../policies/helpers/teamsEmulator";

let bed: TeamsTestbed;
let groupId: string;
beforeAll(async () => {
  bed = await startTeamsTestbed();
  groupId = bed.t.emu.state.groups[0].id;
  bed.ps("Set-CsOnlinePstnUsage", { Identity: "global", Usage: { Add: ["Emergency"] } });
  for (const [cmdlet, name] of [
    ["New-CsTeamsCallingPolicy", "Std"],
    ["New-CsTeamsCallingPolicy", "Restricted"],
    ["New-CsTenantDialPlan", "ES"],
    ["New-CsTeamsEmergencyCallRoutingPolicy", "EmR"],
  ])
    bed.ps(cmdlet, { Identity: name });
});
afterAll(async () => {
  await bed.stop();
});
beforeEach(() => bed.resetCounters());

const grants = (calling: string, rank = 10): Props => ({
  kind: "GroupPolicyAssignments",
  department: "culture",
  groupId,
  assignments: [
    { policyType: "TenantDialPlan", policyName: "ES", rank },
    { policyType: "TeamsCallingPolicy", policyName: calling, rank },
  ],
});
const live = () => bed.area().groupAssignments.filter((g) => g.groupId === groupId);

describe("GroupPolicyAssignments", () => {
  it("grants each entry, re-runs with 0 writes, changes only the changed entry, deletes what it granted", async () => {
    const { id, outs } = await createVia(bed, grants("Std"));
    expect(id).toBe(groupId);
    expect(
      live()
        .map((g) => [g.policyType, g.policyName])
        .sort(),
    ).toEqual([
      ["TeamsCallingPolicy", "Std"],
      ["TenantDialPlan", "ES"],
    ]);
    expect(bed.writes()).toBe(2);

    bed.resetCounters();
    const read = (await bed.provider.read!(id, outs)).props as Props;
    expect(read).toEqual(outs);
    expect((await upVia(bed, id, read, grants("Std"))).changed).toBe(false);
    // Adopting existing grants after lost state writes nothing either.
    await bed.provider.create(grants("Std"));
    expect(bed.writes()).toBe(0);

    const up = await upVia(bed, id, outs, grants("Restricted"));
    expect(up.changed).toBe(true);
    // One group holds one assignment per type: remove + new, for that type only.
    expect(bed.writes()).toBe(2);
    expect(bed.writesOf("New-CsGroupPolicyAssignment")).toBe(1);
    expect(live().find((g) => g.policyType === "TeamsCallingPolicy")?.policyName).toBe("Restricted");

    bed.resetCounters();
    const dropped = await upVia(bed, id, up.outs, {
      ...grants("Restricted"),
      assignments: [grants("x").assignments[0]],
    });
    expect(bed.writes()).toBe(1);
    expect(live().map((g) => g.policyType)).toEqual(["TenantDialPlan"]);

    await bed.provider.delete!(id, dropped.outs);
    expect(live()).toEqual([]);
  });

  it("refuses, at check, to assign emergency call routing to a group (Teams cannot)", async () => {
    const checked = await bed.provider.check!(
      {},
      {
        ...grants("Std"),
        assignments: [{ policyType: "TeamsEmergencyCallRoutingPolicy", policyName: "EmR", rank: 1 }],
      },
    );
    expect(checked.failures?.[0].reason).toMatch(/globalEmergencyCallRoutingPolicy/);
  });
});

describe("GlobalPolicyGrant", () => {
  // Grant-CsTeamsEmergencyCallRoutingPolicy.md @ 93336da (-Global): "Sets the parameters of the Global policy
  // instance to the values in the specified policy instance" — a copy; delete restores what Global held before.
  it("copies the emergency routing policy's settings into Global; delete restores Global's earlier settings", async () => {
    const global = () =>
      bed.area().policies.find((p) => p.type === "TeamsEmergencyCallRoutingPolicy" && p.name === "Global");
    bed.ps("Set-CsTeamsEmergencyCallRoutingPolicy", { Identity: "Global", Description: "before" });
    const emr = bed
      .area()
      .policies.find((p) => p.type === "TeamsEmergencyCallRoutingPolicy" && p.name === "EmR")!;
    const grant = await createVia(bed, {
      kind: "GlobalPolicyGrant",
      policyType: "TeamsEmergencyCallRoutingPolicy",
      policyName: "EmR",
    });
    expect(global()?.settings).toEqual(emr.settings);
    expect(grant.outs.restoreSettings).toMatchObject({ Description: "before" });
    const policy = {
      kind: "EmergencyCallRoutingPolicy",
      name: "EmR",
      settings: {},
      allowEnhancedEmergencyServices: false,
      emergencyNumbers: [],
    };
    // The named policy is not held by the grant: it can be deleted while Global keeps the copy.
    await bed.provider.delete!("EmR", policy);
    await bed.provider.delete!(grant.id, grant.outs);
    expect(global()?.settings.Description).toBe("before");
  });
});

describe("EmergencyAddress", () => {
  const address = (floor = "Planta 1"): Props => ({
    kind: "EmergencyAddress",
    key: "hall",
    companyName: `Ayuntamiento "Villa"; $(x)`,
    houseNumber: "1",
    streetName: "Plaza Mayor",
    city: "Villa",
    postalCode: "28001",
    countryOrRegion: "ES",
    latitude: 40.4,
    longitude: -3.7,
    locations: [
      { id: "p0", name: "Planta baja" },
      { id: "p1", name: floor },
    ],
  });

  it("creates the address and locations, outputs locationIds, adopts by [key], updates one location, refuses delete while a user's number points at it, detaches unassigned ones", async () => {
    const { id, outs } = await createVia(bed, address());
    const record = bed.area().civicAddresses.find((a) => a.civicAddressId === id)!;
    expect(record.fields.CompanyName).toBe(`Ayuntamiento "Villa"; $(x)`);
    expect(Object.keys(outs.locationIds)).toEqual(["p0", "p1"]);
    expect(bed.writes()).toBe(3);

    // Lost state: a fresh create finds the address by its [key] and its locations by name — 0 writes.
    bed.resetCounters();
    const again = await bed.provider.create(address());
    expect(again.outs.locationIds).toEqual(outs.locationIds);
    expect(bed.writes()).toBe(0);
    expect((await bed.provider.read!(id, outs)).props).toEqual(outs);

    const up = await upVia(bed, id, outs, address("Planta primera"));
    expect(bed.writesOf("Set-CsOnlineLisLocation")).toBe(1);
    expect(bed.writes()).toBe(1);
    expect(up.outs.locationIds).toEqual(outs.locationIds);

    // A user's number at the address: someone's emergency location, so the delete is refused, naming it.
    const n = "+34915550042";
    const userId = "0d0c0b0a-0000-4000-8000-000000000042";
    bed.area().numbers[n] = {
      ...defaultRecord(n),
      assignmentStatus: "userAssigned",
      assignmentTargetId: userId,
      assignmentCategory: "primary",
      locationId: outs.locationIds.p1,
    };
    await expect(bed.provider.delete!(id, up.outs)).rejects.toThrow(
      /emergency address 'hall'.*number \+34915550042 \(assigned to user 0d0c0b0a.*Move those numbers/,
    );
    expect(bed.area().civicAddresses.find((a) => a.civicAddressId === id)).toBeDefined();
    // Unassigned, Teams keeps its location; it serves no one, so the delete detaches it and goes ahead.
    bed.area().numbers[n] = { ...defaultRecord(n), locationId: outs.locationIds.p1 };
    bed.resetCounters();
    await bed.provider.delete!(id, up.outs);
    expect(bed.area().numbers[n].locationId).toBeNull();
    // One write clears the location (Graph updateNumber), one removes the address.
    expect(bed.writes()).toBe(2);
    expect(bed.writesOf("Remove-CsOnlineLisCivicAddress")).toBe(1);
    expect(bed.area().civicAddresses.find((a) => a.civicAddressId === id)).toBeUndefined();
    await expect(bed.provider.delete!(id, up.outs)).resolves.toBeUndefined();
  });

  // Set-CsOnlineLisCivicAddress.md @ 93336da: editing is "restricted to the following countries/regions" (not ES).
  it("replaces a Spanish address instead of editing it: new address first, numbers follow, old one removed last", async () => {
    const { id, outs } = await createVia(bed, address());
    const moved = { ...address(), streetName: "Calle Mayor" };
    const diff = await bed.provider.diff!(id, outs, moved);
    expect(diff).toMatchObject({ changes: true, replaces: ["streetName"], deleteBeforeReplace: false });
    // Pulumi's create-before-delete: the replacement is created while the old address (same key) still exists.
    bed.resetCounters();
    const created = await bed.provider.create(moved);
    expect(created.id).not.toBe(id);
    expect(bed.writesOf("Set-CsOnlineLisCivicAddress")).toBe(0);
    expect(bed.area().civicAddresses.find((a) => a.civicAddressId === created.id)?.fields.StreetName).toBe(
      "Calle Mayor",
    );
    expect(created.outs.locationIds.p1).not.toBe(outs.locationIds.p1);
    await bed.provider.delete!(id, outs);
    expect(bed.area().civicAddresses.map((a) => a.civicAddressId)).toContain(created.id);
    expect(bed.area().civicAddresses.map((a) => a.civicAddressId)).not.toContain(id);
    await bed.provider.delete!(created.id, created.outs);
  });

  it("edits in place where Teams allows it (a US address)", async () => {
    const us = { ...address(), key: "us-office", countryOrRegion: "US" };
    const { id, outs } = await createVia(bed, us);
    const diff = await bed.provider.diff!(id, outs, { ...us, streetName: "Main Street" });
    expect(diff).toMatchObject({ changes: true, replaces: [] });
    bed.resetCounters();
    await upVia(bed, id, outs, { ...us, streetName: "Main Street" });
    expect(bed.writesOf("Set-CsOnlineLisCivicAddress")).toBe(1);
    await bed.provider.delete!(id, outs);
  });
});
