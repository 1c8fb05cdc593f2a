import type { AssignmentSpec } from "./assignmentSpec";
import { identityNeeds } from "./remediation";
import { PLATFORM_COST_CENTER, PLATFORM_DEPARTMENT, TAG_KEYS } from "../tags";

const platformTagsFor = (workload: string) => ({
  [TAG_KEYS.department]: PLATFORM_DEPARTMENT,
  [TAG_KEYS.costCenter]: PLATFORM_COST_CENTER,
  [TAG_KEYS.workload]: workload,
  _created_by_policy: true,
});

/**
 * The ALZ assignments of built-in definitions beyond the first baseline, with ALZ's parameters
 * (tests/landing-zone/reference/alz-policy-assignments.json, Azure-Landing-Zones-Library @ faae8cc) where the
 * library sets them, and the city's own resources where ALZ has a placeholder (workspace, data collection rules,
 * the agent identity). Assignments that deploy take their roles and remediation members from the vendored
 * definitions (`identityNeeds`); `writeScopes` names what they write to outside their management group.
 */

const builtIn = (name: string) => ({ builtIn: "policyDefinitions" as const, name });
const builtInSet = (name: string) => ({ builtIn: "policySetDefinitions" as const, name });

/** ALZ `Deny-Classic-Resources`: its 57 classic types (platform/alz/policy_assignments/Deny-Classic-Resources.alz_policy_assignment.json @ faae8cc). */
export const CLASSIC_RESOURCE_TYPES: readonly string[] = [
  ...[
    "capabilities",
    "checkDomainNameAvailability",
    "domainNames",
    "domainNames/capabilities",
    "domainNames/internalLoadBalancers",
    "domainNames/serviceCertificates",
    "domainNames/slots",
    "domainNames/slots/roles",
    "domainNames/slots/roles/metricDefinitions",
    "domainNames/slots/roles/metrics",
    "moveSubscriptionResources",
    "operatingSystemFamilies",
    "operatingSystems",
    "operations",
    "operationStatuses",
    "quotas",
    "resourceTypes",
    "validateSubscriptionMoveAvailability",
    "virtualMachines",
    "virtualMachines/diagnosticSettings",
    "virtualMachines/metricDefinitions",
    "virtualMachines/metrics",
  ].map((t) => `Microsoft.ClassicCompute/${t}`),
  "Microsoft.ClassicInfrastructureMigrate/classicInfrastructureResources",
  ...[
    "capabilities",
    "expressRouteCrossConnections",
    "expressRouteCrossConnections/peerings",
    "gatewaySupportedDevices",
    "networkSecurityGroups",
    "operations",
    "quotas",
    "reservedIps",
    "virtualNetworks",
    "virtualNetworks/remoteVirtualNetworkPeeringProxies",
    "virtualNetworks/virtualNetworkPeerings",
  ].map((t) => `Microsoft.ClassicNetwork/${t}`),
  ...[
    "capabilities",
    "checkStorageAccountAvailability",
    "disks",
    "images",
    "operations",
    "osImages",
    "osPlatformImages",
    "publicImages",
    "quotas",
    "storageAccounts",
    "storageAccounts/blobServices",
    "storageAccounts/fileServices",
    "storageAccounts/metricDefinitions",
    "storageAccounts/metrics",
    "storageAccounts/queueServices",
    "storageAccounts/services",
    "storageAccounts/services/diagnosticSettings",
    "storageAccounts/services/metricDefinitions",
    "storageAccounts/services/metrics",
    "storageAccounts/tableServices",
    "storageAccounts/vmImages",
    "vmImages",
  ].map((t) => `Microsoft.ClassicStorage/${t}`),
  "Microsoft.ClassicSubscription/operations",
];

// --- root ------------------------------------------------------------------------------------------

export const DENY_CLASSIC_RESOURCES: AssignmentSpec = {
  key: "Deny-Classic-Resources",
  displayName: "Deny the deployment of classic resources",
  description: "Classic (Azure Service Manager) resources are retired; nothing new may be created with them.",
  policy: builtIn("6c112d4e-5bc7-47ae-a041-ea2d9dccd749"),
  parameters: () => ({
    listOfResourceTypesNotAllowed: { value: [...CLASSIC_RESOURCE_TYPES] },
    effect: { value: "Deny" },
  }),
  nonComplianceMessage: "Classic resources are not allowed. Use the Azure Resource Manager resource instead.",
};

export const AUDIT_ZONE_RESILIENCY: AssignmentSpec = {
  key: "Audit-ZoneResiliency",
  displayName: "Resources should be zone resilient",
  description:
    "Audits resources that are neither zone-redundant nor zone-aligned where the region offers zones.",
  policy: builtInSet("130fb88f-0fc9-4678-bfe1-31022d71c7d5"),
  parameters: () => ({ effect: { value: "Audit" }, allow: { value: "Both" } }),
  nonComplianceMessage: "Deploy the resource zone-redundant or pinned to zones.",
};

export const DEPLOY_DIAGNOSTIC_LOGS: AssignmentSpec = {
  key: "Deploy-Diag-LogsCat",
  displayName: "Send the audit category group of resource logs to the central workspace",
  description: "Deploys a diagnostic setting with the audit category group on every supported resource.",
  policy: builtInSet("f5b29bc4-feca-4cc6-a58a-772dd5e290a5"),
  parameters: (ctx) => ({ logAnalytics: { value: ctx.workspaceId } }),
  nonComplianceMessage: "Resources send their audit logs to the central Log Analytics workspace.",
  ...identityNeeds("f5b29bc4-feca-4cc6-a58a-772dd5e290a5"),
  writeScopes: (ctx) => [ctx.workspaceId],
};

export const DEPLOY_MCSB2: AssignmentSpec = {
  key: "Deploy-MCSB2-Monitoring",
  displayName: "Microsoft cloud security benchmark v2",
  description: "The benchmark's second version (preview), beside v1, with its defaults as ALZ assigns it.",
  policy: builtInSet("e3ec7e09-768c-4b64-882c-fcada3772047"),
  nonComplianceMessage: "See the recommendation in Defender for Cloud for how to meet the benchmark.",
  ...identityNeeds("e3ec7e09-768c-4b64-882c-fcada3772047"),
};

export const DEPLOY_DEFENDER_ENDPOINT: AssignmentSpec = {
  key: "Deploy-MDEndpoints",
  displayName: "Deploy the Microsoft Defender for Endpoint agent",
  description: "Installs the Defender for Endpoint agent on Windows and Linux machines, Azure and Arc.",
  policy: builtInSet("e20d08c5-6d64-656d-6465-ce9e37fd0ebc"),
  parameters: () => ({
    microsoftDefenderForEndpointWindowsVmAgentDeployEffect: { value: "DeployIfNotExists" },
    microsoftDefenderForEndpointLinuxVmAgentDeployEffect: { value: "DeployIfNotExists" },
    microsoftDefenderForEndpointWindowsArcAgentDeployEffect: { value: "DeployIfNotExists" },
    microsoftDefenderForEndpointLinuxArcAgentDeployEffect: { value: "DeployIfNotExists" },
  }),
  nonComplianceMessage: "Machines run the Microsoft Defender for Endpoint agent.",
  ...identityNeeds("e20d08c5-6d64-656d-6465-ce9e37fd0ebc"),
};

export const DEPLOY_DEFENDER_ENDPOINT_SETTINGS: AssignmentSpec = {
  key: "Deploy-MDEndpointsAMA",
  displayName: "Configure the Defender for Endpoint integration of Defender for Cloud",
  description: "Turns on Defender for Cloud's integration settings with Defender for Endpoint.",
  policy: builtInSet("77b391e3-2d5d-40c3-83bf-65c846b3c6a3"),
  nonComplianceMessage: "Defender for Cloud integrates with Microsoft Defender for Endpoint.",
  ...identityNeeds("77b391e3-2d5d-40c3-83bf-65c846b3c6a3"),
};

export const DEPLOY_DEFENDER_OSS_DB: AssignmentSpec = {
  key: "Deploy-MDFC-OssDb",
  displayName: "Advanced Threat Protection on open-source relational databases",
  description: "Turns on threat protection for PostgreSQL, MySQL and MariaDB servers.",
  policy: builtInSet("e77fc0b3-f7e9-4c58-bc13-cb753ed8e46e"),
  nonComplianceMessage: "Open-source database servers run Advanced Threat Protection.",
  ...identityNeeds("e77fc0b3-f7e9-4c58-bc13-cb753ed8e46e"),
};

export const DEPLOY_DEFENDER_SQL: AssignmentSpec = {
  key: "Deploy-MDFC-SqlAtp",
  displayName: "Defender for SQL on SQL servers and managed instances",
  description: "Turns on Defender for SQL on Azure SQL servers, managed instances and Synapse workspaces.",
  policy: builtInSet("9cb3cc7a-b39b-4b82-bc89-e5a5d9ff7b97"),
  nonComplianceMessage: "SQL servers and managed instances run Defender for SQL.",
  ...identityNeeds("9cb3cc7a-b39b-4b82-bc89-e5a5d9ff7b97"),
};

/**
 * ALZ `Deploy-SvcHealth-BuiltIn`: a service-health alert rule per subscription with a new action group. ALZ leaves
 * the e-mail list empty; the city mails `landingZone.serviceHealthAlerts` (default: the Defender contacts).
 */
export const DEPLOY_SERVICE_HEALTH_ALERTS: AssignmentSpec = {
  key: "Deploy-SvcHealth-BuiltIn",
  displayName: "Service health alerts on every subscription",
  description: "Deploys a service-health alert rule and its action group in every subscription.",
  policy: builtIn("98903777-a9f6-47f5-90a9-acaf62ab01a8"),
  parameters: (ctx) => ({
    resourceGroupLocation: { value: ctx.primaryRegion },
    resourceGroupName: { value: SERVICE_HEALTH_RESOURCE_GROUP },
    actionGroupResources: {
      value: {
        actionGroupEmail: [...ctx.alertEmails],
        webhookServiceUri: [],
        logicappResourceId: "",
        logicappCallbackUrl: "",
        eventHubResourceId: [],
        functionResourceId: "",
        functionTriggerUrl: "",
      },
    },
    actionGroupRoleIds: { value: ["Owner"] },
    // The policy creates this group in every subscription: the platform's chargeback tags keep the root's
    // required-tag deny from refusing it.
    additionalTags: { value: platformTagsFor("service-health") },
  }),
  nonComplianceMessage: "Every subscription alerts on service-health events.",
  ...identityNeeds("98903777-a9f6-47f5-90a9-acaf62ab01a8"),
};

/** The resource group the service-health policy creates in each subscription (ALZ's name). */
export const SERVICE_HEALTH_RESOURCE_GROUP = "rg-serviceHealthAlert";

// --- platform and landing zones ----------------------------------------------------------------------

export const DEPLOY_GUEST_ATTESTATION: AssignmentSpec = {
  key: "Deploy-GuestAttest",
  displayName: "Guest attestation prerequisites on Trusted Launch machines",
  description: "Installs the guest attestation extension and a system identity on Trusted Launch VMs.",
  policy: builtInSet("281d9e47-d14d-4f05-b8eb-18f2c4a034ff"),
  // ALZ's value: empty, the regional default attestation provider.
  parameters: () => ({ attestationEndpoint: { value: "" } }),
  nonComplianceMessage: "Trusted Launch machines run the guest attestation extension.",
  ...identityNeeds("281d9e47-d14d-4f05-b8eb-18f2c4a034ff"),
};

/** The agent parameters ALZ sets on its AMA policy sets: bring our identity, not one per subscription. */
const withAmaIdentity = (ctx: Parameters<NonNullable<AssignmentSpec["parameters"]>>[0]) => ({
  bringYourOwnUserAssignedManagedIdentity: { value: true },
  restrictBringYourOwnUserAssignedIdentityToSubscription: { value: false },
  userAssignedIdentityResourceId: { value: ctx.amaIdentityId },
});

export const DEPLOY_VM_CHANGE_TRACKING: AssignmentSpec = {
  key: "Deploy-VM-ChangeTrack",
  displayName: "Change tracking and inventory for virtual machines",
  description:
    "Installs the monitoring agent and change tracking on VMs, reporting to the central workspace.",
  policy: builtInSet("92a36f05-ebc9-4bba-9128-b47ad2ea3354"),
  parameters: (ctx) => ({
    dcrResourceId: { value: ctx.dataCollectionRuleIds.changeTracking },
    ...withAmaIdentity(ctx),
    effect: { value: "DeployIfNotExists" },
  }),
  nonComplianceMessage: "Virtual machines report changes and inventory to the central workspace.",
  ...identityNeeds("92a36f05-ebc9-4bba-9128-b47ad2ea3354"),
  writeScopes: (ctx) => [ctx.dataCollectionRuleIds.changeTracking, ctx.amaIdentityId],
};

export const DEPLOY_VMSS_CHANGE_TRACKING: AssignmentSpec = {
  ...DEPLOY_VM_CHANGE_TRACKING,
  key: "Deploy-VMSS-ChangeTrack",
  displayName: "Change tracking and inventory for virtual machine scale sets",
  description: "Installs the monitoring agent and change tracking on scale sets, reporting to the workspace.",
  policy: builtInSet("c4a70814-96be-461c-889f-2b27429120dc"),
  nonComplianceMessage: "Scale sets report changes and inventory to the central workspace.",
  ...identityNeeds("c4a70814-96be-461c-889f-2b27429120dc"),
};

export const DEPLOY_VM_MONITORING: AssignmentSpec = {
  key: "Deploy-VM-Monitoring",
  displayName: "VM insights for virtual machines",
  description: "Installs the monitoring and dependency agents on VMs, reporting to the central workspace.",
  policy: builtInSet("924bfe3a-762f-40e7-86dd-5c8b95eb09e6"),
  parameters: (ctx) => ({
    dcrResourceId: { value: ctx.dataCollectionRuleIds.vmInsights },
    ...withAmaIdentity(ctx),
    enableProcessesAndDependencies: { value: true },
    scopeToSupportedImages: { value: false },
  }),
  nonComplianceMessage: "Virtual machines send VM insights to the central workspace.",
  ...identityNeeds("924bfe3a-762f-40e7-86dd-5c8b95eb09e6"),
  writeScopes: (ctx) => [ctx.dataCollectionRuleIds.vmInsights, ctx.amaIdentityId],
};

export const DEPLOY_VMSS_MONITORING: AssignmentSpec = {
  ...DEPLOY_VM_MONITORING,
  key: "Deploy-VMSS-Monitoring",
  displayName: "VM insights for virtual machine scale sets",
  description: "Installs the monitoring and dependency agents on scale sets, reporting to the workspace.",
  policy: builtInSet("f5bf694c-cca7-4033-b883-3a23327d5485"),
  nonComplianceMessage: "Scale sets send VM insights to the central workspace.",
  ...identityNeeds("f5bf694c-cca7-4033-b883-3a23327d5485"),
};

export const DEPLOY_ARC_CHANGE_TRACKING: AssignmentSpec = {
  key: "Deploy-vmArc-ChangeTrack",
  displayName: "Change tracking and inventory for Arc-enabled machines",
  description: "Change tracking on servers outside Azure (Arc), should the city connect any.",
  policy: builtInSet("53448c70-089b-4f52-8f38-89196d7f2de1"),
  parameters: (ctx) => ({
    dcrResourceId: { value: ctx.dataCollectionRuleIds.changeTracking },
    effect: { value: "DeployIfNotExists" },
  }),
  nonComplianceMessage: "Arc-enabled machines report changes and inventory to the central workspace.",
  ...identityNeeds("53448c70-089b-4f52-8f38-89196d7f2de1"),
  writeScopes: (ctx) => [ctx.dataCollectionRuleIds.changeTracking],
};

export const DEPLOY_ARC_MONITORING: AssignmentSpec = {
  key: "Deploy-vmHybr-Monitoring",
  displayName: "VM insights for Arc-enabled machines",
  description: "VM insights on servers outside Azure (Arc), should the city connect any.",
  policy: builtInSet("2b00397d-c309-49c4-aa5a-f0b2c5bc6321"),
  parameters: (ctx) => ({
    dcrResourceId: { value: ctx.dataCollectionRuleIds.vmInsights },
    enableProcessesAndDependencies: { value: true },
  }),
  nonComplianceMessage: "Arc-enabled machines send VM insights to the central workspace.",
  ...identityNeeds("2b00397d-c309-49c4-aa5a-f0b2c5bc6321"),
  writeScopes: (ctx) => [ctx.dataCollectionRuleIds.vmInsights],
};

export const DEPLOY_DEFENDER_SQL_AMA: AssignmentSpec = {
  key: "Deploy-MDFC-DefSQL-AMA",
  displayName: "Defender for SQL on SQL virtual machines and Arc SQL servers",
  description:
    "Installs the monitoring agent and Defender for SQL on SQL machines, reporting to the workspace.",
  policy: builtInSet("de01d381-bae9-4670-8870-786f89f49e26"),
  parameters: (ctx) => ({
    workspaceRegion: { value: ctx.primaryRegion },
    userWorkspaceResourceId: { value: ctx.workspaceId },
    bringYourOwnDcr: { value: true },
    dcrResourceId: { value: ctx.dataCollectionRuleIds.defenderSql },
    enableCollectionOfSqlQueriesForSecurityResearch: { value: false },
    bringYourOwnUserAssignedManagedIdentity: { value: true },
    userAssignedIdentityResourceId: { value: ctx.amaIdentityId },
  }),
  nonComplianceMessage: "SQL machines run Defender for SQL and report to the central workspace.",
  ...identityNeeds("de01d381-bae9-4670-8870-786f89f49e26"),
  writeScopes: (ctx) => [ctx.workspaceId, ctx.dataCollectionRuleIds.defenderSql, ctx.amaIdentityId],
};

// --- landing zones, identity ------------------------------------------------------------------------

export const DEPLOY_SQL_AUDITING: AssignmentSpec = {
  key: "Deploy-AzSqlDb-Auditing",
  displayName: "SQL servers audit to the central workspace",
  description: "Turns on auditing of every SQL server, written to the central Log Analytics workspace.",
  policy: builtIn("25da7dfb-0666-4a15-a8f5-402127efd8bb"),
  parameters: (ctx) => ({ logAnalyticsWorkspaceId: { value: ctx.workspaceId } }),
  nonComplianceMessage: "SQL servers audit to the central Log Analytics workspace.",
  ...identityNeeds("25da7dfb-0666-4a15-a8f5-402127efd8bb"),
  writeScopes: (ctx) => [ctx.workspaceId],
};

export const DEPLOY_SQL_TDE: AssignmentSpec = {
  key: "Deploy-SQL-TDE",
  displayName: "Transparent data encryption on SQL databases",
  description: "Turns on transparent data encryption on SQL databases that lack it.",
  policy: builtIn("86a912f6-9a06-4e26-b447-11b16ba8659f"),
  nonComplianceMessage: "SQL databases use transparent data encryption.",
  ...identityNeeds("86a912f6-9a06-4e26-b447-11b16ba8659f"),
};

export const DEPLOY_SQL_THREAT_DETECTION: AssignmentSpec = {
  key: "Deploy-SQL-Threat",
  displayName: "Threat detection on SQL servers",
  description: "Turns on threat detection on every SQL server.",
  policy: builtIn("36d49e87-48c4-4f2e-beed-ba4ed02b71f5"),
  nonComplianceMessage: "SQL servers run threat detection.",
  ...identityNeeds("36d49e87-48c4-4f2e-beed-ba4ed02b71f5"),
};

/**
 * ALZ `Deploy-VM-Backup`: VMs without the exclusion tag are backed up to a new Recovery Services vault per region
 * (the policy creates vault and policy in a resource group it names, see docs/alz-parity.md on tags).
 */
export const DEPLOY_VM_BACKUP: AssignmentSpec = {
  key: "Deploy-VM-Backup",
  displayName: "Back up virtual machines to a Recovery Services vault",
  description: "Backs up every VM without the exclusion tag to a new vault with the default policy.",
  policy: builtIn("98d0b9f8-fd90-49c9-88e2-d3baf3b0dd86"),
  nonComplianceMessage: "Virtual machines are backed up. Tag a VM to exclude it on purpose.",
  ...identityNeeds("98d0b9f8-fd90-49c9-88e2-d3baf3b0dd86"),
};
