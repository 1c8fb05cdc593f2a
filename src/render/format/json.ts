import { maskSecrets, type RenderedGraph } from "../graph";

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

/** `<provider urn>::<provider id>` → the provider's URN, which is what a reader can look up in the plan. */
export function providerUrn(reference: string | undefined): string | null {
  if (!reference) return null;
  const cut = reference.lastIndexOf("::");
  return cut < 0 ? reference : reference.slice(0, cut);
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

export function formatPlanJson(graph: RenderedGraph): string {
  return JSON.stringify(planJson(graph), null, 2) + "\n";
}
