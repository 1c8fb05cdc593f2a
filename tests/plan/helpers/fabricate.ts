import { SecretValue, type RenderedGraph, type RenderedResource } from "../../../src/render/graph";
import {
  RESOURCE_TYPES,
  type GroupLicensesInputs,
  type GroupPolicyAssignmentsInputs,
  type NumberAssignmentsInputs,
} from "../../../src/resourceTypes";

/**
 * Fabricated rendered graphs in the shape the renderer produces (URNs, parents, department components) with
 * the toolkit's GroupLicenses / NumberAssignments / GroupPolicyAssignments inputs as resourceTypes.ts fixes
 * them, so the plan can be tested at any scale without rendering.
 */
const PROJECT = "tenant";
const STACK = "city";
const ROOT = `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`;

export interface FabricatedDepartment {
  id: string;
  headcount: number;
  skus: { sku: string; disabledPlans?: string[]; seatsOwned: number }[];
  numbers: NumberAssignmentsInputs["assignments"];
  policies: GroupPolicyAssignmentsInputs["assignments"];
  budget: { amount: number; thresholds: number[]; contacts: string[] };
  location: string;
}

function urn(type: string, name: string, parents: string[] = []): string {
  return `urn:pulumi:${STACK}::${PROJECT}::${[...parents, type].join("$")}::${name}`;
}

function resource(
  type: string,
  name: string,
  inputs: Record<string, unknown>,
  parent = ROOT,
  parents: string[] = [],
): RenderedResource {
  return {
    urn: urn(type, name, parents),
    type,
    name,
    custom: true,
    parent,
    dependencies: [],
    inputs,
    read: false,
  };
}

const DLZ = "tenant:department:DepartmentLandingZone";

export function departmentResources(d: FabricatedDepartment): RenderedResource[] {
  const component: RenderedResource = {
    urn: urn(DLZ, d.id),
    type: DLZ,
    name: d.id,
    custom: false,
    parent: ROOT,
    dependencies: [],
    inputs: {},
    read: false,
  };
  const tags = {
    department: d.id,
    costCenter: `CC-${d.id}`,
    managedBy: "tenant-provisioning",
    environment: STACK,
  };
  const rg = `rg-city-${d.id}`;
  const licences: GroupLicensesInputs = {
    department: d.id,
    groupId: `group-${d.id}`,
    headcount: d.headcount,
    licences: d.skus.map((s) => ({
      skuPartNumber: s.sku,
      disabledPlans: s.disabledPlans ?? [],
      seatsOwned: s.seatsOwned,
    })),
  };
  const numbers: NumberAssignmentsInputs = { department: d.id, assignments: d.numbers };
  const policies: GroupPolicyAssignmentsInputs = {
    department: d.id,
    groupId: `group-${d.id}`,
    assignments: d.policies,
  };
  const notifications = Object.fromEntries(
    d.budget.thresholds.map((t) => [
      `actual-ge-${t}-percent`,
      {
        enabled: true,
        operator: "GreaterThanOrEqualTo",
        threshold: t,
        thresholdType: "Actual",
        contactEmails: d.budget.contacts,
      },
    ]),
  );
  return [
    component,
    resource(
      "azure-native:resources:ResourceGroup",
      rg,
      { resourceGroupName: rg, location: d.location, tags },
      component.urn,
      [DLZ],
    ),
    resource(
      "azure-native:consumption:Budget",
      `budget-city-${d.id}`,
      {
        budgetName: `budget-city-${d.id}`,
        amount: d.budget.amount,
        category: "Cost",
        notifications,
        scope: `/subscriptions/x/resourceGroups/${rg}`,
      },
      component.urn,
      [DLZ],
    ),
    resource(RESOURCE_TYPES.groupLicenses, `licences-${d.id}`, { ...licences }),
    resource(RESOURCE_TYPES.numberAssignments, `numbers-${d.id}`, { ...numbers }),
    resource(RESOURCE_TYPES.groupPolicyAssignments, `policies-${d.id}`, { ...policies }),
  ];
}

/** A tenant-wide emergency calling policy and a provider with a secret, as the Teams layer would register. */
export function tenantResources(emergencyNotify = "security-desk"): RenderedResource[] {
  return [
    resource(RESOURCE_TYPES.emergencyCallingPolicy, "ecp-city-aviso", {
      name: "CITY-Aviso",
      notificationGroup: emergencyNotify,
    }),
    resource("pulumi:providers:tenant-graph", "graph", { clientSecret: new SecretValue("s3cret") }),
  ];
}

export function graphOf(
  departments: readonly FabricatedDepartment[],
  extra: RenderedResource[] = tenantResources(),
): RenderedGraph {
  const root: RenderedResource = {
    urn: ROOT,
    type: "pulumi:pulumi:Stack",
    name: `${PROJECT}-${STACK}`,
    custom: false,
    dependencies: [],
    inputs: {},
    read: false,
  };
  return {
    project: PROJECT,
    stack: STACK,
    resources: [root, ...departments.flatMap(departmentResources), ...extra],
  };
}

/** Department `d<i>` with `users` users, each with one number from its own block. */
export function department(
  i: number,
  users: number,
  overrides: Partial<FabricatedDepartment> = {},
): FabricatedDepartment {
  const id = `d${String(i).padStart(2, "0")}`;
  const block = 34910000000 + i * 100000;
  return {
    id,
    headcount: users,
    skus: [{ sku: "SPE_E5", seatsOwned: 30000 }],
    numbers: Array.from({ length: users }, (_, k) => ({
      userPrincipalName: `user${k}.${id}@city.example`,
      number: `+${block + k}`,
      numberType: "directRouting" as const,
      emergencyLocation: `${id}-hq`,
      category: "primary" as const,
    })),
    policies: [
      { policyType: "TeamsCallingPolicy", policyName: "CITY-Standard", rank: 10 },
      { policyType: "TeamsEmergencyCallingPolicy", policyName: "CITY-Aviso", rank: 10 },
    ],
    budget: { amount: 1000 + i, thresholds: [80, 100], contacts: [`owner@${id}.city.example`] },
    location: "spaincentral",
    ...overrides,
  };
}

/** A city of `count` departments and `users` users in all (numbers for everyone). */
export function city(count: number, users: number): FabricatedDepartment[] {
  return Array.from({ length: count }, (_, i) => department(i + 1, Math.floor(users / count)));
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}
