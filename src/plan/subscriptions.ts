import { providerUrn, type RenderedGraph, type RenderedResource } from "../render/graph";
import { departmentCreatedFor } from "./ownership";

/** One subscription the rendered program deploys into, and the management group that governs it. */
export interface SubscriptionGovernance {
  /** The subscription id, or `vended: <alias>` when Azure assigns it at creation. */
  subscription: string;
  /** The management group the subscription is placed (or created) under; undefined when nothing places it. */
  managementGroup?: string;
  /** Cloud resources deployed through the subscription's provider (the placement itself excluded). */
  resources: number;
  /** `platform` first when resources of no department live here, then department ids, sorted. */
  hosts: string[];
}

const PROVIDER_TYPE = "pulumi:providers:azure-native";
const PLACEMENT_TYPE = "azure-native:management:ManagementGroupSubscription";
const ALIAS_TYPE = "azure-native:subscription:Alias";
const PLATFORM = "platform";
const GROUP_PREFIX = "/providers/Microsoft.Management/managementGroups/";

/**
 * Per azure-native provider of the render, which management group governs its subscription: the
 * `ManagementGroupSubscription` made with that provider, or the `subscription.Alias` beside it (same parent)
 * that creates the subscription under a group. Read from the graph, so it shows what the program does.
 */
export function summarizeSubscriptions(graph: RenderedGraph): SubscriptionGovernance[] {
  const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  const providers = graph.resources.filter((r) => r.type === PROVIDER_TYPE && !r.read);
  const deployed = new Map<string, RenderedResource[]>();
  for (const r of graph.resources) {
    const urn = providerUrn(r.provider);
    if (urn === null || !r.custom || r.read) continue;
    const list = deployed.get(urn) ?? [];
    list.push(r);
    deployed.set(urn, list);
  }
  return providers
    .map((provider) => {
      const resources = deployed.get(provider.urn) ?? [];
      const placement = resources.find((r) => r.type === PLACEMENT_TYPE);
      const alias = graph.resources.find((r) => r.type === ALIAS_TYPE && r.parent === provider.parent);
      const aliasGroup = (
        alias?.inputs.properties as { additionalProperties?: { managementGroupId?: unknown } } | undefined
      )?.additionalProperties?.managementGroupId;
      const managementGroup =
        typeof placement?.inputs.groupId === "string"
          ? placement.inputs.groupId
          : typeof aliasGroup === "string"
            ? aliasGroup.replace(GROUP_PREFIX, "")
            : undefined;
      const workload = resources.filter((r) => r.type !== PLACEMENT_TYPE);
      const hosts = new Set(workload.map((r) => departmentCreatedFor(r, byUrn) ?? PLATFORM));
      const subscription = alias
        ? `vended: ${String(alias.inputs.aliasName)}`
        : String(provider.inputs.subscriptionId ?? "(default)");
      const sorted = [...hosts].sort(
        (a, b) => Number(b === PLATFORM) - Number(a === PLATFORM) || a.localeCompare(b),
      );
      return { subscription, managementGroup, resources: workload.length, hosts: sorted };
    })
    .sort(
      (a, b) =>
        (a.managementGroup ?? "").localeCompare(b.managementGroup ?? "") ||
        a.subscription.localeCompare(b.subscription),
    );
}
