/**
 * What the deploy principal (pulumi up) and the drift principal (tenant drift, read-only) need for every
 * resource type the program registers, per layer. A test runs the program under mocks and fails when a
 * registered type has no entry here; docs/permissions.md renders the table.
 */
import { RESOURCE_TYPES } from "../resourceTypes";

export type Layer = "landingZone" | "identity" | "m365" | "teams";

export interface ResourcePermission {
  /** The Pulumi type token the program registers. */
  type: string;
  layer: Layer;
  /** What `pulumi up` needs: Graph application permissions, Entra roles, Azure RBAC. */
  deploy: string;
  /** What `tenant drift` (reads only) needs, or "not read" when drift does not look at it. */
  drift: string;
  /** Where the requirement comes from. */
  source: string;
}

const ROOT_MG = "the root management group";
const AZURE_ROLES =
  "Azure RBAC built-in roles (learn.microsoft.com/azure/role-based-access-control/built-in-roles)";
const TEAMS_APP_ONLY =
  'Microsoft\'s "Application-based authentication in Teams PowerShell Module" page: *-Cs cmdlets app-only need ' +
  "Organization.Read.All plus a directory role";
const teamsCs = (type: string): ResourcePermission => ({
  type,
  layer: "teams",
  deploy:
    "Graph `Organization.Read.All` (application) + Entra role **Teams Administrator** (app-only *-Cs cmdlets)",
  drift: "the same: drift reads the settings with Get-Cs* cmdlets",
  source: TEAMS_APP_ONLY,
});

const azure = (type: string, deploy: string, source = AZURE_ROLES): ResourcePermission => ({
  type: `azure-native:${type}`,
  layer: "landingZone",
  deploy,
  drift: "not read",
  source,
});
const NETWORK =
  "Azure **Network Contributor** (or Contributor) on the connectivity or department subscription";

export const RESOURCE_PERMISSIONS: readonly ResourcePermission[] = [
  {
    type: "azure-native:management:ManagementGroup",
    layer: "landingZone",
    deploy: `Azure **Management Group Contributor** (or Owner) at ${ROOT_MG}`,
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:authorization:PolicyDefinitionAtManagementGroup",
    layer: "landingZone",
    deploy: `Azure **Resource Policy Contributor** (or Owner) at ${ROOT_MG}`,
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:authorization:PolicyAssignment",
    layer: "landingZone",
    deploy:
      `Azure **Resource Policy Contributor** at ${ROOT_MG}, plus **User Access Administrator** there for the ` +
      "remediation identities' role assignments (or Owner for both)",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:authorization:RoleAssignment",
    layer: "identity",
    deploy: `Azure **User Access Administrator** or **Owner** at ${ROOT_MG} (Microsoft.Authorization/roleAssignments/write)`,
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:authorization:PimRoleEligibilitySchedule",
    layer: "identity",
    deploy:
      `Azure **User Access Administrator** or **Owner** at ${ROOT_MG} (Microsoft.Authorization/roleEligibilityScheduleRequests/write); ` +
      "the tenant needs Microsoft Entra ID P2 (in Microsoft 365 E5) for Privileged Identity Management",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:resources:ResourceGroup",
    layer: "landingZone",
    deploy:
      "Azure **Contributor** on the department subscriptions (inherited from the root management group)",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:network:VirtualNetwork",
    layer: "landingZone",
    deploy: "Azure **Network Contributor** (or Contributor) on the subscriptions",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:network:VirtualNetworkPeering",
    layer: "landingZone",
    deploy: "Azure **Network Contributor** (or Contributor) on both virtual networks' subscriptions",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:operationalinsights:Workspace",
    layer: "landingZone",
    deploy: "Azure **Log Analytics Contributor** (or Contributor) on the platform subscription",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:managedidentity:UserAssignedIdentity",
    layer: "landingZone",
    deploy: "Azure **Managed Identity Contributor** (or Contributor) on the management subscription",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:monitor:DataCollectionRule",
    layer: "landingZone",
    deploy: "Azure **Monitoring Contributor** (or Contributor) on the management subscription",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:monitor:SubscriptionDiagnosticSetting",
    layer: "landingZone",
    deploy: "Azure **Monitoring Contributor** (or Contributor) on each subscription",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:consumption:Budget",
    layer: "landingZone",
    deploy: "Azure **Cost Management Contributor** (or Contributor) on each subscription",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azuread:index/group:Group",
    layer: "identity",
    deploy:
      "Graph `Group.Create` (application; `Group.ReadWrite.All` also works) and `User.Read.All` (owner and " +
      "admin lookups); the deploying principal is made an owner of every group, which `Group.Create` needs to " +
      "update or delete them later",
    drift: "Graph `GroupMember.Read.All` (groups and their licences)",
    source: "azuread provider docs, resource azuread_group (API permissions section)",
  },
  {
    type: "azuread:index/conditionalAccessPolicy:ConditionalAccessPolicy",
    layer: "identity",
    deploy: "Graph `Policy.ReadWrite.ConditionalAccess` and `Policy.Read.All` (application)",
    drift: "Graph `Policy.Read.All` (policies, compared setting by setting)",
    source:
      "azuread provider docs, resource azuread_conditional_access_policy (API permissions section); Graph " +
      "conditionalAccessPolicy create/update permission tables",
  },
  {
    type: "azuread:index/namedLocation:NamedLocation",
    layer: "identity",
    deploy: "Graph `Policy.ReadWrite.ConditionalAccess` and `Policy.Read.All` (application)",
    drift: "Graph `Policy.Read.All`",
    source: "azuread provider docs, resource azuread_named_location (API permissions section)",
  },
  {
    type: "azuread:index/privilegedAccessGroupEligibilitySchedule:PrivilegedAccessGroupEligibilitySchedule",
    layer: "identity",
    deploy:
      "Graph `PrivilegedEligibilitySchedule.ReadWrite.AzureADGroup` (application); the tenant needs Entra ID P2",
    drift: "not read",
    source:
      "azuread provider docs, resource azuread_privileged_access_group_eligibility_schedule (API permissions section)",
  },
  {
    type: "azure-native:aadiam:DiagnosticSetting",
    layer: "identity",
    deploy:
      "Entra role **Security Administrator** (or Global Administrator) for the tenant-level diagnostic setting " +
      "(microsoft.aadiam/diagnosticSettings), and Azure **Log Analytics Contributor** on the central workspace",
    drift: "not read",
    source:
      'Microsoft Learn "Integrate Microsoft Entra logs with Azure Monitor logs" (prerequisites); Azure RBAC built-in roles',
  },
  {
    type: "azure-native:monitor:ActionGroup",
    layer: "identity",
    deploy: "Azure **Monitoring Contributor** (or Contributor) on the management resource group",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: "azure-native:monitor:ScheduledQueryRule",
    layer: "identity",
    deploy:
      "Azure **Monitoring Contributor** on the management resource group and read access (Log Analytics Reader) " +
      "to the workspace the alert queries",
    drift: "not read",
    source: AZURE_ROLES,
  },
  {
    type: RESOURCE_TYPES.administrativeUnit,
    layer: "identity",
    deploy: "Graph `AdministrativeUnit.ReadWrite.All` (application)",
    drift: "Graph `AdministrativeUnit.Read.All` (each department's unit, compared with the definition)",
    source:
      "the manifest in src/identity/delegation/administrativeUnit/permissions.ts; Graph directory-post-administrativeunits",
  },
  {
    type: "azuread:index/directoryRoleEligibilityScheduleRequest:DirectoryRoleEligibilityScheduleRequest",
    layer: "identity",
    deploy:
      "Graph `RoleEligibilitySchedule.ReadWrite.Directory` (application) and the Entra role **Privileged Role " +
      "Administrator** for the deploying principal",
    drift: "not read",
    source:
      "azuread provider docs, resource azuread_directory_role_eligibility_schedule_request (API permissions section)",
  },
  {
    type: RESOURCE_TYPES.propagationWait,
    layer: "landingZone",
    deploy: "none (a pause in the deploying process; it calls no API)",
    drift: "not read",
    source: "src/landing-zone/propagationWait.ts",
  },
  {
    type: RESOURCE_TYPES.groupLicenses,
    layer: "m365",
    deploy: "see the GroupLicenses manifest below (`LicenseAssignment.ReadWrite.All` to write)",
    drift:
      "`Organization.Read.All`, `GroupMember.Read.All`, `User.Read.All`, `AuditLog.Read.All` (directory audit)",
    source: "the manifest in src/m365/licensing/permissions.ts",
  },
  {
    type: RESOURCE_TYPES.numberAssignments,
    layer: "teams",
    deploy: "see the NumberAssignments manifest below (`TeamsTelephoneNumber.ReadWrite.All` to write)",
    drift: "`TeamsTelephoneNumber.Read.All`, `TeamsUserConfiguration.Read.All`",
    source: "the manifest in src/teams/numbers/permissions.ts",
  },
  {
    type: "pulumi:providers:azure-native",
    layer: "landingZone",
    deploy: "nothing of its own: one provider per subscription, using the credentials the run is given",
    drift: "not read",
    source: "Pulumi explicit providers (pulumi.com/docs/iac/concepts/resources/providers)",
  },
  azure(
    "management:ManagementGroupSubscription",
    `**Owner** of the subscription and **Management Group Contributor** (or Owner) on the target and the current parent management group`,
    'Microsoft Learn "Manage your Azure subscriptions with management groups" (moving a subscription)',
  ),
  azure(
    "subscription:Alias",
    "a billing role that may create subscriptions on `departmentSubscriptions.billingScope` (EA: enrollment account owner or **Enrollment account subscription creator**; MCA: **Azure subscription creator** on the invoice section)",
    'Microsoft Learn "Programmatically create Azure subscriptions" (EA and MCA permissions)',
  ),
  azure(
    "authorization:ManagementLockAtResourceGroupLevel",
    "Azure **Owner** or **User Access Administrator** (Microsoft.Authorization/locks/*) on the platform subscriptions",
    'Microsoft Learn "Lock your resources to protect your infrastructure" (who can create or delete locks)',
  ),
  azure(
    "policyinsights:RemediationAtManagementGroup",
    `Azure **Resource Policy Contributor** (Microsoft.PolicyInsights/remediations/write) at ${ROOT_MG}`,
  ),
  azure("security:Pricing", "Azure **Security Admin** (or Owner) on each subscription (Defender plans)"),
  azure("security:SecurityContact", "Azure **Security Admin** (or Owner) on each subscription"),
  azure("network:AzureFirewall", NETWORK),
  azure("network:FirewallPolicy", NETWORK),
  azure("network:FirewallPolicyRuleCollectionGroup", NETWORK),
  azure("network:PublicIPAddress", NETWORK),
  azure("network:BastionHost", NETWORK),
  azure("network:VirtualNetworkGateway", NETWORK),
  azure("network:NetworkSecurityGroup", NETWORK),
  azure("network:RouteTable", NETWORK),
  azure("dnsresolver:DnsResolver", NETWORK),
  azure("dnsresolver:InboundEndpoint", NETWORK),
  azure(
    "privatedns:PrivateZone",
    "Azure **Private DNS Zone Contributor** (or Network Contributor) on the connectivity subscription",
  ),
  azure(
    "privatedns:VirtualNetworkLink",
    "Azure **Private DNS Zone Contributor** and **Network Contributor** on the hub (joining the virtual network)",
  ),
  teamsCs(RESOURCE_TYPES.pstnUsages),
  teamsCs(RESOURCE_TYPES.voiceRoute),
  teamsCs(RESOURCE_TYPES.callingPolicy),
  teamsCs(RESOURCE_TYPES.emergencyCallingPolicy),
  teamsCs(RESOURCE_TYPES.emergencyCallRoutingPolicy),
  teamsCs(RESOURCE_TYPES.voiceRoutingPolicy),
  teamsCs(RESOURCE_TYPES.dialPlan),
  {
    ...teamsCs(RESOURCE_TYPES.emergencyAddress),
    deploy:
      "Graph `Organization.Read.All`, `TeamsTelephoneNumber.Read.All` and `TeamsTelephoneNumber.ReadWrite.All` " +
      "(application; removing a location clears it from the unassigned numbers placed there) + Entra role " +
      "**Teams Administrator** (app-only *-Cs cmdlets)",
    source: "the manifest in src/teams/addresses/permissions.ts",
  },
  teamsCs(RESOURCE_TYPES.groupPolicyAssignments),
  teamsCs(RESOURCE_TYPES.globalPolicyGrant),
  {
    ...teamsCs(RESOURCE_TYPES.phoneServices),
    deploy:
      "Graph `Organization.Read.All` and `User.Read.All` (application: agents' and resource accounts' ids and usage " +
      "locations) + Entra role **Teams Administrator** (app-only *-CsAutoAttendant, *-CsCallQueue, " +
      "*-CsOnlineSchedule, *-CsOnlineApplicationInstance(Association), *-CsPhoneNumberAssignment)",
    source: "the manifest in src/teams/phoneServices/permissions.ts",
  },
  teamsCs(RESOURCE_TYPES.phoneSchedules),
];

export function resourcePermission(type: string): ResourcePermission | undefined {
  return RESOURCE_PERMISSIONS.find((p) => p.type === type);
}
