import { sectionTitle } from "../../../src/plan/format/describe";
import {
  EACH_DEPARTMENT,
  groupIdenticalSections,
  mergedSection,
} from "../../../src/plan/format/groupSections";
import type { DepartmentSummary } from "../../../src/plan/model";
import { RESOURCE_TYPES } from "../../../src/resourceTypes";
import { departmentSummary, resourceChange } from "../helpers/summary";

/** A department whose grant shifted one position, with its grants resource named after it. */
const shifted = (department: string, from = 26): DepartmentSummary =>
  departmentSummary({
    department,
    policies: [
      {
        policyType: "TeamsCallingPolicy",
        before: { policyName: "Std", rank: 20, position: from },
        after: { policyName: "Std", rank: 20, position: from + 1 },
      },
    ],
    changes: [resourceChange("update", RESOURCE_TYPES.groupPolicyAssignments, `tv-grants-${department}`)],
  });

const names = (groups: DepartmentSummary[][]) =>
  groups.map((g) => g.map((s) => s.department ?? "tenant-wide"));

describe("groupIdenticalSections", () => {
  it("groups departments identical once their own id is anonymised, in order of first appearance", () => {
    const sections = [shifted("barajas"), shifted("retiro", 30), shifted("centro"), shifted("usera", 30)];
    expect(names(groupIdenticalSections(sections))).toEqual([
      ["barajas", "centro"],
      ["retiro", "usera"],
    ]);
  });

  it("keeps apart sections that differ in anything but the id, and every tenant-wide section", () => {
    const other = { ...shifted("centro"), status: "new" as const };
    const tenantWide = departmentSummary({ department: undefined });
    expect(names(groupIdenticalSections([shifted("barajas"), other, tenantWide, tenantWide]))).toEqual([
      ["barajas"],
      ["centro"],
      ["tenant-wide"],
      ["tenant-wide"],
    ]);
  });
});

describe("mergedSection", () => {
  it("a lone section is unchanged and names its department", () => {
    const lone = shifted("barajas");
    expect(mergedSection([lone])).toEqual({ ...lone, departments: ["barajas"] });
  });

  it("several read as one, the id standing for each department, every department named once", () => {
    const merged = mergedSection([shifted("barajas"), shifted("centro"), shifted("centro")]);
    expect(merged.departments).toEqual(["barajas", "centro"]);
    expect(merged.department).toBe(EACH_DEPARTMENT);
    expect(merged.changes.map((c) => c.name)).toEqual(["tv-grants-{department}"]);
    expect(merged.policies).toEqual(shifted("barajas").policies);
    expect(sectionTitle(merged)).toBe(
      "barajas, centro (2 departments alike; {department} is each of them) · 1 to update each",
    );
  });

  it("a merged section that never names its department does not explain the placeholder", () => {
    const plain = (department: string) => departmentSummary({ department, status: "new" });
    expect(sectionTitle(mergedSection([plain("a"), plain("b")]))).toBe(
      "a, b (new departments) (2 departments alike)",
    );
  });

  it("replaces the id only as a whole word, never inside another word or the plan's own vocabulary", () => {
    expect(names(groupIdenticalSections([shifted("a"), shifted("b")]))).toEqual([["a", "b"]]);
    const a = mergedSection([shifted("a"), shifted("b")]);
    expect(a.policies).toEqual(shifted("a").policies);
    expect(a.status).toBe("changed");
    expect(a.changes.map((c) => [c.op, c.name])).toEqual([["update", "tv-grants-{department}"]]);
  });

  it("an empty group is a programming error", () => {
    expect(() => mergedSection([])).toThrow("mergedSection: an empty group");
  });
});
