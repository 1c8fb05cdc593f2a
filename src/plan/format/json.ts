import { maskSecrets, providerUrn, type RenderedGraph } from "../../render/graph";
import type { StandingCost } from "../licenceCost";
import type { DiffPlan } from "../model";

/** The JSON formatter of both plans: the plain plan's whole graph, or the `--base` plan's whole model. */

/** The documented JSON shape of `tenant plan --format json`: the whole graph, secrets masked. */
export interface PlanJson {
  resources: {
    urn: string;
    type: string;
    name: string;
    parent: string | null;
    /** URN of the explicit provider (e.g. the subscription's), or null for the default provider. */
    provider: string | null;
    protect: boolean;
    retainOnDelete: boolean;
    inputs: unknown;
  }[];
}

export function planJson(graph: RenderedGraph): PlanJson {
  return {
    resources: graph.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      parent: r.parent ?? null,
      provider: providerUrn(r.provider),
      protect: r.protect === true,
      retainOnDelete: r.retainOnDelete === true,
      inputs: maskSecrets(r.inputs),
    })),
  };
}

/** The graph, and each department's licence cost a month when tenant.yaml prices SKUs. */
export function formatPlanJson(graph: RenderedGraph, cost?: StandingCost): string {
  return JSON.stringify({ ...planJson(graph), ...(cost ? { cost } : {}) }, null, 2) + "\n";
}

/**
 * `tenant plan --base … --format json`: the whole model, for machines. Nothing is cut (the markdown budget does
 * not apply); every value is already printable (secrets `[secret]`). `schema` names the shape's version.
 */
export const DIFF_PLAN_SCHEMA = "tenant-plan-diff/1";

export function formatDiffPlanJson(plan: DiffPlan): string {
  return JSON.stringify({ schema: DIFF_PLAN_SCHEMA, ...plan }, null, 2) + "\n";
}
