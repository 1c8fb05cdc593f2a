/**
 * Policy definitions the city needs that Azure does not ship as built-ins. They are created at the top
 * management group (a definition must sit at or above every scope that assigns it), as data the way the
 * ALZ library keeps its `*.alz_policy_definition.json` files.
 */

export interface CustomPolicyParameter {
  type: "String" | "Array" | "Integer" | "Boolean" | "Object";
  allowedValues?: string[];
  defaultValue?: unknown;
  metadata: { displayName: string; description: string };
}

export interface CustomPolicyDefinition {
  /** The definition's name in Azure (part of its resource id). */
  name: string;
  displayName: string;
  description: string;
  mode: "All" | "Indexed";
  category: string;
  version: string;
  parameters: Record<string, CustomPolicyParameter>;
  policyRule: Record<string, unknown>;
}

/**
 * Built-ins can require a tag or pin one value ("Require a tag and its value on resource groups"), but none
 * restricts a tag to a list. Chargeback needs the `department` tag to name a real department, so a typo
 * (`cultura` for `culture`) is refused instead of landing in nobody's bill.
 */
export const ALLOWED_TAG_VALUES_ON_RESOURCE_GROUPS: CustomPolicyDefinition = {
  name: "Deny-RG-Tag-Values",
  displayName: "Allowed values of a tag on resource groups",
  description:
    "Denies resource groups whose tag (when present) has a value outside the allowed list. Pair it with " +
    "'Require a tag on resource groups' to make the tag both mandatory and from the list.",
  mode: "All",
  category: "Tags",
  version: "1.0.0",
  parameters: {
    tagName: {
      type: "String",
      metadata: { displayName: "Tag name", description: "Name of the tag, such as 'department'." },
    },
    allowedValues: {
      type: "Array",
      metadata: { displayName: "Allowed values", description: "Values the tag may have (case-sensitive)." },
    },
    effect: {
      type: "String",
      allowedValues: ["Audit", "Deny", "Disabled"],
      defaultValue: "Deny",
      metadata: { displayName: "Effect", description: "Enable or disable the execution of the policy." },
    },
  },
  policyRule: {
    if: {
      allOf: [
        { field: "type", equals: "Microsoft.Resources/subscriptions/resourceGroups" },
        { field: "[concat('tags[', parameters('tagName'), ']')]", exists: "true" },
        { field: "[concat('tags[', parameters('tagName'), ']')]", notIn: "[parameters('allowedValues')]" },
      ],
    },
    then: { effect: "[parameters('effect')]" },
  },
};

/**
 * Resource groups Azure creates by itself, outside any deployment of ours, which therefore carry none of our tags:
 * Network Watcher's (created on the first virtual network of a region), Azure Backup's restore-point groups,
 * Defender for Cloud's and Log Analytics' default groups, and AKS node groups. A deny on a missing tag would make
 * those creations fail; they are exempt from it and get the platform's tags by `Modify` instead.
 */
export const AZURE_CREATED_RESOURCE_GROUPS: readonly string[] = [
  "NetworkWatcherRG",
  "AzureBackupRG_*",
  "DefaultResourceGroup-*",
  "MC_*",
];

const exemptGroupCount = {
  count: {
    value: "[parameters('exemptResourceGroups')]",
    name: "pattern",
    where: { field: "name", like: "[current('pattern')]" },
  },
};

const exemptResourceGroupsParameter: CustomPolicyParameter = {
  type: "Array",
  metadata: {
    displayName: "Azure-created resource groups",
    description: "Name patterns (`like`, one `*`) of the resource groups Azure creates itself.",
  },
};

/**
 * "Require a tag on resource groups" (built-in 96670d01) with one difference: groups Azure creates itself are not
 * denied (a `value count` over their name patterns), so Network Watcher and Azure Backup keep working.
 */
export const REQUIRE_TAG_ON_RESOURCE_GROUPS: CustomPolicyDefinition = {
  name: "Require-RG-Tag",
  displayName: "Require a tag on resource groups, except those Azure creates",
  description:
    "Denies a resource group without the tag, unless its name matches a group Azure creates itself (those are " +
    "tagged by 'Tag the resource groups Azure creates').",
  mode: "All",
  category: "Tags",
  version: "1.0.0",
  parameters: {
    tagName: {
      type: "String",
      metadata: { displayName: "Tag name", description: "Name of the tag, such as 'costCenter'." },
    },
    exemptResourceGroups: exemptResourceGroupsParameter,
  },
  policyRule: {
    if: {
      allOf: [
        { field: "type", equals: "Microsoft.Resources/subscriptions/resourceGroups" },
        { field: "[concat('tags[', parameters('tagName'), ']')]", exists: "false" },
        { count: exemptGroupCount.count, equals: 0 },
      ],
    },
    then: { effect: "deny" },
  },
};

/** Tag Contributor: what a Modify on tags needs (built-in role 4a9ae827). */
export const TAG_CONTRIBUTOR_ROLE = "4a9ae827-6dc8-4573-8ac7-8239d42aa03f";

/**
 * Gives the resource groups Azure creates the platform's value of a tag when they lack it (`Modify`, add only), so
 * their cost is charged to the platform instead of nobody.
 */
export const TAG_AZURE_CREATED_RESOURCE_GROUPS: CustomPolicyDefinition = {
  name: "Modify-RG-Tag-AzureCreated",
  displayName: "Tag the resource groups Azure creates",
  description:
    "Adds the tag, with the given value, to resource groups Azure creates itself when they lack it.",
  mode: "All",
  category: "Tags",
  version: "1.0.0",
  parameters: {
    tagName: {
      type: "String",
      metadata: { displayName: "Tag name", description: "Name of the tag, such as 'costCenter'." },
    },
    tagValue: {
      type: "String",
      metadata: { displayName: "Tag value", description: "Value to add, such as 'platform'." },
    },
    exemptResourceGroups: exemptResourceGroupsParameter,
  },
  policyRule: {
    if: {
      allOf: [
        { field: "type", equals: "Microsoft.Resources/subscriptions/resourceGroups" },
        { field: "[concat('tags[', parameters('tagName'), ']')]", exists: "false" },
        { count: exemptGroupCount.count, greater: 0 },
      ],
    },
    then: {
      effect: "modify",
      details: {
        roleDefinitionIds: [`/providers/Microsoft.Authorization/roleDefinitions/${TAG_CONTRIBUTOR_ROLE}`],
        operations: [
          {
            operation: "add",
            field: "[concat('tags[', parameters('tagName'), ']')]",
            value: "[parameters('tagValue')]",
          },
        ],
      },
    },
  },
};

/**
 * ALZ's sandbox guardrail `Deny-VNET-Peer-Cross-Sub` (Azure-Landing-Zones-Library platform/alz/policy_definitions @
 * faae8cc), in our words: a sandbox may peer networks inside its own subscription, and with the listed networks
 * (the city passes the hub, so a sandbox department keeps its spoke's link to it), nothing else.
 */
export const DENY_PEERING_OUTSIDE_SUBSCRIPTION: CustomPolicyDefinition = {
  name: "Deny-VNET-Peer-Cross-Sub",
  displayName: "Deny virtual network peering outside the subscription",
  description:
    "Denies peerings whose remote network is in another subscription, unless it is one of the allowed networks.",
  mode: "All",
  category: "Network",
  version: "1.0.0",
  parameters: {
    allowedVnets: {
      type: "Array",
      defaultValue: [],
      metadata: {
        displayName: "Allowed virtual networks",
        description: "Resource ids of the networks that may be peered with from another subscription.",
      },
    },
    effect: {
      type: "String",
      allowedValues: ["Audit", "Deny", "Disabled"],
      defaultValue: "Deny",
      metadata: { displayName: "Effect", description: "Enable or disable the execution of the policy." },
    },
  },
  policyRule: {
    if: {
      allOf: [
        { field: "type", equals: "Microsoft.Network/virtualNetworks/virtualNetworkPeerings" },
        {
          field: "Microsoft.Network/virtualNetworks/virtualNetworkPeerings/remoteVirtualNetwork.id",
          notIn: "[parameters('allowedVnets')]",
        },
        {
          field: "Microsoft.Network/virtualNetworks/virtualNetworkPeerings/remoteVirtualNetwork.id",
          notLike: "[concat(subscription().id, '/*')]",
        },
      ],
    },
    then: { effect: "[parameters('effect')]" },
  },
};

/** Virtual Machine Contributor: what writing a VM's shutdown schedule needs (built-in role 9980e02c). */
export const VIRTUAL_MACHINE_CONTRIBUTOR_ROLE = "9980e02c-c2be-4d73-94e8-173b1dc7cf3c";

/** The deployment's parameters: each one of the definition's passed through, under the same name. */
const passThrough = (names: readonly string[]) =>
  Object.fromEntries(names.map((n) => [n, { value: `[parameters('${n}')]` }]));

const SHUTDOWN_PARAMETERS = [
  "time",
  "timeZoneId",
  "EnableNotification",
  "NotificationEmailRecipient",
  "NotificationWebhookUrl",
] as const;

const shutdownDescriptions: Record<(typeof SHUTDOWN_PARAMETERS)[number], string> = {
  time: "Daily Scheduled shutdown time. i.e. 2300 = 11:00 PM",
  timeZoneId: "The time zone ID (e.g. Pacific Standard time).",
  EnableNotification: "If notifications are enabled for this schedule (i.e. Enabled, Disabled).",
  NotificationEmailRecipient: "Email address to be used for notification",
  NotificationWebhookUrl:
    "A notification will be posted to the specified webhook endpoint when the auto-shutdown is about to happen.",
};

/**
 * ALZ's `Deploy-Vm-autoShutdown`, member `DecomShutdownMachines` of its `Enforce-ALZ-Decomm` set
 * (Azure-Landing-Zones-Library platform/alz/policy_definitions/Deploy-Vm-autoShutdown.alz_policy_definition.json @
 * faae8ccf8547e58359641d54120e278271990539, the commit tests/landing-zone/reference pins): every virtual machine
 * gets a daily DevTest Labs shutdown schedule (`shutdown-computevm-<vm>`), so the machines of a decommissioned
 * subscription stop costing compute. Rule, parameters and defaults are ALZ's (midnight UTC, no notification);
 * only the parameter types are written `String` where ALZ has `string` (Azure reads them alike).
 */
export const DEPLOY_VM_AUTO_SHUTDOWN: CustomPolicyDefinition = {
  name: "Deploy-Vm-autoShutdown",
  displayName: "Deploy Virtual Machine Auto Shutdown Schedule",
  description: "Deploys an auto shutdown schedule to a virtual machine",
  mode: "Indexed",
  category: "Compute",
  version: "1.0.0",
  parameters: {
    time: {
      type: "String",
      defaultValue: "0000",
      metadata: { displayName: "Scheduled Shutdown Time", description: shutdownDescriptions.time },
    },
    timeZoneId: {
      type: "String",
      defaultValue: "UTC",
      metadata: { displayName: "Time zone", description: shutdownDescriptions.timeZoneId },
    },
    EnableNotification: {
      type: "String",
      allowedValues: ["Disabled", "Enabled"],
      defaultValue: "Disabled",
      metadata: {
        displayName: "Send Notification before auto-shutdown",
        description: shutdownDescriptions.EnableNotification,
      },
    },
    NotificationEmailRecipient: {
      type: "String",
      defaultValue: "",
      metadata: {
        displayName: "Email Address",
        description: shutdownDescriptions.NotificationEmailRecipient,
      },
    },
    NotificationWebhookUrl: {
      type: "String",
      defaultValue: "",
      metadata: { displayName: "Webhook URL", description: shutdownDescriptions.NotificationWebhookUrl },
    },
  },
  policyRule: {
    if: { field: "type", equals: "Microsoft.Compute/virtualMachines" },
    then: {
      effect: "deployIfNotExists",
      details: {
        type: "Microsoft.DevTestLab/schedules",
        roleDefinitionIds: [
          `/providers/microsoft.authorization/roleDefinitions/${VIRTUAL_MACHINE_CONTRIBUTOR_ROLE}`,
        ],
        existenceCondition: {
          allOf: [
            { field: "Microsoft.DevTestLab/schedules/taskType", equals: "ComputeVmShutdownTask" },
            {
              field: "Microsoft.DevTestLab/schedules/targetResourceId",
              equals:
                "[concat(resourceGroup().id,'/providers/Microsoft.Compute/virtualMachines/',field('name'))]",
            },
          ],
        },
        deployment: {
          properties: {
            mode: "incremental",
            parameters: {
              ...passThrough(SHUTDOWN_PARAMETERS),
              location: { value: "[field('location')]" },
              vmName: { value: "[field('name')]" },
            },
            template: {
              $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
              contentVersion: "1.0.0.0",
              parameters: {
                ...Object.fromEntries(
                  SHUTDOWN_PARAMETERS.map((n) => [
                    n,
                    { type: "string", defaultValue: "", metadata: { description: shutdownDescriptions[n] } },
                  ]),
                ),
                location: { type: "string" },
                vmName: { type: "string" },
              },
              variables: {},
              resources: [
                {
                  name: "[concat('shutdown-computevm-',parameters('vmName'))]",
                  type: "Microsoft.DevTestLab/schedules",
                  location: "[parameters('location')]",
                  apiVersion: "2018-09-15",
                  properties: {
                    status: "Enabled",
                    taskType: "ComputeVmShutdownTask",
                    dailyRecurrence: { time: "[parameters('time')]" },
                    timeZoneId: "[parameters('timeZoneId')]",
                    notificationSettings: {
                      status: "[parameters('EnableNotification')]",
                      timeInMinutes: 30,
                      webhookUrl: "[parameters('NotificationWebhookUrl')]",
                      emailRecipient: "[parameters('NotificationEmailRecipient')]",
                      notificationLocale: "en",
                    },
                    targetResourceId:
                      "[resourceId('Microsoft.Compute/virtualMachines', parameters('vmName'))]",
                  },
                },
              ],
              outputs: {},
            },
          },
        },
      },
    },
  },
};

/**
 * The roles a DeployIfNotExists/Modify definition of ours declares (`then.details.roleDefinitionIds`), as GUIDs:
 * what its assignments' identities are granted, read from the definition so the two cannot drift apart.
 */
export function customRemediationRoles(definition: CustomPolicyDefinition): string[] {
  const then = definition.policyRule.then as { details?: { roleDefinitionIds?: string[] } } | undefined;
  return (then?.details?.roleDefinitionIds ?? []).map((id) => id.split("/").pop() as string);
}

/** Every custom definition, created once at the top management group. */
export const CUSTOM_POLICY_DEFINITIONS: readonly CustomPolicyDefinition[] = [
  ALLOWED_TAG_VALUES_ON_RESOURCE_GROUPS,
  REQUIRE_TAG_ON_RESOURCE_GROUPS,
  TAG_AZURE_CREATED_RESOURCE_GROUPS,
  DENY_PEERING_OUTSIDE_SUBSCRIPTION,
  DEPLOY_VM_AUTO_SHUTDOWN,
];
