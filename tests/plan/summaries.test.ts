import type { NumberEntry } from "../../src/plan/model";
import { diffNumbers } from "../../src/plan/numbers";
import { buildDiffPlan } from "../../src/plan/buildDiffPlan";
import { skuDeltas } from "../../src/plan/licences";
import { diffPolicyAssignments } from "../../src/plan/policyAssignments";
import { DEPARTMENT_COMPONENTS } from "../../src/plan/ownership";
import { SCENARIOS } from "./helpers/scenarios";

const entry = (number: string, user: string, extra: Partial<NumberEntry> = {}): NumberEntry => ({
  number,
  user,
  department: "a",
  emergencyLocation: "hq",
  category: "primary",
  numberType: "directRouting",
  ...extra,
});

describe("diffNumbers", () => {
  it("tells added, removed, renumbered, reassigned and updated apart", () => {
    const base = [
      entry("+1", "ana"),
      entry("+2", "bea"),
      entry("+3", "carl"),
      entry("+4", "dan"),
      entry("+5", "eve"),
    ];
    const head = [
      entry("+1", "ana", { emergencyLocation: "annex" }),
      entry("+2", "zoe"),
      entry("+33", "carl", { department: "b" }),
      entry("+6", "fay"),
      entry("+5", "eve"),
    ];
    const kinds = diffNumbers(base, head).map((c) =>
      c.kind === "renumbered"
        ? `${c.kind} ${c.user} ${c.from.number}→${c.to.number}`
        : c.kind === "reassigned"
          ? `${c.kind} ${c.number} ${c.from.user}→${c.to.user}`
          : c.kind === "updated"
            ? `${c.kind} ${c.fields.join()}`
            : `${c.kind} ${c.entry.number}`,
    );
    expect(kinds.sort()).toEqual([
      "added +6",
      "reassigned +2 bea→zoe",
      "removed +4",
      "renumbered carl +3→+33",
      "updated emergencyLocation",
    ]);
  });
});

describe("licences and policy grants", () => {
  const lic = (headcount: number, skus: [string, string[]][]) => ({
    department: "a",
    groupId: "g",
    headcount,
    licences: skus.map(([skuPartNumber, disabledPlans]) => ({
      skuPartNumber,
      disabledPlans,
      seatsOwned: 100,
    })),
  });

  it("counts seats per SKU as the headcount of the group holding it", () => {
    expect(
      skuDeltas(
        lic(10, [["E5", []]]),
        lic(12, [
          ["E5", ["X"]],
          ["F3", []],
        ]),
      ),
    ).toEqual([
      { sku: "E5", before: 10, after: 12, plansDisabled: ["X"], plansEnabled: [] },
      { sku: "F3", before: 0, after: 12, plansDisabled: [], plansEnabled: [] },
    ]);
    expect(skuDeltas(lic(10, [["E5", []]]), undefined)).toEqual([
      { sku: "E5", before: 10, after: 0, plansDisabled: [], plansEnabled: [] },
    ]);
  });

  it("reports a changed grant per policy type", () => {
    expect(
      diffPolicyAssignments(
        [{ policyType: "TeamsCallingPolicy", policyName: "A", rank: 1 }],
        [
          { policyType: "TeamsCallingPolicy", policyName: "B", rank: 1 },
          { policyType: "TenantDialPlan", policyName: "D", rank: 1 },
        ],
      ),
    ).toEqual([
      {
        policyType: "TeamsCallingPolicy",
        before: { policyName: "A", position: 1 },
        after: { policyName: "B", position: 1 },
      },
      { policyType: "TenantDialPlan", after: { policyName: "D", position: 1 } },
    ]);
  });
});

describe("plans of the representative changes", () => {
  it("one user moved: one department, one move, no high risk, exit 0", () => {
    const plan = SCENARIOS["one-user-moved"]!();
    expect(plan.departments.map((d) => d.department)).toEqual(["d07"]);
    expect(plan.departments[0]!.numbers).toMatchObject([
      { kind: "renumbered", user: "user42.d07@city.example" },
    ]);
    expect(plan.risks.filter((r) => r.level === "high")).toEqual([]);
    expect(plan.exitCode).toBe(0);
  });

  it("new department: status new, seats up by its headcount, budget created", () => {
    const plan = SCENARIOS["new-department"]!();
    const d = plan.departments[0]!;
    expect(d).toMatchObject({
      department: "d51",
      status: "new",
      licences: [{ sku: "SPE_E5", before: 0, after: 120 }],
    });
    expect(d.budgets[0]).toMatchObject({ amountAfter: 1051 });
    expect(plan.seats[0]).toMatchObject({ sku: "SPE_E5", demanded: 27_120, demandedBefore: 27_000 });
  });

  it("number removed and policy violation rank high and block as they should", () => {
    expect(SCENARIOS["number-removed"]!().risks[0]).toMatchObject({ level: "high", kind: "number-removed" });
    const violation = SCENARIOS["policy-violation"]!();
    expect(violation.risks[0]).toMatchObject({ level: "high", kind: "emergency", department: "d10" });
    expect(violation.exitCode).toBe(1);
  });

  it("high risks come first and their departments lead the sections", () => {
    const plan = SCENARIOS["huge-change"]!();
    const levels = plan.risks.map((r) => r.level);
    expect(levels).toEqual(
      [...levels].sort((a, b) => ["high", "medium", "low"].indexOf(a) - ["high", "medium", "low"].indexOf(b)),
    );
    expect(
      plan.risks
        .map((r) => r.kind)
        .slice(0, 3)
        .sort(),
    ).toEqual(["landing-zone-destroyed", "licence-removed", "replace"]);
    expect(plan.departments.slice(0, 3).map((d) => d.department ?? "tenant")).toEqual([
      "d01",
      "d04",
      "tenant",
    ]);
  });

  it("a region change destroys the department's landing zone: one high risk naming what goes", () => {
    const risk = SCENARIOS["huge-change"]!().risks.find((r) => r.kind === "landing-zone-destroyed");
    expect(risk).toMatchObject({ level: "high", department: "d04" });
    expect(risk!.message).toContain(
      "its region changes spaincentral → westeurope — ResourceGroup rg-city-d04",
    );
    expect(risk!.message).toContain("Retiring or moving a department");
  });

  it("removing a department names every landing-zone resource destroyed", () => {
    const risk = SCENARIOS["department-removed"]!().risks.find((r) => r.kind === "landing-zone-destroyed");
    expect(risk).toMatchObject({ level: "high", department: "d07" });
    expect(risk!.message).toMatch(
      /^d07: landing zone destroyed because the department is removed or renamed — .*ResourceGroup rg-city-d07/,
    );
    expect(risk!.message).toContain("Budget budget-city-d07");
  });

  it("an unchanged graph plans nothing", () => {
    const base = SCENARIOS["one-user-moved"]!();
    const plan = buildDiffPlan({
      ...base,
      baseGraph: undefined,
      headGraph: { project: "p", stack: "s", resources: [] },
    } as never);
    expect(plan.departments).toEqual([]);
    expect(plan.headline).toMatch(/^No changes/);
  });
});

it("ownership knows the program's department components", () => {
  /* eslint-disable @typescript-eslint/no-require-imports -- loads azure-native; only this test pays */
  const { DepartmentLandingZone } =
    require("../../src/departments/DepartmentLandingZone") as typeof import("../../src/departments/DepartmentLandingZone");
  const { DepartmentIdentity } =
    require("../../src/identity/DepartmentIdentity") as typeof import("../../src/identity/DepartmentIdentity");
  /* eslint-enable @typescript-eslint/no-require-imports */
  expect([...DEPARTMENT_COMPONENTS].sort()).toEqual(
    [DepartmentLandingZone.TYPE, DepartmentIdentity.TYPE].sort(),
  );
});
