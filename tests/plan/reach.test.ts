import type { Department } from "../../src/config/schema/department";
import { buildDiffPlan } from "../../src/plan/buildDiffPlan";
import { RETIREMENT_CHECK } from "../../src/plan/definitionChecks";
import { describePolicy } from "../../src/plan/format/describe";
import { code } from "../../src/plan/format/markdown";
import type { DiffPlan } from "../../src/plan/model";
import { diffPolicyAssignments } from "../../src/plan/policyAssignments";
import { city, clone, graphOf, type FabricatedDepartment } from "./helpers/fabricate";
import { definitionOf } from "./helpers/scenarios";

// What the plan reads from the definitions: the rank as written, membership reach, lifecycle, retirements.
const BASE = city(6, 600);

function planOf(
  head: FabricatedDepartment[],
  changeHead: (d: Department) => Department = (d) => d,
  options: {
    changeBase?: (d: Department) => Department;
    retirements?: { department: string; date: string; reason: string }[];
  } = {},
): DiffPlan {
  return buildDiffPlan({
    header: { organization: "City", stack: "city", layers: ["identity", "m365", "teamsVoice"] },
    base: { ref: "origin/main", commit: "0".repeat(40), definitionPresent: true, path: "stacks/city" },
    baseGraph: graphOf(BASE),
    headGraph: graphOf(head),
    policy: { evaluated: true, results: [] },
    definitions: {
      base: definitionOf(BASE, options.changeBase),
      head: definitionOf(head, changeHead, options.retirements),
    },
  });
}

describe("ranks: the plan speaks of the rank the author wrote", () => {
  const grant = (rank: number) => [{ policyType: "TeamsCallingPolicy", policyName: "Std", rank }];

  it("a position that moves on its own is explained, not reported as the department's change", () => {
    const [change] = diffPolicyAssignments(grant(26), grant(30), { before: 20, after: 20 });
    expect(describePolicy(change!, code)).toBe(
      "TeamsCallingPolicy `Std` rank 20 (unchanged); its Teams position moves 26 → 30 because a department ranked before it was added or removed",
    );
  });

  it("a rank the author changed reads in the author's numbers", () => {
    const [change] = diffPolicyAssignments(grant(26), grant(3), { before: 20, after: 12 });
    expect(describePolicy(change!, code)).toBe("TeamsCallingPolicy `Std` rank 20 → 12");
  });

  it("a new grant names its rank, never its position", () => {
    const [change] = diffPolicyAssignments([], grant(26), { after: 20 });
    expect(describePolicy(change!, code)).toBe("TeamsCallingPolicy none → `Std` (rank 20)");
  });

  it("a department whose position moved because another was added carries no risk", () => {
    const head = clone(BASE);
    for (const p of head[5]!.policies) p.rank = 2; // d06 sits after a newcomer ranked before it
    const plan = planOf(head, (d) => (d.id === "d06" ? { ...d, teams: { ...d.teams!, rank: 10 } } : d));
    expect(plan.departments.find((d) => d.department === "d06")?.policies).toHaveLength(2);
    expect(plan.risks.filter((r) => r.kind === "policy-assignment")).toEqual([]);
  });
});

describe("membership reach in the plan", () => {
  const allUsers = (d: Department): Department =>
    d.id === "d03" ? { ...d, membership: { rule: "(user.accountEnabled -eq true)" } } : d;

  it("an unrestricted raw rule is a high risk that says what it reaches and where seats are checked", () => {
    const plan = planOf(clone(BASE), allUsers);
    expect(plan.risks[0]).toEqual({
      level: "high",
      kind: "membership-unrestricted",
      department: "d03",
      message:
        "d03: membership rule (user.accountEnabled -eq true) is not restricted to the department's own attribute values, so its licences and Teams grants can reach every department's users (approved in tenant.yaml platformApprovals.membershipRules); seats are counted from the declared headcount 100, and tenant drift reports the real member count",
    });
  });

  it("a restricted change of values is a medium risk; an unchanged rule none", () => {
    const more = (d: Department): Department =>
      d.id === "d02" ? { ...d, membership: { attribute: "department", values: ["d02", "d02-bis"] } } : d;
    const plan = planOf(clone(BASE), more);
    expect(plan.risks.filter((r) => r.kind.startsWith("membership"))).toEqual([
      {
        level: "medium",
        kind: "membership",
        department: "d02",
        message: "d02: membership by department adds d02-bis",
      },
    ]);
  });
});

describe("retiring and removing a department", () => {
  const retiring = (d: Department): Department => (d.id === "d04" ? { ...d, lifecycle: "retiring" } : d);
  const without = (id: string) => clone(BASE).filter((d) => d.id !== id);

  it("setting lifecycle: retiring is a high risk", () => {
    expect(planOf(clone(BASE), retiring).risks.filter((r) => r.kind === "retiring")).toEqual([
      {
        level: "high",
        kind: "retiring",
        department: "d04",
        message:
          "d04: retiring — its numbers go into quarantine and its group loses its licences and Teams grants; the platform team approves the removal of its file in a later change",
      },
    ]);
  });

  it("removing an active department without an approval blocks the plan", () => {
    const plan = planOf(without("d04"));
    expect(plan.exitCode).toBe(1);
    expect(plan.policy.results[0]).toEqual({
      policy: RETIREMENT_CHECK,
      severity: "high",
      enforcementLevel: "mandatory",
      message:
        "Department 'd04' is removed but it was not `lifecycle: retiring` at the base and tenant.yaml has no platformApprovals.retirements entry for it — retire it first (CONTRIBUTING 'Retire a department'): set lifecycle: retiring and deploy, then remove the file with the platform team's approval.",
    });
  });

  it("removing a retired department with an approval does not block, and is still a high risk", () => {
    const plan = planOf(without("d04"), undefined, {
      changeBase: retiring,
      retirements: [{ department: "d04", date: "2026-11-30", reason: "Merged into d05" }],
    });
    expect(plan.policy.results.filter((r) => r.policy === RETIREMENT_CHECK)).toEqual([]);
    expect(plan.risks.find((r) => r.kind === "department-removed")?.message).toBe(
      "d04: department removed (retirement approved by the platform team on 2026-11-30)",
    );
  });

  it("an approval alone is not enough: the department must have been retiring at the base", () => {
    const plan = planOf(without("d04"), undefined, {
      retirements: [{ department: "d04", date: "2026-11-30", reason: "Merged into d05" }],
    });
    expect(plan.policy.results.map((r) => r.message)).toEqual([
      expect.stringContaining("it was not `lifecycle: retiring` at the base —"),
    ]);
  });
});
