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
  "Audit-ZoneResiliency":
    "a 130-member audit set; zone resilience is decided per workload, not yet by the city",
  "Deny-Classic-Resources":
    "needs ALZ's 57-item list of classic resource types, which the vendored reference omits",
  "Deploy-ASC-Monitoring":
    "Microsoft cloud security benchmark: planned at root with Defender for Cloud (issue 14, baseline step)",
  "Deploy-AzSqlDb-Auditing": "DeployIfNotExists: needs its remediation identity and roles on the workspace",
  "Deploy-Diag-LogsCat":
    "DeployIfNotExists set: needs its identity with Monitoring and Log Analytics Contributor on the workspace",
  "Deploy-GuestAttest":
    "DeployIfNotExists set for trusted-launch VMs: needs an attestation endpoint the city has not chosen",
  "Deploy-MCSB2-Monitoring":
    "MCSB v2 (preview) has DeployIfNotExists/Modify members: needs an identity and roles; v1 is assigned",
  "Deploy-MDEndpoints":
    "DeployIfNotExists set for the Defender for Endpoint agents: needs an identity and roles (the plans themselves are set directly, landingZone.defender)",
  "Deploy-MDEndpointsAMA":
    "DeployIfNotExists set for the Defender for Endpoint agents: needs an identity and roles",
  "Deploy-MDFC-DefSQL-AMA": "Defender for SQL on machines: needs a data collection rule and workspace region",
  "Deploy-MDFC-OssDb":
    "DeployIfNotExists: replaced by setting the plan directly (landingZone.defender, `OpenSourceRelationalDatabases`)",
  "Deploy-MDFC-SqlAtp":
    "DeployIfNotExists: replaced by setting the plan directly (landingZone.defender, `SqlServers`)",
  "Deploy-SQL-TDE": "DeployIfNotExists: needs its remediation identity and SQL Contributor",
  "Deploy-SQL-Threat": "DeployIfNotExists: needs its remediation identity and SQL Security Manager",
  "Deploy-SvcHealth-BuiltIn": "needs an action group (who is paged) the definition does not name yet",
  "Deploy-VM-Backup": "needs a Recovery Services vault per region and its backup policy",
  "Deploy-VM-ChangeTrack":
    "needs a data collection rule and a user-assigned identity for Azure Monitor Agent",
  "Deploy-VM-Monitoring": "needs a data collection rule and a user-assigned identity for Azure Monitor Agent",
  "Deploy-VMSS-ChangeTrack":
    "needs a data collection rule and a user-assigned identity for Azure Monitor Agent",
  "Deploy-VMSS-Monitoring":
    "needs a data collection rule and a user-assigned identity for Azure Monitor Agent",
  "Deploy-vmArc-ChangeTrack": "Arc servers: the city runs none",
  "Deploy-vmHybr-Monitoring": "Arc servers: the city runs none",
  "Enable-DDoS-VNET": "needs a DDoS protection plan, which the definition does not buy",
  "Enforce-ALDO-Services": "archetype `local` (Azure Local / disconnected operations): the city has none",
};

/** Reason for a custom ALZ definition not carried by the toolkit. */
export function customReason(a: AlzAssignment): string {
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

/** Every ALZ (not SLZ) assignment, adopted (same assignment name in ARCHETYPE_ASSIGNMENTS) or with its reason. */
export function parityRows(library: readonly AlzAssignment[]): ParityRow[] {
  const ours = new Map<string, string[]>();
  for (const [archetype, specs] of Object.entries(ARCHETYPE_ASSIGNMENTS)) {
    for (const spec of specs) ours.set(spec.key, [...(ours.get(spec.key) ?? []), archetype]);
  }
  return library
    .filter((a) => a.library === "ALZ")
    .map((a) => {
      const at = ours.get(a.assignment);
      const note = at
        ? `adopted at ${at.map((x) => `\`${x}\``).join(", ")}`
        : a.builtIn
          ? (NOT_ADOPTED_BUILT_IN[a.assignment] ?? "")
          : customReason(a);
      return {
        assignment: a.assignment,
        displayName: a.displayName,
        archetypes: a.archetypes.map((x) => x.replace(/^alz\//, "")),
        builtIn: a.builtIn,
        adopted: at !== undefined,
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
    `src/landing-zone/archetypes.ts) or not, with the reason.`,
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
