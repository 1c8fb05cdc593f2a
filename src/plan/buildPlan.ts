import type { TenantDefinition } from "../config/definition";
import type { BuildSettings } from "../program";
import type { RenderedGraph } from "../render/graph";
import { renderTenant } from "../render/renderer";
import { summarizeGraph, type GraphSummary } from "./graphSummary";
import { budgetsOf, priceList, standingCost, type StandingCost } from "./licenceCost";
import { licencesByDepartment } from "./licences";
import type { PlanHeader } from "./model";
import { summarizeSubscriptions, type SubscriptionGovernance } from "./subscriptions";

/**
 * The model the plain `tenant plan` prints (without --base): render → model → formatter (format/). The `--base`
 * plan's model is DiffPlan (model.ts, buildDiffPlan.ts); the renderer stays unaware of both.
 */
export interface Plan {
  header: PlanHeader;
  graph: RenderedGraph;
  summary: GraphSummary;
  /** Per subscription, the management group that governs it. */
  subscriptions: SubscriptionGovernance[];
  /** Each department's licence cost a month; absent when tenant.yaml prices no SKU. */
  cost?: StandingCost;
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
    cost: standingCost(licencesByDepartment(graph), priceList(definition), budgetsOf(definition)),
  };
}
