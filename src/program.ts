import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "./config/definition";
import { vendDepartments } from "./departments/vending";
import { buildIdentityLayer } from "./identity/identityLayer";
import { applyInstance } from "./instance";
import { LandingZone } from "./landing-zone/LandingZone";
import { buildM365Layer } from "./m365/layer";
import { buildTeamsVoiceLayer } from "./teams/layer";
import { LAYER_READERS, stackReferenceReader } from "./layerReference";
import { planLayers, type LayerExports, type LayerName } from "./layers";
import type { TenantSettings } from "./stackConfig";

export interface BuildSettings extends TenantSettings {
  /** The stack name, written to the `environment` tag. */
  environment: string;
}

/** Per department, the ids reviewers and other stacks look for; only what this stack deploys is present. */
export interface DepartmentOutputs {
  resourceGroupId?: pulumi.Input<string>;
  spokeId?: pulumi.Input<string>;
  groupId?: pulumi.Input<string>;
  adminGroupId?: pulumi.Input<string>;
}

/** The stack outputs: each deployed layer's exports under its name, plus a per-department digest. */
export type TenantOutputs = { [L in LayerName]?: LayerExports[L] } & {
  departments: Record<string, DepartmentOutputs>;
};

export interface LayerContext {
  definition: TenantDefinition;
  settings: BuildSettings;
  /** Exports of a layer this one reads: in-process when this stack deploys it, else from the platform stack. */
  read<R extends LayerName>(layer: R): LayerExports[R];
  /**
   * Resources one layer hands a later layer of the SAME stack only as dependencies (never across stacks: there
   * they are already deployed). Today: the m365 licences, which numbers wait for.
   */
  inStack: InStackResources;
}

export interface InStackResources {
  /** Keyed by department id. */
  licences?: Record<string, pulumi.Resource>;
}

type LayerBuilders = { readonly [L in LayerName]: (ctx: LayerContext) => LayerExports[L] };

/**
 * What each layer creates. Later issues replace the m365 and teamsVoice entries; a layer that is not in the
 * table does not compile, and `LAYERS[layer].reads` (src/layers.ts) says what it may `read`.
 */
export const LAYER_BUILDERS: LayerBuilders = {
  landingZone: ({ definition, settings }) => {
    const landingZone = new LandingZone("landing-zone", { definition, environment: settings.environment });
    const platform = landingZone.outputs();
    const vended = vendDepartments({
      definition,
      environment: settings.environment,
      budgetStartDate: settings.budgetStartDate,
      platform,
      managementGroups: landingZone.managementGroups,
      hubProvider: landingZone.platformSubscriptions.get("connectivity")?.provider,
      hubGateway: landingZone.connectivity.gateway,
      hubFirewallIp: landingZone.connectivity.firewallPrivateIp,
      subscriptions: landingZone.subscriptionPlans,
    });
    return { platform, departments: vended.exports };
  },
  identity: ({ definition, read }) => buildIdentityLayer(definition, read("landingZone")),
  m365: ({ definition, read, inStack }) => {
    inStack.licences = buildM365Layer(definition, read("identity")).licences;
    return {};
  },
  teamsVoice: ({ definition, read, inStack }) => {
    buildTeamsVoiceLayer(definition, read("identity"), undefined, { licences: inStack.licences });
    return {};
  },
};

function runLayer<L extends LayerName>(layer: L, ctx: LayerContext): LayerExports[L] {
  return LAYER_BUILDERS[layer](ctx);
}

/**
 * Builds everything the stack's layers deploy from the typed definition. Reads no Pulumi config: the entry
 * module (src/index.ts) and the offline renderer both call it with explicit settings.
 */
export function buildTenant(source: TenantDefinition, settings: BuildSettings): TenantOutputs {
  // A second instance of the definition (test beside prod) gets its own group ids, names and subscriptions.
  const definition = settings.instance ? applyInstance(source, settings.instance) : source;
  const plans = planLayers(settings.layers, settings.platformStack);
  const built: Partial<Record<LayerName, unknown>> = {};
  const referenced: Partial<Record<LayerName, unknown>> = {};
  let reference: pulumi.StackReference | undefined;
  const fromPlatformStack = <R extends LayerName>(layer: R): LayerExports[R] => {
    // planLayers guarantees platformStack is set whenever a read is not local.
    const stack = settings.platformStack as string;
    reference ??= new pulumi.StackReference(stack);
    referenced[layer] ??= LAYER_READERS[layer](definition, stackReferenceReader(reference, stack));
    return referenced[layer] as LayerExports[R];
  };
  const inStack: InStackResources = {};
  for (const plan of plans) {
    const read = <R extends LayerName>(layer: R): LayerExports[R] => {
      const source = plan.reads[layer];
      if (source === undefined) {
        throw new Error(
          `Layer '${plan.layer}' reads '${layer}', which LAYERS in src/layers.ts does not list.`,
        );
      }
      return source === "local" ? (built[layer] as LayerExports[R]) : fromPlatformStack(layer);
    };
    built[plan.layer] = runLayer(plan.layer, { definition, settings, read, inStack });
  }
  const outputs = built as { [L in LayerName]?: LayerExports[L] };
  return { ...outputs, departments: departmentOutputs(definition, outputs) };
}

function departmentOutputs(
  definition: TenantDefinition,
  built: { [L in LayerName]?: LayerExports[L] },
): Record<string, DepartmentOutputs> {
  return Object.fromEntries(
    definition.departments.map((d) => {
      const zone = built.landingZone?.departments[d.id];
      const identity = built.identity?.departments[d.id];
      return [
        d.id,
        {
          resourceGroupId: zone?.resourceGroupId,
          spokeId: zone?.spokeId,
          groupId: identity?.groupId,
          adminGroupId: identity?.adminGroupId,
        },
      ];
    }),
  );
}
