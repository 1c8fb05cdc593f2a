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

/** Every custom definition, created once at the top management group. */
export const CUSTOM_POLICY_DEFINITIONS: readonly CustomPolicyDefinition[] = [
  ALLOWED_TAG_VALUES_ON_RESOURCE_GROUPS,
];
