import type * as pulumi from "@pulumi/pulumi";
import type { LandingZoneOutputs } from "./landing-zone/outputs";

/**
 * The layers a stack can deploy, in dependency order. A large city splits them over stacks (platform team runs
 * `landingZone`, identity team the rest) and later layers read earlier ones through a StackReference; the
 * default is all four in one stack. This file is the single contract of what crosses that boundary.
 */
export const LAYER_NAMES = ["landingZone", "identity", "m365", "teamsVoice"] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

/** Per department, what the landing-zone layer vends and hands on. */
export interface DepartmentLandingZoneExports {
  subscriptionId: pulumi.Input<string>;
  resourceGroupId: pulumi.Input<string>;
  resourceGroupName: pulumi.Input<string>;
  spokeId: pulumi.Input<string>;
  spokeName: pulumi.Input<string>;
}

/** Per department, the Entra groups the identity layer creates (object ids). */
export interface DepartmentIdentityExports {
  groupId: pulumi.Input<string>;
  adminGroupId: pulumi.Input<string>;
}

/**
 * What each layer exports as the stack output named after it. Fields are `Input`s so the same shape holds
 * the in-process values (Outputs) and what a StackReference reads back (plain strings).
 */
export interface LayerExports {
  landingZone: {
    platform: LandingZoneOutputs;
    /** Keyed by department id. */
    departments: Record<string, DepartmentLandingZoneExports>;
  };
  identity: {
    /** Keyed by department id. */
    departments: Record<string, DepartmentIdentityExports>;
  };
  /**
   * Licences (one GroupLicenses per licensed department, src/m365) are read by no later layer, so nothing
   * crosses a stack boundary and the export stays empty.
   */
  m365: Record<string, never>;
  /**
   * Teams voice (src/teams/layer.ts): tenant-wide policies, routing, dial plans and emergency addresses, and
   * per department its group policy assignments and numbers. No later layer reads it, so the export is empty.
   */
  teamsVoice: Record<string, never>;
}

export interface LayerInfo {
  /** Earlier layers whose exports this layer reads (in-process when deployed here, else by StackReference). */
  reads: readonly LayerName[];
  description: string;
}

export const LAYERS: { readonly [L in LayerName]: LayerInfo } = {
  landingZone: {
    reads: [],
    description:
      "management groups, policy baseline, logging, hub; per department RG, spoke, peerings, budget",
  },
  identity: {
    reads: ["landingZone"],
    description: "per department a dynamic Entra security group, an admin group and its Contributor role",
  },
  m365: {
    reads: ["identity"],
    description: "group-based Microsoft 365 licences (GroupLicenses) on each licensed department group",
  },
  teamsVoice: {
    reads: ["identity"],
    description:
      "Teams voice policies, routing, dial plans and emergency addresses; per department group policy assignments and phone numbers",
  },
};

export function isLayerName(value: string): value is LayerName {
  return (LAYER_NAMES as readonly string[]).includes(value);
}

/**
 * Parses the `tenant:layers` setting (or `--layers a,b`): known names only, in dependency order, no duplicates.
 * `undefined` means every layer.
 */
export function parseLayers(value: readonly string[] | undefined, source = "tenant:layers"): LayerName[] {
  if (value === undefined) return [...LAYER_NAMES];
  const unknown = value.filter((v) => !isLayerName(v));
  if (unknown.length > 0) {
    throw new Error(
      `unknown layer${unknown.length === 1 ? "" : "s"} ${unknown.map((u) => `'${u}'`).join(", ")} in ${source} — use any of ${LAYER_NAMES.join(", ")}`,
    );
  }
  if (value.length === 0) {
    throw new Error(
      `${source} is empty — list at least one of ${LAYER_NAMES.join(", ")}, or omit it for all`,
    );
  }
  return LAYER_NAMES.filter((l) => value.includes(l));
}

export type LayerSource = "local" | "stackReference";

export interface LayerPlan {
  layer: LayerName;
  /** Where each layer it reads comes from. */
  reads: Partial<Record<LayerName, LayerSource>>;
}

/**
 * Decides, for each deployed layer, where the layers it reads come from. A read layer deployed in the same stack
 * is used in-process; otherwise it must come from `platformStack`, and without one the stack cannot work.
 */
export function planLayers(selected: readonly LayerName[], platformStack: string | undefined): LayerPlan[] {
  const missing = new Set<LayerName>();
  const plans = LAYER_NAMES.filter((l) => selected.includes(l)).map((layer) => {
    const reads: Partial<Record<LayerName, LayerSource>> = {};
    for (const read of LAYERS[layer].reads) {
      if (selected.includes(read)) reads[read] = "local";
      else {
        reads[read] = "stackReference";
        if (!platformStack) missing.add(read);
      }
    }
    return { layer, reads };
  });
  if (missing.size > 0) {
    const names = [...missing].join(", ");
    throw new Error(
      `the layers of this stack read ${names}, which it does not deploy — set tenant:platformStack to the stack that deploys ${names}, or add ${names} to tenant:layers`,
    );
  }
  return plans;
}
