import { REQUIRED_RESOURCE_GROUP_TAGS } from "../../../../../src/tags";
import { AZURE } from "../../../../lib/azure";
import { definePolicy, validateResourceOfToken } from "../../../../lib/define";

/**
 * Resource groups carry the department and costCenter tags.
 */
export const requiredTags = definePolicy(
  {
    id: "azure-resources-resourcegroup-required-tags",
    vendor: "azure",
    service: "resources",
    kind: "resource",
    severity: "medium",
    enforcementLevel: "mandatory",
    description: "Resource groups carry the department and costCenter tags.",
    rationale:
      "Finance charges every euro of Azure spend back to a department's cost centre from these two tags; the " +
      "root management group also denies resource groups without them, so a missing tag fails the deployment.",
    remediation:
      "Create the resource group through the toolkit (src/tags.ts sets both), or add the missing tags to it.",
    topics: ["tagging", "cost"],
  },
  {
    // The keys come from src/tags.ts, the same constants the Azure Policy assignments and the program use.
    validateResource: validateResourceOfToken<{ tags?: Record<string, string> }>(
      AZURE.resourceGroup,
      (props, _args, reportViolation) => {
        const tags = props.tags ?? {};
        const missing = REQUIRED_RESOURCE_GROUP_TAGS.filter((k) => !tags[k] || tags[k].trim() === "");
        if (missing.length > 0) {
          reportViolation(`The resource group has no ${missing.map((k) => `'${k}'`).join(" or ")} tag.`);
        }
      },
    ),
  },
);
