/**
 * The dynamic provider of `AdministrativeUnit` (pulumi-offline.md §3): azuread's AdministrativeUnit cannot hold a
 * membership rule, so the unit is written through Graph v1.0. Loaded by name in the provider process
 * (src/dynamic/implementations.ts); the Graph client is made inside each call from the environment.
 */
import type * as pulumi from "@pulumi/pulumi";
import { createGraphClient } from "../../../graph/create";
import type { CreateGraphClientOptions } from "../../../graph/create";
import { GRAPH_ENDPOINT_CONFIG_KEY } from "../../../graph/endpoint";
import type { AdministrativeUnitInputs } from "../../../resourceTypes";
import { readUnit, deleteUnit } from "./graphCalls";
import { checkAdministrativeUnitInputs, changedProperties } from "./inputs";
import { applyAdministrativeUnit } from "./operations";
import type { AdministrativeUnitOutputs } from "./operations";

export interface AdministrativeUnitProviderOptions {
  /** Test seams for the Graph client. Real runs pass none. */
  client?: Partial<CreateGraphClientOptions>;
  env?: Readonly<Record<string, string | undefined>>;
}

export type AdministrativeUnitProvider = pulumi.dynamic.ResourceProvider<
  AdministrativeUnitInputs,
  AdministrativeUnitOutputs
>;

export function createAdministrativeUnitProvider(
  options: AdministrativeUnitProviderOptions = {},
): AdministrativeUnitProvider {
  const stack: { graphEndpoint?: string } = {};
  const client = () =>
    createGraphClient({
      env: options.env ?? process.env,
      stackEndpoint: stack.graphEndpoint,
      ...(options.client ?? {}),
    });
  return {
    async configure(req) {
      stack.graphEndpoint = req.config.get(GRAPH_ENDPOINT_CONFIG_KEY);
    },
    async check(_olds, news) {
      return checkAdministrativeUnitInputs(news as unknown as Record<string, unknown>);
    },
    async diff(_id, olds, news) {
      const changes = changedProperties(olds, news);
      return { changes: changes.length > 0, replaces: [], deleteBeforeReplace: false };
    },
    async create(inputs) {
      const outs = await applyAdministrativeUnit(client(), inputs);
      return { id: outs.unitId, outs };
    },
    async read(id, props) {
      if (!props) {
        throw new Error(
          `AdministrativeUnit ${id}: read needs the resource's state; a dynamic resource cannot be imported (pulumi/pulumi#16175)`,
        );
      }
      const unit = await readUnit(client(), id);
      // No id: the unit was deleted by hand; the engine drops it and the next `pulumi up` creates it again.
      if (!unit) return {};
      return {
        id,
        props: {
          ...props,
          displayName: unit.displayName,
          description: unit.description,
          membershipRule: unit.membershipRule,
          unitId: id,
        },
      };
    },
    async update(id, _olds, news) {
      return { outs: await applyAdministrativeUnit(client(), news, id) };
    },
    async delete(id) {
      await deleteUnit(client(), id);
    },
  };
}
