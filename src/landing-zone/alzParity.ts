import { ARCHETYPE_ASSIGNMENTS } from "./archetypes";

/** One assignment of the Azure Landing Zones library, as the vendored reference lists it. */
export interface AlzAssignment {
  library: string;
  assignment: string;
  displayName: string;
  policyDefinitionId: string;
  builtIn: boolean;
  archetypes: string[];
}

/**
 * Why an ALZ assignment whose definition is built in is not adopted. Each reason says what it would take, so
 * the list is a backlog, not an excuse.
 */
export const NOT_ADOPTED_BUILT_IN: Readonly<Record<string, string>> = {
  "Enable-DDoS-VNET":
    "needs a DDoS protection plan (a fixed monthly charge per tenant), which the definition does not buy; ALZ itself says to set the assignment to DoNotEnforce without one",
  "Enforce-ALDO-Services": "archetype `local` (Azure Local / disconnected operations): the city has none",
};

/** An ALZ custom set the toolkit assigns as its members, one assignment each. */
export interface CarriedSet {
  /** Our assignment keys, one per member of the set. */
  members: readonly string[];
  /** Every member as ALZ has it (same definition and values): with all members assigned, the set is adopted. */
  asAlz: boolean;
  /** What is carried (and, when not `asAlz`, how it differs). */
  note: string;
}

export const CUSTOM_SET_MEMBERS: Readonly<Record<string, CarriedSet>> = {
  "Enforce-ALZ-Sandbox": {
    members: ["Deny-HybridNetworking", "Deny-VNET-Peer-Cross-Sub"],
    asAlz: false,
    note: "its two members assigned at `sandbox`: `Deny-HybridNetworking` (built-in, ALZ's 9 types) and our copy of `Deny-VNET-Peer-Cross-Sub` (the hub allowed, since the city peers every spoke)",
  },
  "Enforce-ALZ-Decomm": {
    members: ["Deny-Decomm-Resources", "Deploy-Decomm-VM-Shutdn"],
    asAlz: true,
    note: "both assigned at `decommissioned`: its deny member as `Deny-Decomm-Resources` (built-in Allowed resource types, ALZ's 12 types) and its VM auto-shutdown member as `Deploy-Decomm-VM-Shutdn` (our copy of ALZ's custom `Deploy-Vm-autoShutdown`, ALZ's defaults, its identity holding Virtual Machine Contributor)",
  },
};

/** Where a set's members are all assigned at each of the set's archetypes, as ALZ has them: adopted. */
function setAdopted(a: AlzAssignment, set: CarriedSet, ours: ReadonlyMap<string, string[]>): boolean {
  const archetypes = a.archetypes.map(ourArchetype);
  return set.asAlz && set.members.every((key) => archetypes.every((x) => (ours.get(key) ?? []).includes(x)));
}

/** ALZ's archetype name (`alz/landing_zones`) → ours (`landingZones`). */
function ourArchetype(alz: string): string {
  const name = alz.replace(/^alz\//, "");
  return name === "landing_zones" ? "landingZones" : name;
}

/** Reason for a custom ALZ definition not carried by the toolkit. */
export function customReason(a: AlzAssignment): string {
  const set = CUSTOM_SET_MEMBERS[a.assignment];
  if (set) return `partly: ${set.note}`;
  const name = a.policyDefinitionId.split("/").pop();
  return `ALZ custom definition \`${name}\`; the toolkit does not carry a copy of it yet`;
}

export interface ParityRow {
  assignment: string;
  displayName: string;
  archetypes: string[];
  builtIn: boolean;
  adopted: boolean;
  /** Where adopted: our archetypes; else: why not. */
  note: string;
}

/**
 * Every ALZ (not SLZ) assignment, adopted (same assignment name in the archetype table, or an ALZ custom set whose
 * members are all assigned as ALZ has them) or with its reason.
 */
export function parityRows(
  library: readonly AlzAssignment[],
  table: Readonly<Record<string, readonly { key: string }[]>> = ARCHETYPE_ASSIGNMENTS,
): ParityRow[] {
  const ours = new Map<string, string[]>();
  for (const [archetype, specs] of Object.entries(table)) {
    for (const spec of specs) ours.set(spec.key, [...(ours.get(spec.key) ?? []), archetype]);
  }
  return library
    .filter((a) => a.library === "ALZ")
    .map((a) => {
      const at = ours.get(a.assignment);
      const set = a.builtIn ? undefined : CUSTOM_SET_MEMBERS[a.assignment];
      const asMembers = at === undefined && set !== undefined && setAdopted(a, set, ours);
      const note = at
        ? `adopted at ${at.map((x) => `\`${x}\``).join(", ")}`
        : asMembers
          ? `as its members: ${set.note}`
          : a.builtIn
            ? (NOT_ADOPTED_BUILT_IN[a.assignment] ?? "")
            : customReason(a);
      return {
        assignment: a.assignment,
        displayName: a.displayName,
        archetypes: a.archetypes.map((x) => x.replace(/^alz\//, "")),
        builtIn: a.builtIn,
        adopted: at !== undefined || asMembers,
        note,
      };
    })
    .sort((x, y) => Number(y.builtIn) - Number(x.builtIn) || x.assignment.localeCompare(y.assignment));
}

const percent = (n: number, of: number) => (of === 0 ? "0" : ((100 * n) / of).toFixed(0));

/** docs/alz-parity.md. */
export function formatParity(rows: readonly ParityRow[], source: string): string {
  const builtIn = rows.filter((r) => r.builtIn);
  const adoptedBuiltIn = builtIn.filter((r) => r.adopted).length;
  const custom = rows.filter((r) => !r.builtIn);
  const adoptedCustom = custom.filter((r) => r.adopted).length;
  const table = (list: readonly ParityRow[]) => [
    `| ALZ assignment | ALZ archetypes | adopted | where, or why not |`,
    `| --- | --- | --- | --- |`,
    ...list.map(
      (r) =>
        `| \`${r.assignment}\` ${r.displayName.replace(/\|/g, "\\|")} | ${r.archetypes.join(", ")} | ${r.adopted ? "yes" : "no"} | ${r.note} |`,
    ),
  ];
  return [
    `# Azure Landing Zones parity`,
    ``,
    `<!-- Generated by \`npm run gen\` (tools/gen) from src/landing-zone/alzParity.ts and`,
    `     the vendored ${source}. Do not edit by hand. -->`,
    ``,
    `Every policy assignment of the ALZ library, adopted by the toolkit's baseline (same assignment name,`,
    `src/landing-zone/archetypes.ts; an ALZ custom set when all its members are assigned as ALZ has them) or not,`,
    `with the reason.`,
    ``,
    `- Built-in definitions: **${adoptedBuiltIn} of ${builtIn.length} adopted (${percent(adoptedBuiltIn, builtIn.length)}%)**.`,
    `- Custom ALZ definitions: ${adoptedCustom} of ${custom.length} adopted.`,
    ``,
    `## Assignments of built-in definitions`,
    ``,
    ...table(builtIn),
    ``,
    `## Assignments of custom ALZ definitions`,
    ``,
    ...table(custom),
    ``,
  ].join("\n");
}
