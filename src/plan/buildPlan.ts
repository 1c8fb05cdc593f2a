import type { TenantDefinition } from "../config/definition";
import type { BuildSettings } from "../program";
import type { PlanHeader } from "./format/text";
import type { RenderedGraph } from "./graph";
import { renderTenant } from "./renderer";
import { summarizeSubscriptions, type SubscriptionGovernance } from "./subscriptionSummary";
import { summarizeGraph, type GraphSummary } from "./summary";

/**
 * The model `tenant plan` prints: render → model → formatter. Later features (a `--base` diff, policy results)
 * add fields here and formatters read them; the renderer stays unaware of them.
 */
export interface Plan {
  header: PlanHeader;
  graph: RenderedGraph;
  summary: GraphSummary;
  /** Per subscription, the management group that governs it. */
  subscriptions: SubscriptionGovernance[];
}

export async function buildPlan(definition: TenantDefinition, settings: BuildSettings): Promise<Plan> {
  const { graph } = await renderTenant(definition, settings);
  return {
    header: {
      organization: definition.tenant.organization.name,
      stack: settings.environment,
      layers: settings.layers,
      platformStack: settings.platformStack,
    },
    graph,
    summary: summarizeGraph(
      graph,
      definition.departments.map((d) => d.id),
    ),
    subscriptions: summarizeSubscriptions(graph),
  };
}
