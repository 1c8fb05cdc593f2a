import { releaseLocations } from "../../../src/teams/addresses/numbersAt";
import type { InventoryNumber, TeamsAdmin } from "../../../src/teams/admin/port";

const num = (
  telephoneNumber: string,
  locationId: string,
  assignmentTargetId: string | null,
): InventoryNumber => ({
  telephoneNumber,
  numberType: "directRouting",
  assignmentStatus: assignmentTargetId ? "userAssigned" : "unassigned",
  assignmentTargetId,
  assignmentCategory: assignmentTargetId ? "primary" : null,
  locationId,
});

function admin(inventory: InventoryNumber[], failing: string[] = []) {
  const filters: string[] = [];
  const cleared: { telephoneNumber: string; locationId: string | null }[][] = [];
  const graph = {
    listNumbers: async (filter?: string) => {
      filters.push(filter ?? "");
      const id = /locationId eq '((?:[^']|'')*)'/.exec(filter ?? "")?.[1].replace(/''/g, "'");
      return inventory.filter((n) => n.locationId === id);
    },
    updateNumberLocations: async (numbers: { telephoneNumber: string; locationId: string | null }[]) => {
      cleared.push(numbers);
      return numbers.map((n) => ({
        telephoneNumber: n.telephoneNumber,
        succeeded: !failing.includes(n.telephoneNumber),
        ...(failing.includes(n.telephoneNumber) ? { reason: "busy" } : {}),
      }));
    },
  };
  return { admin: { graph } as unknown as TeamsAdmin, filters, cleared };
}

describe("releaseLocations", () => {
  it("names assigned numbers as blocking and clears unassigned ones, which then do not block", async () => {
    const a = admin([
      num("+34910000001", "loc1", "user-1"),
      num("+34910000002", "loc1", null),
      num("+34910000003", "other", null),
    ]);
    expect(await releaseLocations(a.admin, ["loc1"])).toEqual([
      "number +34910000001 (assigned to user user-1)",
    ]);
    expect(a.cleared).toEqual([[{ telephoneNumber: "+34910000002", locationId: null }]]);
  });

  it("reports an unassigned number whose location could not be cleared", async () => {
    const a = admin([num("+34910000002", "loc1", null)], ["+34910000002"]);
    expect(await releaseLocations(a.admin, ["loc1"])).toEqual([
      "number +34910000002 (unassigned; clearing its location failed: busy)",
    ]);
  });

  it("writes nothing when no number points at the locations", async () => {
    const a = admin([]);
    expect(await releaseLocations(a.admin, ["loc1", "loc2"])).toEqual([]);
    expect(a.cleared).toEqual([]);
  });

  it("quotes a location id safely inside the OData filter", async () => {
    const a = admin([num("+34910000001", "o'clock", "u")]);
    expect(await releaseLocations(a.admin, ["o'clock"])).toHaveLength(1);
    expect(a.filters).toEqual(["locationId eq 'o''clock'"]);
  });

  it("lists at most ten numbers and counts the rest", async () => {
    const many = Array.from({ length: 13 }, (_, i) =>
      num(`+3491000${String(i).padStart(4, "0")}`, "loc1", `u${i}`),
    );
    const uses = await releaseLocations(admin(many).admin, ["loc1"]);
    expect(uses).toHaveLength(11);
    expect(uses[10]).toBe("and 3 more numbers");
  });
});
