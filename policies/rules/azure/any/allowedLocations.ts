import type { PolicyResource } from "@pulumi/policy";
import { definePolicy } from "../../../lib/define";
import { AZURE, BUILTIN_POLICY, normaliseRegion } from "../../../lib/azure";
import { ofType } from "../../../lib/resources";

interface Config {
  allowedRegions?: string[];
}

/** The regions an "Allowed locations" assignment of the stack permits, or undefined when it has none. */
function assignedRegions(resources: readonly PolicyResource[], definition: string): string[] | undefined {
  for (const a of ofType(resources, AZURE.policyAssignment)) {
    const id = a.props.policyDefinitionId;
    if (typeof id !== "string" || !id.toLowerCase().endsWith(`/policydefinitions/${definition}`)) continue;
    const value = (a.props.parameters as Record<string, { value?: unknown }> | undefined)
      ?.listOfAllowedLocations?.value;
    if (Array.isArray(value)) return value.map((v) => normaliseRegion(String(v)));
  }
  return undefined;
}

/**
 * Azure resources are created only in the landing zone's allowed regions.
 */
export const allowedLocations = definePolicy(
  {
    id: "azure-any-resource-allowed-locations",
    vendor: "azure",
    service: "any",
    kind: "stack",
    severity: "high",
    enforcementLevel: "mandatory",
    description: "Azure resources are created only in the landing zone's allowed regions.",
    rationale:
      "Data residency: the city keeps its data in the regions its contracts and the ENS allow. The root " +
      "management group denies other regions, but only when ARM is called; this catches it in review.",
    remediation:
      "Set the department's network.region (or the landing zone's primaryRegion) to a region in " +
      "landingZone.allowedRegions, or add the region there after the data-protection officer agrees.",
    topics: ["data-residency", "location"],
    frameworks: ["ENS mp.info.1", "GDPR art. 44"],
  },
  {
    configSchema: {
      properties: {
        allowedRegions: {
          type: "array",
          items: { type: "string" },
          description:
            "Regions to allow when the stack has no 'Allowed locations' assignment (a stack that does not deploy the landing zone).",
        },
      },
    },
    // Why a stack policy: the allowed list lives in the landing zone's own "Allowed locations" assignments (the
    // same values Azure enforces), and a resource policy cannot see another resource. The engine and the
    // offline evaluator both see those assignments, so they reach the same answer without a second copy.
    validateStack: (args, reportViolation) => {
      const configured = args.getConfig<Config>().allowedRegions?.map(normaliseRegion);
      const forResources = assignedRegions(args.resources, BUILTIN_POLICY.allowedLocations) ?? configured;
      const forGroups =
        assignedRegions(args.resources, BUILTIN_POLICY.allowedResourceGroupLocations) ?? forResources;
      if (!forResources && !forGroups) {
        return args.notApplicable(
          "The stack has no 'Allowed locations' assignment and the policy config sets no allowedRegions.",
        );
      }
      for (const r of args.resources) {
        if (!r.type.startsWith("azure-native:")) continue;
        const location = r.props.location;
        if (typeof location !== "string") continue;
        const region = normaliseRegion(location);
        // Azure's own allowed-locations definitions exempt "global" (tenant-wide resources have no region).
        if (region === "global") continue;
        const allowed = r.type === AZURE.resourceGroup ? forGroups : forResources;
        if (allowed && !allowed.includes(region)) {
          reportViolation(
            `'${r.name}' is in region '${location}', which is not allowed; allowed regions: ${allowed.join(", ")}.`,
            r.urn,
          );
        }
      }
    },
  },
);
