import { maskSecrets, type RenderedGraph } from "../graph";

/** The documented JSON shape of `tenant plan --format json`: the whole graph, secrets masked. */
export interface PlanJson {
  resources: { urn: string; type: string; name: string; parent: string | null; inputs: unknown }[];
}

export function planJson(graph: RenderedGraph): PlanJson {
  return {
    resources: graph.resources.map((r) => ({
      urn: r.urn,
      type: r.type,
      name: r.name,
      parent: r.parent ?? null,
      inputs: maskSecrets(r.inputs),
    })),
  };
}

export function formatPlanJson(graph: RenderedGraph): string {
  return JSON.stringify(planJson(graph), null, 2) + "\n";
}
