import { z } from "zod";
import { azureRegion, cidr, uuid } from "./primitives";

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
  addressPrefix: cidr.describe("The subnet's CIDR block, inside the hub's address space."),
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
        "Subscriptions placed under the platform management groups; omit to use the deploying subscription.",
      ),
  })
  .describe("The Azure landing zone: hierarchy, regions, network and logging.");

export type ManagementGroup = z.infer<typeof managementGroupSchema>;
export type LandingZone = z.infer<typeof landingZoneSchema>;
export type Archetype = (typeof ARCHETYPES)[number];
