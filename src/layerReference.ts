import * as pulumi from "@pulumi/pulumi";
import type { TenantDefinition } from "./config/definition";
import type { LayerExports, LayerName } from "./layers";

/** Reads one string an earlier layer exported, by its path from the stack output (`["landingZone", …]`). */
export type ReadExport = (path: readonly string[]) => pulumi.Input<string>;

/**
 * How each layer's exports are read back from the stack that deployed it. Every leaf is named by the
 * definition (department and management-group ids), so a reader gets exactly the `LayerExports` shape and
 * TypeScript catches a layer whose exports changed without its reader.
 */
export const LAYER_READERS: {
  readonly [L in LayerName]: (definition: TenantDefinition, get: ReadExport) => LayerExports[L];
} = {
  landingZone: (definition, get) => ({
    platform: {
      managementGroupIds: Object.fromEntries(
        definition.tenant.landingZone.managementGroups.map((g) => [
          g.id,
          get(["landingZone", "platform", "managementGroupIds", g.id]),
        ]),
      ),
      workspaceId: get(["landingZone", "platform", "workspaceId"]),
      hub: {
        resourceGroupName: get(["landingZone", "platform", "hub", "resourceGroupName"]),
        vnetName: get(["landingZone", "platform", "hub", "vnetName"]),
        vnetId: get(["landingZone", "platform", "hub", "vnetId"]),
      },
    },
    departments: Object.fromEntries(
      definition.departments.map((d) => {
        const at = (field: string) => get(["landingZone", "departments", d.id, field]);
        return [
          d.id,
          {
            subscriptionId: at("subscriptionId"),
            resourceGroupId: at("resourceGroupId"),
            resourceGroupName: at("resourceGroupName"),
            spokeId: at("spokeId"),
            spokeName: at("spokeName"),
          },
        ];
      }),
    ),
  }),
  identity: (definition, get) => ({
    departments: Object.fromEntries(
      definition.departments.map((d) => [
        d.id,
        {
          groupId: get(["identity", "departments", d.id, "groupId"]),
          adminGroupId: get(["identity", "departments", d.id, "adminGroupId"]),
        },
      ]),
    ),
  }),
  m365: () => ({}),
  teamsVoice: () => ({}),
};

/**
 * Follows `path` in a value read from another stack; a missing field fails with what to do, since it means
 * the platform stack was deployed from another definition (or not at all).
 */
export function dig(value: unknown, path: readonly string[], stack: string): string {
  let at: unknown = value;
  for (const key of path) {
    at = at !== null && typeof at === "object" ? (at as Record<string, unknown>)[key] : undefined;
  }
  if (typeof at !== "string") {
    throw new Error(
      `Stack ${stack} exports no ${path.join(".")} — deploy it with the same definition first (pulumi up on ${stack}).`,
    );
  }
  return at;
}

/** A ReadExport over a StackReference: one output per top-level layer key, fields picked lazily. */
export function stackReferenceReader(ref: pulumi.StackReference, stack: string): ReadExport {
  return (path) => ref.getOutput(path[0]).apply((v) => dig(v, path.slice(1), stack));
}
