/**
 * Per department with numbers: ONE NumberAssignments (src/teams/numbers, written by the numbers work of
 * issue 5) holding the department's whole set, with `locationIds` from the EmergencyAddress outputs and
 * created after the department's group policy assignments (a number's user should already have the voice
 * policies when the number lands).
 */
import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "../config/definition";
import { findRange } from "../config/numberRanges";
import { slugify } from "../naming";
import type { NumberAssignmentsInputs } from "../resourceTypes";
import { NumberAssignments } from "./numbers";

export interface NumberAssignmentsArgs {
  department: string;
  assignments: NumberAssignmentsInputs["assignments"];
  intentionalRemovals?: NumberAssignmentsInputs["intentionalRemovals"];
  /** Definition location id → Teams LIS LocationId (from the EmergencyAddress resources). */
  locationIds: pulumi.Input<Record<string, string>>;
}

export interface NumbersWiring {
  org: string;
  locationIds: pulumi.Input<Record<string, string>>;
  /** Keyed by department id. */
  groupAssignments: Record<string, pulumi.Resource>;
  addresses: pulumi.Resource[];
  /** Keyed by department id: the group's licences, when deployed in this stack (numbers need Teams Phone). */
  licences: Record<string, pulumi.Resource>;
  opts?: pulumi.CustomResourceOptions;
}

export function numbersResourceName(org: string, department: string): string {
  return `tv-${slugify(org)}-numbers-${department}`;
}

/** The department's numbers file as NumberAssignments inputs; the number type comes from its range. */
export function departmentNumberArgs(
  definition: TenantDefinition,
  department: string,
): Omit<NumberAssignmentsArgs, "locationIds"> | undefined {
  const rows = definition.numbers[department] ?? [];
  const dept = definition.departments.find((d) => d.id === department);
  const removals = dept?.intentionalRemovals;
  if (rows.length === 0 && (removals?.numbers.length ?? 0) === 0) return undefined;
  const assignments = rows.map((r) => {
    const range = findRange(definition.tenant.numberRanges, r.number);
    if (!range) throw new Error(`Number ${r.number} of department '${department}' is in no number range.`);
    return {
      userPrincipalName: r.userPrincipalName,
      number: r.number,
      numberType: range.type,
      emergencyLocation: r.emergencyLocation,
      category: r.category,
    };
  });
  return {
    department,
    assignments,
    ...(removals
      ? { intentionalRemovals: { numbers: [...removals.numbers], skus: [...removals.skus] } }
      : {}),
  };
}

/**
 * The location map a department's resource carries: only the locations its own entries use. The whole city's
 * map in every department would be stored 50 times over (0.5 MB of state at Madrid scale, twice) and would show
 * each department every other department's locations.
 */
export function locationIdsUsed(
  all: Readonly<Record<string, string>> | undefined,
  assignments: readonly { emergencyLocation: string }[],
): Record<string, string> {
  const used: Record<string, string> = {};
  for (const location of new Set(assignments.map((a) => a.emergencyLocation)).values()) {
    const id = all?.[location];
    // A location the city does not define stays out: NumberAssignments then names it in its input error.
    if (id !== undefined) used[location] = id;
  }
  return Object.fromEntries(Object.entries(used).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function teamsNumbersFor(
  definition: TenantDefinition,
  wiring: NumbersWiring,
): Record<string, pulumi.Resource> {
  const out: Record<string, pulumi.Resource> = {};
  for (const department of definition.departments) {
    const args = departmentNumberArgs(definition, department.id);
    if (!args) continue;
    const grants = wiring.groupAssignments[department.id];
    const licences = wiring.licences[department.id];
    out[department.id] = new NumberAssignments(
      numbersResourceName(wiring.org, department.id),
      {
        ...args,
        locationIds: pulumi.output(wiring.locationIds).apply((all) => locationIdsUsed(all, args.assignments)),
      },
      {
        ...wiring.opts,
        dependsOn: [...(grants ? [grants] : []), ...(licences ? [licences] : []), ...wiring.addresses],
      },
    );
  }
  return out;
}
