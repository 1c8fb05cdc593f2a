import type { Archetype } from "../config/schema/landingZone";
import { PLATFORM_COST_CENTER, PLATFORM_DEPARTMENT, REQUIRED_RESOURCE_GROUP_TAGS, TAG_KEYS } from "../tags";
import * as alz from "./alzBuiltInAssignments";
import type { AssignmentSpec } from "./assignmentSpec";
import { identityNeeds } from "./remediation";
import {
  ALLOWED_TAG_VALUES_ON_RESOURCE_GROUPS,
  AZURE_CREATED_RESOURCE_GROUPS,
  customRemediationRoles,
  DENY_PEERING_OUTSIDE_SUBSCRIPTION,
  DEPLOY_VM_AUTO_SHUTDOWN,
  REQUIRE_TAG_ON_RESOURCE_GROUPS,
  TAG_AZURE_CREATED_RESOURCE_GROUPS,
} from "./customPolicyDefinitions";

/**
 * Archetype → policy assignments, as data (the avm-ptn-alz idea: an archetype names a bundle of
 * assignments; a management group lists archetypes). Every built-in below is in
 * tests/landing-zone/reference/builtin-policies.json (from Azure/azure-policy, provenance in its README) with the
 * GUID, parameter names, `{ value }` shapes and allowed values used here; tests/landing-zone/policyReference.test.ts
 * checks each rendered assignment against that file.
 */

export type { AssignmentSpec, BaselineContext, ParameterValues, PolicyReference } from "./assignmentSpec";

// --- root ------------------------------------------------------------------------------------------

/**
 * "Allowed locations" e56962a6 (Indexed: resources). `effect` is left out on purpose: version 1.1.0 added it
 * (default Deny) and 1.0.0 has a fixed deny; a tenant still on 1.0.0 would reject the parameter. Both
 * versions deny, so leaving it out keeps the deny everywhere (reference README, point 1).
 */
export const DENY_RESOURCE_LOCATIONS: AssignmentSpec = {
  key: "Deny-Resource-Locations",
  displayName: "Allowed locations for resources",
  description: "Resources may only be created in the regions listed in landingZone.allowedRegions.",
  policy: { builtIn: "policyDefinitions", name: "e56962a6-4747-49cd-b67b-bf8b01975c4c" },
  parameters: (ctx) => ({ listOfAllowedLocations: { value: [...ctx.allowedRegions] } }),
  nonComplianceMessage: "This region is not allowed. Use one of the regions in landingZone.allowedRegions.",
};

/** "Allowed locations for resource groups" e765b5de (mode All): the same list for the groups themselves. */
export const DENY_RESOURCE_GROUP_LOCATIONS: AssignmentSpec = {
  key: "Deny-RG-Locations",
  displayName: "Allowed locations for resource groups",
  description: "Resource groups may only be created in the regions listed in landingZone.allowedRegions.",
  policy: { builtIn: "policyDefinitions", name: "e765b5de-1225-4ba3-bd56-1ac6695af988" },
  parameters: (ctx) => ({ listOfAllowedLocations: { value: [...ctx.allowedRegions] } }),
  nonComplianceMessage:
    "This region is not allowed for resource groups. Use one of the regions in landingZone.allowedRegions.",
};

/**
 * A tag every resource group must carry, once per required tag. Not the built-in "Require a tag on resource groups"
 * (96670d01): its deny would break the groups Azure creates itself (NetworkWatcherRG, AzureBackupRG_*), so the
 * custom copy exempts those by name and `tagAzureCreatedResourceGroups` tags them instead.
 */
export function requireResourceGroupTag(tag: string): AssignmentSpec {
  return {
    key: `Req-RG-Tag-${tag}`,
    displayName: `Require the '${tag}' tag on resource groups`,
    description: `Every resource group carries a '${tag}' tag, so its cost can be charged back.`,
    policy: { custom: REQUIRE_TAG_ON_RESOURCE_GROUPS },
    parameters: () => ({
      tagName: { value: tag },
      exemptResourceGroups: { value: [...AZURE_CREATED_RESOURCE_GROUPS] },
    }),
    nonComplianceMessage: `Resource groups need a '${tag}' tag. Add it (the toolkit sets it from the department file).`,
  };
}

/** The platform's value of a required tag on the resource groups Azure creates (Modify, add only). */
export function tagAzureCreatedResourceGroups(tag: string): AssignmentSpec {
  return {
    key: `Tag-AzureRG-${tag}`.slice(0, 24),
    displayName: `Tag the resource groups Azure creates with '${tag}'`,
    description: `Resource groups Azure creates itself get '${tag}: ${PLATFORM_TAG_VALUES[tag] ?? PLATFORM_DEPARTMENT}'.`,
    policy: { custom: TAG_AZURE_CREATED_RESOURCE_GROUPS },
    parameters: () => ({
      tagName: { value: tag },
      tagValue: { value: PLATFORM_TAG_VALUES[tag] ?? PLATFORM_DEPARTMENT },
      exemptResourceGroups: { value: [...AZURE_CREATED_RESOURCE_GROUPS] },
    }),
    nonComplianceMessage: `Resource groups Azure creates are tagged '${tag}' for the platform.`,
    remediationRoles: customRemediationRoles(TAG_AZURE_CREATED_RESOURCE_GROUPS),
  };
}

/** The platform's values of the required tags. */
const PLATFORM_TAG_VALUES: Readonly<Record<string, string>> = {
  [TAG_KEYS.department]: PLATFORM_DEPARTMENT,
  [TAG_KEYS.costCenter]: PLATFORM_COST_CENTER,
};

/** Custom: the `department` tag must name a known department (or the platform). */
export const DENY_UNKNOWN_DEPARTMENT_TAG: AssignmentSpec = {
  key: "Deny-RG-Dept-Values",
  displayName: "Resource groups name a known department",
  description: "The 'department' tag of a resource group must be a department id from the tenant definition.",
  policy: { custom: ALLOWED_TAG_VALUES_ON_RESOURCE_GROUPS },
  parameters: (ctx) => ({
    tagName: { value: TAG_KEYS.department },
    allowedValues: { value: [PLATFORM_DEPARTMENT, ...ctx.departmentIds] },
    effect: { value: "Deny" },
  }),
  nonComplianceMessage:
    "The 'department' tag must be a department id from the tenant definition (or 'platform').",
};

/** ALZ `Audit-ResourceRGLocation`: built-in 0a914e76, effect left at its default (Audit). */
export const AUDIT_RESOURCE_RG_LOCATION: AssignmentSpec = {
  key: "Audit-ResourceRGLocation",
  displayName: "Resource group and resource locations should match",
  description: "Audits resources whose region differs from their resource group's.",
  policy: { builtIn: "policyDefinitions", name: "0a914e76-4921-4c19-b460-a2d36003525a" },
  nonComplianceMessage: "Create the resource in its resource group's region.",
};

/**
 * ALZ `Deploy-AzActivity-Log`: built-in 2465583e (DeployIfNotExists) sends every subscription's activity log
 * to the central workspace. Its roleDefinitionIds (Azure/azure-policy DataConnectorsAzureActivity.json) are
 * Monitoring Contributor and Log Analytics Contributor; the identity gets both at the assignment scope.
 */
export const DEPLOY_ACTIVITY_LOG: AssignmentSpec = {
  key: "Deploy-AzActivity-Log",
  displayName: "Stream activity logs to the central Log Analytics workspace",
  description:
    "Deploys a diagnostic setting on every subscription that sends its activity log to the workspace.",
  policy: { builtIn: "policyDefinitions", name: "2465583e-4e78-4c15-b6be-a36cbc7c8b0f" },
  parameters: (ctx) => ({
    logAnalytics: { value: ctx.workspaceId },
    logsEnabled: { value: "True" },
  }),
  nonComplianceMessage: "Subscriptions must send their activity log to the central Log Analytics workspace.",
  ...identityNeeds("2465583e-4e78-4c15-b6be-a36cbc7c8b0f"),
  writeScopes: (ctx) => [ctx.workspaceId],
};

// --- landing zones, corp, identity -------------------------------------------------------------------

/**
 * ALZ `Deny-Public-IP`: there is no built-in "public IPs should be disabled"; ALZ uses "Not allowed resource
 * types" 6c112d4e with the public IP type (reference README, point 3).
 */
export const DENY_PUBLIC_IP: AssignmentSpec = {
  key: "Deny-Public-IP",
  displayName: "Deny the creation of public IP addresses",
  description: "Workloads here reach the internet through the hub, never through their own public IP.",
  policy: { builtIn: "policyDefinitions", name: "6c112d4e-5bc7-47ae-a041-ea2d9dccd749" },
  parameters: () => ({
    listOfResourceTypesNotAllowed: { value: ["Microsoft.Network/publicIPAddresses"] },
    effect: { value: "Deny" },
  }),
  nonComplianceMessage:
    "Public IP addresses are not allowed here. Publish through the hub, or move the department to 'online'.",
};

/** ALZ `Deny-Public-IP-On-NIC`: built-in 83a86a26, no parameters. */
export const DENY_PUBLIC_IP_ON_NIC: AssignmentSpec = {
  key: "Deny-Public-IP-On-NIC",
  displayName: "Deny network interfaces having a public IP",
  description: "Network interfaces may not carry a public IP address.",
  policy: { builtIn: "policyDefinitions", name: "83a86a26-fd1f-447c-b59d-e51f44264114" },
  nonComplianceMessage: "Network interfaces here may not have a public IP.",
};

/** ALZ `Deny-IP-forwarding`: built-in 88c0b9da, no parameters; only the hub may route. */
export const DENY_IP_FORWARDING: AssignmentSpec = {
  key: "Deny-IP-forwarding",
  displayName: "Network interfaces should disable IP forwarding",
  description: "Only the hub routes traffic; a spoke NIC that forwards packets bypasses it.",
  policy: { builtIn: "policyDefinitions", name: "88c0b9da-ce96-4b03-9635-f29a937e2900" },
  nonComplianceMessage: "IP forwarding is not allowed on network interfaces in a landing zone.",
};

/** ALZ `Deny-Storage-http`: built-in 404c3081 with effect Deny (its default is Audit). */
export const DENY_STORAGE_HTTP: AssignmentSpec = {
  key: "Deny-Storage-http",
  displayName: "Secure transfer to storage accounts should be enabled",
  description: "Storage accounts must refuse plain HTTP.",
  policy: { builtIn: "policyDefinitions", name: "404c3081-a854-4457-ae30-26a93ef643f9" },
  parameters: () => ({ effect: { value: "Deny" } }),
  nonComplianceMessage: "Enable 'secure transfer required' on the storage account.",
};

/**
 * ALZ `Deploy-ASC-Monitoring`: the Microsoft cloud security benchmark initiative 1f3afdf9 at root, with its
 * defaults (audit effects only, so no identity); Defender for Cloud's secure score is computed from it.
 */
export const MCSB: AssignmentSpec = {
  key: "Deploy-ASC-Monitoring",
  displayName: "Microsoft cloud security benchmark",
  description: "The benchmark Defender for Cloud scores every subscription against.",
  policy: { builtIn: "policySetDefinitions", name: "1f3afdf9-d0c9-4c3d-847f-89da613e70a8" },
  nonComplianceMessage: "See the recommendation in Defender for Cloud for how to meet the benchmark.",
};

/** ALZ `Deny-UnmanagedDisk`: built-in 06a78e20 (audit only in this version), no parameters. */
export const AUDIT_UNMANAGED_DISK: AssignmentSpec = {
  key: "Deny-UnmanagedDisk",
  displayName: "Virtual machines should use managed disks",
  description:
    "Flags virtual machines and scale sets whose disks are unmanaged (page blobs in storage accounts).",
  policy: { builtIn: "policyDefinitions", name: "06a78e20-9358-41c9-923c-fb736d382a4d" },
  nonComplianceMessage: "Use managed disks for virtual machines and scale sets.",
};

/** ALZ `Audit-AppGW-WAF`: built-in 564feb30 with effect Audit. */
export const AUDIT_APPGW_WAF: AssignmentSpec = {
  key: "Audit-AppGW-WAF",
  displayName: "Web Application Firewall should be enabled for Application Gateway",
  description: "Application gateways that publish department services should run the WAF.",
  policy: { builtIn: "policyDefinitions", name: "564feb30-bf6a-4854-b4bb-0d2d2d1e6c66" },
  parameters: () => ({ effect: { value: "Audit" } }),
  nonComplianceMessage: "Enable the Web Application Firewall on the application gateway.",
};

/** ALZ `Deny-Priv-Esc-AKS`: built-in 1c6e92c9 with effect Deny. */
export const DENY_AKS_PRIVILEGE_ESCALATION: AssignmentSpec = {
  key: "Deny-Priv-Esc-AKS",
  displayName: "Kubernetes clusters should not allow container privilege escalation",
  description: "Containers in AKS may not escalate their privileges.",
  policy: { builtIn: "policyDefinitions", name: "1c6e92c9-99f0-4e55-9cf2-0c234dc48f99" },
  parameters: () => ({ effect: { value: "Deny" } }),
  nonComplianceMessage: "Set allowPrivilegeEscalation: false on every container.",
};

/** ALZ `Deny-Privileged-AKS`: built-in 95edb821 with effect Deny. */
export const DENY_AKS_PRIVILEGED: AssignmentSpec = {
  key: "Deny-Privileged-AKS",
  displayName: "Kubernetes clusters should not allow privileged containers",
  description: "Privileged containers in AKS are refused.",
  policy: { builtIn: "policyDefinitions", name: "95edb821-ddaf-4404-9732-666045e056b4" },
  parameters: () => ({ effect: { value: "Deny" } }),
  nonComplianceMessage: "Run the container unprivileged.",
};

/** ALZ `Enforce-AKS-HTTPS`: built-in 1a5b4dca with effect Deny. */
export const ENFORCE_AKS_HTTPS: AssignmentSpec = {
  key: "Enforce-AKS-HTTPS",
  displayName: "Kubernetes clusters should be accessible only over HTTPS",
  description: "AKS ingresses must use HTTPS.",
  policy: { builtIn: "policyDefinitions", name: "1a5b4dca-0b6f-4cf5-907c-56316bc1bf3d" },
  parameters: () => ({ effect: { value: "Deny" } }),
  nonComplianceMessage: "Serve the ingress over HTTPS.",
};

/** ALZ `Enforce-Subnet-Private`: built-in 7bca8353 with effect Audit (subnets without default outbound access). */
export const AUDIT_SUBNET_PRIVATE: AssignmentSpec = {
  key: "Enforce-Subnet-Private",
  displayName: "Subnets should be private",
  description:
    "Subnets should not rely on Azure's default outbound access; egress goes through the hub firewall.",
  policy: { builtIn: "policyDefinitions", name: "7bca8353-aa3b-429b-904a-9229c4385837" },
  parameters: () => ({ effect: { value: "Audit" } }),
  nonComplianceMessage:
    "Set defaultOutboundAccess: false on the subnet; egress goes through the hub firewall.",
};

/**
 * ALZ `Deny-HybridNetworking` (corp): "Not allowed resource types" 6c112d4e with the hybrid-connectivity types, so
 * only the connectivity hub owns gateways and WAN links. The list is ours (the vendored reference omits ALZ's
 * 9-item array); it names the same kinds of resources: ExpressRoute, VPN, virtual WAN and gateways.
 */
export const DENY_HYBRID_NETWORKING: AssignmentSpec = {
  key: "Deny-HybridNetworking",
  displayName: "Deny the deployment of vWAN/ER/VPN gateway resources",
  description: "Connections to the city's sites and the internet edge belong to the connectivity hub.",
  policy: { builtIn: "policyDefinitions", name: "6c112d4e-5bc7-47ae-a041-ea2d9dccd749" },
  parameters: () => ({
    listOfResourceTypesNotAllowed: {
      value: [
        "Microsoft.Network/expressRouteCircuits",
        "Microsoft.Network/expressRouteGateways",
        "Microsoft.Network/expressRoutePorts",
        "Microsoft.Network/virtualWans",
        "Microsoft.Network/virtualHubs",
        "Microsoft.Network/vpnGateways",
        "Microsoft.Network/p2sVpnGateways",
        "Microsoft.Network/vpnSites",
        "Microsoft.Network/virtualNetworkGateways",
      ],
    },
    effect: { value: "Deny" },
  }),
  nonComplianceMessage: "Gateways and WAN links belong to the connectivity hub; ask the platform team.",
};

// --- sandbox, decommissioned ---------------------------------------------------------------------------

/** Member `SandboxDenyVnetPeering` of ALZ's `Enforce-ALZ-Sandbox`, the hub allowed (the city peers every spoke). */
export const DENY_SANDBOX_PEERING: AssignmentSpec = {
  key: "Deny-VNET-Peer-Cross-Sub",
  displayName: "Deny virtual network peering outside the subscription",
  description: "A sandbox peers only inside its own subscription, or with the hub.",
  policy: { custom: DENY_PEERING_OUTSIDE_SUBSCRIPTION },
  parameters: (ctx) => ({
    allowedVnets: { value: [ctx.hubVirtualNetworkId] },
    effect: { value: "Deny" },
  }),
  nonComplianceMessage: "Sandboxes are isolated: peer only within the subscription (or with the hub).",
};

/**
 * Member `DecomDenyResources` of ALZ's `Enforce-ALZ-Decomm`: "Allowed resource types" a08ec900 with ALZ's list
 * (platform/alz/policy_assignments/Enforce-ALZ-Decomm.alz_policy_assignment.json @ faae8cc). `effect` left out,
 * as for "Allowed locations" (version 1.0.0 has none; both deny).
 */
export const DENY_DECOMMISSIONED_RESOURCES: AssignmentSpec = {
  key: "Deny-Decomm-Resources",
  displayName: "Decommissioned subscriptions take no new resources",
  description: "Only access control, locks, policy and tags may be created in a decommissioned subscription.",
  policy: { builtIn: "policyDefinitions", name: "a08ec900-254a-4555-9bf5-e42af04b5c5c" },
  parameters: () => ({
    listOfResourceTypesAllowed: {
      value: [
        "microsoft.consumption/tags",
        "microsoft.authorization/roleassignments",
        "microsoft.authorization/roledefinitions",
        "microsoft.authorization/policyassignments",
        "microsoft.authorization/locks",
        "microsoft.authorization/policydefinitions",
        "microsoft.authorization/policysetdefinitions",
        "microsoft.resources/tags",
        "microsoft.authorization/roleeligibilityschedules",
        "microsoft.authorization/roleeligibilityscheduleinstances",
        "microsoft.authorization/roleassignmentschedules",
        "microsoft.authorization/roleassignmentscheduleinstances",
      ],
    },
  }),
  nonComplianceMessage: "This subscription is decommissioned: nothing new may be created in it.",
};

/**
 * Member `DecomShutdownMachines` of ALZ's `Enforce-ALZ-Decomm`: our copy of ALZ's `Deploy-Vm-autoShutdown`
 * (DeployIfNotExists), with ALZ's defaults as the set passes none (daily at 00:00 UTC, no notification). The
 * identity gets the definition's role, Virtual Machine Contributor, to write each VM's shutdown schedule.
 */
export const DEPLOY_DECOMMISSIONED_VM_SHUTDOWN: AssignmentSpec = {
  key: "Deploy-Decomm-VM-Shutdn",
  displayName: "Shut down the virtual machines of decommissioned subscriptions",
  description:
    "Every virtual machine here gets a daily shutdown schedule (00:00 UTC), so it stops costing compute.",
  policy: { custom: DEPLOY_VM_AUTO_SHUTDOWN },
  nonComplianceMessage:
    "This subscription is decommissioned: its virtual machines are shut down every night.",
  remediationRoles: customRemediationRoles(DEPLOY_VM_AUTO_SHUTDOWN),
};

/** What ALZ assigns at both platform and landing zones: agents, guest attestation and Defender for SQL on VMs. */
const AGENT_AND_VM_BASELINE: readonly AssignmentSpec[] = [
  alz.DEPLOY_GUEST_ATTESTATION,
  alz.DEPLOY_VM_CHANGE_TRACKING,
  alz.DEPLOY_VMSS_CHANGE_TRACKING,
  alz.DEPLOY_VM_MONITORING,
  alz.DEPLOY_VMSS_MONITORING,
  alz.DEPLOY_ARC_CHANGE_TRACKING,
  alz.DEPLOY_ARC_MONITORING,
  alz.DEPLOY_DEFENDER_SQL_AMA,
];

/**
 * The table. Archetypes without assignments are listed so the table is total over the schema's archetypes.
 * PaaS "public network access disabled" is a custom 45-member set in ALZ (`Deny-PublicPaaSEndpoints`), not a
 * built-in, so corp has the two built-in public-IP denials only.
 */
export const ARCHETYPE_ASSIGNMENTS: Readonly<Record<Archetype, readonly AssignmentSpec[]>> = {
  root: [
    DENY_RESOURCE_LOCATIONS,
    DENY_RESOURCE_GROUP_LOCATIONS,
    ...REQUIRED_RESOURCE_GROUP_TAGS.map(requireResourceGroupTag),
    ...REQUIRED_RESOURCE_GROUP_TAGS.map(tagAzureCreatedResourceGroups),
    DENY_UNKNOWN_DEPARTMENT_TAG,
    AUDIT_RESOURCE_RG_LOCATION,
    DEPLOY_ACTIVITY_LOG,
    AUDIT_UNMANAGED_DISK,
    MCSB,
    alz.DENY_CLASSIC_RESOURCES,
    alz.AUDIT_ZONE_RESILIENCY,
    alz.DEPLOY_DIAGNOSTIC_LOGS,
    alz.DEPLOY_MCSB2,
    alz.DEPLOY_DEFENDER_ENDPOINT,
    alz.DEPLOY_DEFENDER_ENDPOINT_SETTINGS,
    alz.DEPLOY_DEFENDER_OSS_DB,
    alz.DEPLOY_DEFENDER_SQL,
    alz.DEPLOY_SERVICE_HEALTH_ALERTS,
  ],
  platform: [AUDIT_SUBNET_PRIVATE, ...AGENT_AND_VM_BASELINE],
  management: [],
  connectivity: [],
  identity: [DENY_PUBLIC_IP, alz.DEPLOY_VM_BACKUP],
  landingZones: [
    DENY_IP_FORWARDING,
    DENY_STORAGE_HTTP,
    AUDIT_APPGW_WAF,
    DENY_AKS_PRIVILEGE_ESCALATION,
    DENY_AKS_PRIVILEGED,
    ENFORCE_AKS_HTTPS,
    AUDIT_SUBNET_PRIVATE,
    ...AGENT_AND_VM_BASELINE,
    alz.DEPLOY_SQL_AUDITING,
    alz.DEPLOY_SQL_TDE,
    alz.DEPLOY_SQL_THREAT_DETECTION,
    alz.DEPLOY_VM_BACKUP,
  ],
  corp: [DENY_PUBLIC_IP, DENY_PUBLIC_IP_ON_NIC, DENY_HYBRID_NETWORKING],
  online: [],
  // ALZ's `Enforce-ALZ-Sandbox` set, as its members: no hybrid networking, no peering out of the subscription.
  sandbox: [DENY_HYBRID_NETWORKING, DENY_SANDBOX_PEERING],
  // ALZ's `Enforce-ALZ-Decomm` set, as its members: nothing but access control, locks and tags may be created,
  // and the virtual machines left behind are shut down every night.
  decommissioned: [DENY_DECOMMISSIONED_RESOURCES, DEPLOY_DECOMMISSIONED_VM_SHUTDOWN],
};
