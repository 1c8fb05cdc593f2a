/**
 * The resource graph a render produces: what `pulumi up` would register for a definition, resource by resource.
 * It is a desired-state view (what the program asks for), never a diff against what exists in Azure.
 */

/** The root stack resource every graph has: never a change, never counted (it exists in every stack). */
export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** A secret input: kept marked in the graph, printed as `[secret]` by every formatter. */
export class SecretValue {
  constructor(readonly value: unknown) {}
}

/** An input that would only be known during a real deployment (e.g. an id a provider assigns). */
export const UNKNOWN = "[unknown]";

export interface RenderedResource {
  urn: string;
  /** Type token, e.g. `azure-native:network:VirtualNetwork`. */
  type: string;
  /** Logical name (the last URN segment). */
  name: string;
  /** True for cloud resources and providers, false for components. */
  custom: boolean;
  /** URN of the parent resource; absent only for the root stack. */
  parent?: string;
  /** Explicit (`dependsOn`) and implicit (from inputs) dependencies, by URN. */
  dependencies: string[];
  /** Provider reference (`<provider urn>::<id>`) when one was given explicitly. */
  provider?: string;
  /** `protect`: the engine refuses to delete or replace it until the option is removed. */
  protect?: boolean;
  /** `retainOnDelete`: deleting it from the program removes it from the state only, never from Azure. */
  retainOnDelete?: boolean;
  /** Inputs as the engine would receive them; secrets are SecretValue, unknowns are UNKNOWN. */
  inputs: Record<string, unknown>;
  /** True when the resource is read (StackReference, `.get`) rather than created. */
  read: boolean;
}

export interface RenderedGraph {
  project: string;
  stack: string;
  /** In registration order. */
  resources: RenderedResource[];
}

/** `<provider urn>::<provider id>` → the provider's URN, which is what a reader can look up in a plan. */
export function providerUrn(reference: string | undefined): string | null {
  if (!reference) return null;
  const cut = reference.lastIndexOf("::");
  return cut < 0 ? reference : reference.slice(0, cut);
}

/** A deep copy of `value` with every SecretValue replaced by `[secret]`, for printing. */
export function maskSecrets(value: unknown): unknown {
  if (value instanceof SecretValue) return "[secret]";
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v)]));
  }
  return value;
}
