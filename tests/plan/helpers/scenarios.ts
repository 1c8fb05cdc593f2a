import type { TenantDefinition } from "../../../src/config/definition";
import type { Department } from "../../../src/config/schema/department";
import { buildDiffPlan } from "../../../src/plan/buildDiffPlan";
import type { DiffPlan, PlanPolicyResult } from "../../../src/plan/model";
import { city, clone, department, graphOf, tenantResources, type FabricatedDepartment } from "./fabricate";

/** Representative pull requests on a 50-department, 27,000-user city, as plans. Shared by goldens and units. */
export const BASE_CITY: readonly FabricatedDepartment[] = city(50, 27_000);

function plan(
  head: FabricatedDepartment[],
  results: PlanPolicyResult[] = [],
  extraHead = tenantResources(),
): DiffPlan {
  return buildDiffPlan({
    header: {
      organization: "City",
      stack: "city",
      layers: ["landingZone", "identity", "m365", "teamsVoice"],
    },
    base: {
      ref: "origin/main",
      commit: "0123456789abcdef0123456789abcdef01234567",
      definitionPresent: true,
      path: "stacks/city",
    },
    baseGraph: graphOf(BASE_CITY),
    headGraph: graphOf(head, extraHead),
    policy: { evaluated: true, results },
    definitions: { base: definitionOf(BASE_CITY), head: definitionOf(head) },
  });
}

/**
 * The parts of a definition the plan reads beside the graphs (rank as written, membership, lifecycle, prices,
 * budgets), for fabricated departments: each tests `department` = its id, at the rank its grants carry.
 */
export function definitionOf(
  departments: readonly FabricatedDepartment[],
  change: (d: Department) => Department = (d) => d,
  retirements: TenantDefinition["tenant"]["platformApprovals"]["retirements"] = [],
): TenantDefinition {
  const dept = (f: FabricatedDepartment) =>
    change({
      id: f.id,
      lifecycle: "active",
      headcount: f.headcount,
      budget: { monthlyAmount: f.budget.amount },
      membership: { attribute: "department", values: [f.id] },
      ...(f.policies.length > 0 ? { teams: { rank: f.policies[0]!.rank } } : {}),
    } as Department);
  return {
    tenant: {
      // Prices and a cost threshold, so every scenario's plan carries the licence cost a reviewer sees.
      licensing: { prices: [{ sku: "SPE_E5", currency: "EUR", perSeatPerMonth: 54.75 }] },
      planRisks: { costIncreasePerMonth: 1000 },
      platformApprovals: { ranks: [], membershipRules: [], retirements },
    },
    departments: departments.map(dept),
    numbers: {},
  } as unknown as TenantDefinition;
}

function edit(fn: (departments: FabricatedDepartment[]) => void): FabricatedDepartment[] {
  const head = clone(BASE_CITY) as FabricatedDepartment[];
  fn(head);
  return head;
}

export const SCENARIOS: Record<string, () => DiffPlan> = {
  /** One user's number changes (a free number in the same block). */
  "one-user-moved": () =>
    plan(
      edit((d) => {
        d[6]!.numbers[42]!.number = "+34910799999";
      }),
    ),
  /** A new department with 120 users, licences, numbers and policies. */
  "new-department": () => plan(edit((d) => d.push(department(51, 120)))),
  /** Department d07 is retired: its file is deleted. */
  "department-removed": () => plan(edit((d) => d.splice(6, 1))),
  /** One number released. */
  "number-removed": () =>
    plan(
      edit((d) => {
        d[2]!.numbers.splice(7, 1);
      }),
    ),
  /** A department loses its emergency calling policy; the pack flags it. */
  "policy-violation": () =>
    plan(
      edit((d) => {
        d[9]!.policies = d[9]!.policies.filter((p) => p.policyType !== "TeamsEmergencyCallingPolicy");
      }),
      [
        {
          policy: "teams-voice-emergency-policy-assigned",
          severity: "critical",
          enforcementLevel: "mandatory",
          message: "Department d10 is voice-enabled but has no emergency calling policy assigned.",
          urn: "urn:pulumi:city::tenant::pulumi-nodejs:dynamic/tenant-teams:GroupPolicyAssignments::policies-d10",
          resourceName: "policies-d10",
          resourceType: "pulumi-nodejs:dynamic/tenant-teams:GroupPolicyAssignments",
        },
        {
          policy: "azure-required-tags",
          severity: "low",
          enforcementLevel: "advisory",
          message: "Resource group rg-city-d10 has no <owner> tag.",
          resourceName: "rg-city-d10",
        },
      ],
    ),
  /** A renumbering of 20,000 numbers across 40 departments, one licence removed, a budget cut: must collapse. */
  "huge-change": () =>
    plan(
      edit((d) => {
        let moved = 0;
        for (const dep of d) {
          for (const n of dep.numbers) {
            if (moved >= 20_000) break;
            n.number = `+${Number(n.number.slice(1)) + 50_000}`;
            moved++;
          }
        }
        d[0]!.skus = [];
        d[1]!.budget.amount = 500;
        d[3]!.location = "westeurope";
      }),
      [],
      tenantResources("security-desk-2"),
    ),
};
