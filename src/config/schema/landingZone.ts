import { z } from "zod";
import { azureRegion, cidr, email, uuid } from "./primitives";

export const ARCHETYPES = [
  "root",
  "platform",
  "management",
  "connectivity",
  "identity",
  "landingZones",
  "corp",
  "online",
  "sandbox",
  "decommissioned",
] as const;

export const managementGroupSchema = z.strictObject({
  // ARM naming rules, Microsoft.Management/managementGroups: 1-90 alphanumerics, hyphens, underscores, periods
  // and parentheses; can't end with a period (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
  id: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._()-]{0,89}(?<!\.)$/,
      "must be a management group id: up to 90 letters, digits, '-', '_', '.', '(' and ')', not ending in '.'",
    )
    .describe("Management group id (its name in Azure, part of its resource id)."),
  displayName: z.string().min(1).describe("Display name in the Azure portal."),
  parent: z
    .string()
    .optional()
    .describe("Id of the parent management group; omit for the group directly under the tenant root group."),
  archetypes: z
    .array(z.enum(ARCHETYPES))
    .default([])
    .describe(
      "Archetypes whose policy baseline is assigned at this group: " +
        ARCHETYPES.map((a) => `\`${a}\``).join(", "),
    ),
});

/** Where departments may land: the landing-zone archetypes that hold department subscriptions. */
export const DEPARTMENT_ARCHETYPES = ["corp", "online", "sandbox"] as const;

export const subnetSchema = z.strictObject({
  // ARM naming rules, Microsoft.Network/virtualNetworks/subnets: 1-80 alphanumerics, underscores, periods and
  // hyphens; start with an alphanumeric, end with an alphanumeric or underscore (https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules).
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/,
      "must be a subnet name such as GatewaySubnet: 1 to 80 letters, digits, '_', '.' and '-', starting with a letter or digit and ending with a letter, digit or '_'",
    )
    .describe(
      "Subnet name; Azure requires fixed names for some, such as `GatewaySubnet`, `AzureFirewallSubnet` and `AzureBastionSubnet`.",
    ),
  addressPrefix: cidr.describe("The subnet's CIDR block, inside its network's address space."),
});

const firewallRuleSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,79}$/, "must be a rule name such as allow-dns")
    .describe("Rule name, unique in its collection group."),
  kind: z
    .enum(["network", "application"])
    .describe("`network` (addresses, ports, protocols) or `application` (FQDNs over HTTP/HTTPS)."),
  sourceAddresses: z.array(cidr).min(1).describe("Source CIDR blocks, e.g. a department's spoke."),
  destinationAddresses: z
    .array(z.string().min(1))
    .default([])
    .describe("Network rules: destination CIDRs, IPs or service tags (e.g. `AzureCloud`)."),
  destinationFqdns: z
    .array(z.string().min(1))
    .default([])
    .describe("Application rules: destination FQDNs, wildcards allowed (`*.microsoft.com`)."),
  destinationPorts: z
    .array(z.string().regex(/^\d{1,5}(-\d{1,5})?$/, "must be a port or range such as 443 or 8000-8080"))
    .default([])
    .describe("Network rules: destination ports."),
  protocols: z
    .array(z.enum(["TCP", "UDP", "ICMP", "Any", "Http", "Https"]))
    .min(1)
    .describe("Network rules: TCP, UDP, ICMP, Any; application rules: Http, Https."),
});

export const firewallSchema = z.strictObject({
  sku: z.enum(["Standard", "Premium"]).default("Standard").describe("Azure Firewall tier."),
  threatIntelMode: z
    .enum(["Alert", "Deny"])
    .default("Deny")
    .describe("What the firewall does with traffic to known-malicious addresses."),
  ruleCollectionGroups: z
    .array(
      z.strictObject({
        name: z
          .string()
          .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,79}$/, "must be a name such as platform")
          .describe("Name of the rule collection group in the firewall policy."),
        priority: z.int().min(100).max(65000).describe("Lower runs first (100 to 65000)."),
        allow: z.array(firewallRuleSchema).default([]).describe("Rules that allow traffic."),
        deny: z
          .array(firewallRuleSchema)
          .default([])
          .describe("Rules that deny traffic (checked before allow)."),
      }),
    )
    .default([])
    .describe("Rule collection groups of the firewall policy; everything not allowed is denied."),
});

export const landingZoneSchema = z
  .strictObject({
    managementGroups: z
      .array(managementGroupSchema)
      .min(1)
      .describe(
        "The management-group hierarchy as a flat list; parents are named by id and may come in any order.",
      ),
    primaryRegion: azureRegion.describe(
      "Region of the platform resources (workspace, hub) and the default for spokes.",
    ),
    allowedRegions: z
      .array(azureRegion)
      .min(1)
      .describe(
        "Regions resources may be created in; enforced by a deny policy at the root management group.",
      ),
    addressPlan: cidr.describe(
      "The address space reserved for Azure; the hub and every spoke must lie inside it.",
    ),
    hub: z
      .strictObject({
        addressSpace: cidr.describe("Address space of the hub virtual network."),
        subnets: z
          .array(subnetSchema)
          .default([])
          .describe("Subnets of the hub (gateway, firewall, bastion, …)."),
        firewall: firewallSchema
          .optional()
          .describe(
            "Azure Firewall in `AzureFirewallSubnet` with a firewall policy (DNS proxy on): every spoke's default route and DNS go through it.",
          ),
        gateway: z
          .strictObject({
            type: z.enum(["Vpn", "ExpressRoute"]).describe("VPN (the city's sites, SBCs) or ExpressRoute."),
            sku: z
              .string()
              .regex(/^[A-Za-z0-9]+$/, "must be a gateway SKU such as VpnGw2AZ or ErGw1AZ")
              .describe("Gateway SKU, e.g. `VpnGw2AZ`, `ErGw1AZ`."),
          })
          .optional()
          .describe("A virtual network gateway in `GatewaySubnet`; spokes then use it (gateway transit)."),
        bastion: z.boolean().default(false).describe("Azure Bastion in `AzureBastionSubnet`."),
        dnsResolver: z
          .strictObject({
            inboundSubnet: z
              .string()
              .describe(
                "Name of the hub subnet, delegated to the resolver, that holds its inbound endpoint.",
              ),
          })
          .optional()
          .describe("A DNS private resolver; its inbound endpoint becomes the DNS server of every spoke."),
        privateDnsZones: z
          .array(
            z
              .string()
              .regex(
                /^privatelink\.[a-z0-9.-]+$/,
                "must be a private-link zone such as privatelink.blob.core.windows.net",
              ),
          )
          .default([])
          .describe("Private DNS zones of the private-link services the baseline allows, linked to the hub."),
      })
      .describe("The connectivity hub every department spoke is peered with."),
    logRetentionDays: z
      .int()
      .min(30)
      .max(730)
      .describe("Retention of the central Log Analytics workspace, 30 to 730 days."),
    platformSubscriptions: z
      .strictObject({
        management: uuid
          .optional()
          .describe("Subscription of the management group `management` (Log Analytics, automation)."),
        connectivity: uuid
          .optional()
          .describe("Subscription of the management group `connectivity` (the hub network)."),
        identity: uuid
          .optional()
          .describe("Subscription of the management group `identity` (domain controllers)."),
      })
      .default({})
      .describe(
        "Subscriptions placed under the platform management groups. `management` (workspace) and " +
          "`connectivity` (hub) are required by the rule `subscriptions`: nothing deploys into a subscription " +
          "the hierarchy does not govern.",
      ),
    defender: z
      .strictObject({
        plans: z
          .array(
            z.enum([
              "CloudPosture",
              "VirtualMachines",
              "StorageAccounts",
              "KeyVaults",
              "Arm",
              "SqlServers",
              "SqlServerVirtualMachines",
              "OpenSourceRelationalDatabases",
              "CosmosDbs",
              "Containers",
              "AppServices",
              "Api",
            ]),
          )
          .min(1)
          .describe("Microsoft Defender for Cloud plans switched to Standard on every subscription."),
        contacts: z
          .array(email)
          .min(1)
          .describe("Who Defender for Cloud alerts (medium severity and up), on every subscription."),
      })
      .optional()
      .describe(
        "Defender for Cloud plans and the security contact of every subscription the program deploys into.",
      ),
    propagationWaitSeconds: z
      .int()
      .min(0)
      .max(600)
      .default(60)
      .describe(
        "Seconds a first deployment waits after creating a management group, policy definition or policy identity before what uses it, while Azure propagates it; 0 turns the waits off.",
      ),
    serviceHealthAlerts: z
      .array(email)
      .min(1)
      .optional()
      .describe(
        "Who the service-health alert of every subscription mails (ALZ `Deploy-SvcHealth-BuiltIn`); default the Defender contacts.",
      ),
    departmentSubscriptions: z
      .strictObject({
        billingScope: z
          .string()
          .regex(
            /^\/providers\/Microsoft\.Billing\/billingAccounts\/[^/]+\/.+$/,
            "must be a billing scope such as /providers/Microsoft.Billing/billingAccounts/<account>/enrollmentAccounts/<id>",
          )
          .optional()
          .describe(
            "Billing scope (EA enrollment account or MCA invoice section) that vended department subscriptions are billed to; required when a department sets `network.vendSubscription`.",
          ),
        workload: z
          .enum(["Production", "DevTest"])
          .default("Production")
          .describe("Workload type of vended subscriptions."),
        shared: z
          .record(
            z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "must be a lower-case name such as corp-shared"),
            z.strictObject({
              subscriptionId: uuid.describe(
                "The existing subscription shared by the departments of this area.",
              ),
              archetype: z
                .enum(DEPARTMENT_ARCHETYPES)
                .describe("Landing zone the subscription sits in: `corp`, `online` or `sandbox`."),
            }),
          )
          .default({})
          .describe(
            "Shared subscriptions by name, one per area. A department that names no subscription of its own " +
              "lands in the first shared subscription (by name) of its archetype.",
          ),
      })
      .default({ workload: "Production", shared: {} })
      .describe(
        "Where department resources live: own vended subscriptions (billing scope), or shared subscriptions per area.",
      ),
  })
  .describe("The Azure landing zone: hierarchy, regions, network and logging.");

export type ManagementGroup = z.infer<typeof managementGroupSchema>;
export type LandingZone = z.infer<typeof landingZoneSchema>;
export type Archetype = (typeof ARCHETYPES)[number];
export type Firewall = z.infer<typeof firewallSchema>;
export type FirewallRule = z.infer<typeof firewallRuleSchema>;
export type DepartmentArchetype = (typeof DEPARTMENT_ARCHETYPES)[number];
