import { MANAGED_BY, TAG_KEYS } from "../../../../src/tags";
import { TAGGABLE } from "../../../lib/azure";
import { definePolicy } from "../../../lib/define";

/**
 * Every taggable Azure resource carries the managedBy tag.
 */
export const managedByTag = definePolicy(
  {
    id: "azure-any-resource-managed-by-tag",
    vendor: "azure",
    service: "any",
    kind: "resource",
    severity: "low",
    enforcementLevel: "advisory",
    description: "Every taggable Azure resource carries the managedBy tag.",
    rationale:
      "The tag tells whoever opens the resource in the portal that it is managed from this repository, so a " +
      "hand edit will be undone by the next deployment.",
    remediation: `Give the resource the toolkit's tags (src/tags.ts baseTags): managedBy '${MANAGED_BY}'.`,
    topics: ["tagging", "ownership"],
  },
  {
    validateResource: (args, reportViolation) => {
      // A resource that has `tags` takes tags even if the list below does not know its type yet.
      if (!TAGGABLE.includes(args.type) && !(args.type.startsWith("azure-native:") && "tags" in args.props)) {
        return args.notApplicable("Policy only applies to Azure resources that take tags");
      }
      const tags = (args.props.tags ?? {}) as Record<string, unknown>;
      const value = tags[TAG_KEYS.managedBy];
      if (typeof value !== "string" || value.trim() === "") {
        reportViolation(`The resource has no '${TAG_KEYS.managedBy}' tag.`);
      }
    },
  },
);
