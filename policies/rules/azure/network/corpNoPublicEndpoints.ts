import type { PolicyResource } from "@pulumi/policy";
import { AZURE } from "../../../lib/azure";
import { definePolicy } from "../../../lib/define";
import { departmentOf } from "../../../lib/resources";

interface Config {
  onlineDepartments?: string[];
}

/** Why `r` is a public endpoint, or undefined when it is not one. */
function publicExposure(r: PolicyResource): string | undefined {
  if (r.type === AZURE.publicIpAddress) return "is a public IP address";
  if (r.type === AZURE.networkInterface) {
    const configs = r.props.ipConfigurations;
    if (Array.isArray(configs) && configs.some((c) => c && typeof c === "object" && c.publicIPAddress)) {
      return "is a network interface with a public IP";
    }
  }
  // Only an explicit "Enabled" is judged: what an omitted value means differs per service and API version.
  const access = r.props.publicNetworkAccess;
  if (typeof access === "string" && access.toLowerCase() === "enabled") {
    return "has publicNetworkAccess 'Enabled'";
  }
  return undefined;
}

/**
 * Corp departments have no public IP addresses and no public network access.
 */
export const corpNoPublicEndpoints = definePolicy(
  {
    id: "azure-network-corp-no-public-endpoints",
    vendor: "azure",
    service: "network",
    kind: "stack",
    severity: "critical",
    enforcementLevel: "mandatory",
    description: "Corp departments have no public IP addresses and no public network access.",
    rationale:
      "Corp spokes reach the internet only through the hub's firewall, which inspects and logs the traffic. " +
      "Azure denies public IPs only for subscriptions placed under the corp management group; departments " +
      "sharing the platform subscription are checked only here.",
    remediation:
      "Publish the workload through the hub (Application Gateway, Front Door) or, when the department really " +
      "serves the public, set its network.publicAccess to true and run `npm run gen:rules`.",
    topics: ["network", "exposure"],
    frameworks: ["ENS mp.com.1"],
  },
  {
    configSchema: {
      properties: {
        onlineDepartments: {
          type: "array",
          items: { type: "string" },
          default: [],
          description:
            "Departments with network.publicAccess (the `online` landing zone). Generated from the definition by `npm run gen:rules`.",
        },
      },
    },
    // Why the config: the graph does not say which departments are corp (departments without a subscription of
    // their own are not placed under any management group), while the definition does. The list is generated
    // from the definition into the stack's policy config, which the engine and the offline evaluator both read.
    validateStack: (args, reportViolation) => {
      const online = new Set(args.getConfig<Config>().onlineDepartments ?? []);
      for (const r of args.resources) {
        if (!r.type.startsWith("azure-native:")) continue;
        const department = departmentOf(r);
        if (department === undefined || online.has(department)) continue;
        const exposure = publicExposure(r);
        if (exposure) {
          reportViolation(
            `'${r.name}' in corp department '${department}' ${exposure}; corp spokes reach the internet only through the hub.`,
            r.urn,
          );
        }
      }
    },
  },
);
