/**
 * azure-native type tokens the rules name, as literals (see define.ts for why the pack does not import the SDK).
 * tests/policies/lib/azure.test.ts checks every literal against the SDK class's `__pulumiType`.
 */
export const AZURE = {
  resourceGroup: "azure-native:resources:ResourceGroup",
  virtualNetwork: "azure-native:network:VirtualNetwork",
  virtualNetworkPeering: "azure-native:network:VirtualNetworkPeering",
  publicIpAddress: "azure-native:network:PublicIPAddress",
  networkInterface: "azure-native:network:NetworkInterface",
  workspace: "azure-native:operationalinsights:Workspace",
  subscriptionDiagnosticSetting: "azure-native:monitor:SubscriptionDiagnosticSetting",
  diagnosticSetting: "azure-native:monitor:DiagnosticSetting",
  budget: "azure-native:consumption:Budget",
  policyAssignment: "azure-native:authorization:PolicyAssignment",
  policyDefinitionAtManagementGroup: "azure-native:authorization:PolicyDefinitionAtManagementGroup",
  roleAssignment: "azure-native:authorization:RoleAssignment",
  roleEligibility: "azure-native:authorization:PimRoleEligibilitySchedule",
  managementGroup: "azure-native:management:ManagementGroup",
  managementGroupSubscription: "azure-native:management:ManagementGroupSubscription",
  storageAccount: "azure-native:storage:StorageAccount",
  keyVault: "azure-native:keyvault:Vault",
  networkSecurityGroup: "azure-native:network:NetworkSecurityGroup",
  routeTable: "azure-native:network:RouteTable",
  virtualMachine: "azure-native:compute:VirtualMachine",
  azureFirewall: "azure-native:network:AzureFirewall",
  firewallPolicy: "azure-native:network:FirewallPolicy",
  firewallPolicyRuleCollectionGroup: "azure-native:network:FirewallPolicyRuleCollectionGroup",
  bastionHost: "azure-native:network:BastionHost",
  virtualNetworkGateway: "azure-native:network:VirtualNetworkGateway",
  dnsResolver: "azure-native:dnsresolver:DnsResolver",
  dnsResolverInboundEndpoint: "azure-native:dnsresolver:InboundEndpoint",
  privateDnsZone: "azure-native:privatedns:PrivateZone",
  privateDnsZoneLink: "azure-native:privatedns:VirtualNetworkLink",
  managementLock: "azure-native:authorization:ManagementLockAtResourceGroupLevel",
  remediation: "azure-native:policyinsights:RemediationAtManagementGroup",
  defenderPricing: "azure-native:security:Pricing",
  securityContact: "azure-native:security:SecurityContact",
  subscriptionAlias: "azure-native:subscription:Alias",
  userAssignedIdentity: "azure-native:managedidentity:UserAssignedIdentity",
  dataCollectionRule: "azure-native:monitor:DataCollectionRule",
  actionGroup: "azure-native:monitor:ActionGroup",
  scheduledQueryRule: "azure-native:monitor:ScheduledQueryRule",
  entraDiagnosticSetting: "azure-native:aadiam:DiagnosticSetting",
} as const;

/**
 * azure-native types that take `tags`, which must therefore carry `managedBy`. Every azure-native type the
 * toolkit renders must be in this list or in NOT_TAGGABLE (a meta test renders the example stack to check, and
 * reads the SDK's source to confirm which take tags), so a new resource type forces a decision here.
 */
export const TAGGABLE: readonly string[] = [
  AZURE.resourceGroup,
  AZURE.virtualNetwork,
  AZURE.publicIpAddress,
  AZURE.networkInterface,
  AZURE.workspace,
  AZURE.storageAccount,
  AZURE.keyVault,
  AZURE.networkSecurityGroup,
  AZURE.routeTable,
  AZURE.virtualMachine,
  AZURE.azureFirewall,
  AZURE.firewallPolicy,
  AZURE.bastionHost,
  AZURE.virtualNetworkGateway,
  AZURE.dnsResolver,
  AZURE.dnsResolverInboundEndpoint,
  AZURE.privateDnsZone,
  AZURE.privateDnsZoneLink,
  AZURE.userAssignedIdentity,
  AZURE.dataCollectionRule,
  AZURE.actionGroup,
  AZURE.scheduledQueryRule,
];

/** azure-native types the toolkit creates that have no `tags` argument in the SDK. */
export const NOT_TAGGABLE: readonly string[] = [
  AZURE.virtualNetworkPeering,
  AZURE.subscriptionDiagnosticSetting,
  AZURE.budget,
  AZURE.policyAssignment,
  AZURE.policyDefinitionAtManagementGroup,
  AZURE.roleAssignment,
  AZURE.roleEligibility,
  AZURE.managementGroup,
  AZURE.managementGroupSubscription,
  AZURE.firewallPolicyRuleCollectionGroup,
  AZURE.managementLock,
  AZURE.remediation,
  AZURE.defenderPricing,
  AZURE.securityContact,
  AZURE.subscriptionAlias,
  AZURE.entraDiagnosticSetting,
];

/** Built-in Azure Policy definitions whose assignment parameters the rules read. */
export const BUILTIN_POLICY = {
  /** "Allowed locations" (resources). */
  allowedLocations: "e56962a6-4747-49cd-b67b-bf8b01975c4c",
  /** "Allowed locations for resource groups". */
  allowedResourceGroupLocations: "e765b5de-1225-4ba3-bd56-1ac6695af988",
} as const;

/** `West Europe`, `westeurope` and `WestEurope` are one region to ARM. */
export function normaliseRegion(region: string): string {
  return region.replace(/\s+/g, "").toLowerCase();
}
