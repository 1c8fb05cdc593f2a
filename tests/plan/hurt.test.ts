import { whatCouldHurt } from "../../src/plan/hurt";
import type { Risk } from "../../src/plan/model";
import { departmentSummary, numberEntry, resourceChange } from "./helpers/summary";

const risk = (kind: string, level: Risk["level"], department?: string): Risk => ({
  kind,
  level,
  department,
  message: `${kind} in ${department ?? "tenant-wide"}`,
});

describe("whatCouldHurt", () => {
  it("nothing for changes that take nothing away", () => {
    const s = departmentSummary({
      changes: [resourceChange("update", "azure-native:consumption:Budget", "b")],
    });
    expect(
      whatCouldHurt([s], [risk("budget", "medium", "culture"), risk("emergency", "medium", "culture")]),
    ).toEqual([]);
  });

  it("ranks protected losses first and emergency changes before licence removals, whatever the input order", () => {
    const rg = {
      ...resourceChange("delete", "azure-native:resources:ResourceGroup", "rg-culture"),
      protected: true,
    };
    const plain = resourceChange("delete", "azure-native:network:VirtualNetworkPeering", "peer");
    const s = departmentSummary({
      changes: [plain, rg],
      licences: [{ sku: "SPE_E5", before: 40, after: 10, plansDisabled: [], plansEnabled: [] }],
      numbers: [{ kind: "removed", entry: numberEntry("+34915550001", "ana") }],
    });
    const hurts = whatCouldHurt(
      [s],
      [risk("licence-removed", "high", "culture"), risk("emergency", "high", "culture")],
    );
    expect(hurts.map((h) => h.message)).toEqual([
      "1 protected resource deleted or replaced (ResourceGroup rg-culture): `pulumi up` stops until it is released on purpose",
      "1 number released (culture 1)",
      "emergency calling changes in 1 section (culture)",
      "licences removed: SPE_E5 −30 seats (culture)",
    ]);
  });

  it("names at most four places, then how many more", () => {
    const risks = ["a", "b", "c", "d", "e", "f"].map((d) => risk("membership", "medium", d));
    expect(whatCouldHurt([], risks)).toEqual([
      {
        kind: "membership-reach",
        message: "membership reach changes in 6 departments (a, b, c, d and 2 more)",
        sections: ["a", "b", "c", "d", "e", "f"],
      },
    ]);
  });

  it("counts cost increases and roles that can grant access", () => {
    const hurts = whatCouldHurt(
      [],
      [risk("access-privileged", "high", "culture"), risk("cost-increase", "high")],
    );
    expect(hurts.map((h) => h.kind)).toEqual(["cost-increase", "access-privileged"]);
  });
});
