/**
 * The dynamic provider of `GroupLicenses` (pulumi-offline.md §3). The program passes `lazyProvider("groupLicenses")`
 * (src/dynamic) to the resource, so state holds a small loader, and this object is made by name in the provider
 * process (src/dynamic/implementations.ts). Still:
 * - the Graph client, credentials and endpoint are made inside each call, never captured;
 * - `diff` compares the real properties only, so a new build of this code is not a change;
 * - `delete` and `read` run on state written by older versions, so they must handle older outputs.
 */
import { GRAPH_ENDPOINT_CONFIG_KEY } from "../../graph/endpoint";
import type * as pulumi from "@pulumi/pulumi";
import type { GroupLicensesInputs } from "../../resourceTypes";
import { createLicensingContext } from "./context";
import type { ContextOptions, StackSettings } from "./context";
import { diffGroupLicenses } from "./diff";
import { checkInputs } from "./inputs";
import { applyGroupLicences, isLicensingFailure, readGroupLicences, removeGroupLicences } from "./operations";
import type { GroupLicensesOutputs } from "./types";

export type GroupLicensesProvider = pulumi.dynamic.ResourceProvider<
  GroupLicensesInputs,
  GroupLicensesOutputs
>;

/** Stack config key (project namespace `tenant`) the provider reads in `configure`. */
export const GRAPH_ENDPOINT_STACK_KEY = GRAPH_ENDPOINT_CONFIG_KEY;

const PROVIDER_KEY = "__provider";

/**
 * After a write, a failure (licence errors, processing still running) must not lose track of what was
 * written: an error carrying `id` and `properties` makes the engine record the resource as created but not
 * initialised, and the next `pulumi up` updates it again (pulumi cmd/dynamic-provider `grpcResponseFromError`).
 */
function withState(error: unknown, id: string, news: Record<string, unknown>): unknown {
  if (!isLicensingFailure(error) || !error.written || !error.outputs) return error;
  const initError = error as unknown as {
    id: string;
    properties: Record<string, unknown>;
    reasons: string[];
  };
  initError.id = id;
  initError.properties = { ...error.outputs, [PROVIDER_KEY]: news[PROVIDER_KEY] };
  initError.reasons = [error.message];
  return error;
}

export function createGroupLicensesProvider(options: ContextOptions = {}): GroupLicensesProvider {
  // Filled by `configure` in the process that runs the provider; empty when serialized.
  const stack: StackSettings = {};
  const context = () => createLicensingContext(options, stack);
  return {
    async configure(req) {
      stack.graphEndpoint = req.config.get(GRAPH_ENDPOINT_STACK_KEY);
    },

    async check(_olds, news) {
      const { inputs, failures } = checkInputs(news as unknown as Record<string, unknown>);
      return { inputs, failures };
    },

    async diff(_id, olds, news) {
      const { changes, replaces } = diffGroupLicenses(
        olds as unknown as Record<string, unknown>,
        news as unknown as Record<string, unknown>,
      );
      return { changes, replaces, deleteBeforeReplace: false };
    },

    async create(inputs) {
      try {
        const { outputs } = await applyGroupLicences(context(), inputs);
        return { id: inputs.groupId, outs: outputs };
      } catch (error) {
        throw withState(error, inputs.groupId, inputs as unknown as Record<string, unknown>);
      }
    },

    async read(id, props) {
      const current = props ? { ...props, groupId: props.groupId ?? id } : undefined;
      if (!current) {
        // Import (`pulumi import` / `.get`) reaches here without state; see docs/m365-licensing.md.
        throw new Error(
          `GroupLicenses ${id}: read needs the resource's state; a dynamic resource cannot be imported (pulumi/pulumi#16175)`,
        );
      }
      const refreshed = await readGroupLicences(context().client, current);
      // No id: the group is gone, and with it its licences; the engine drops the resource from state.
      return refreshed ? { id, props: refreshed } : {};
    },

    async update(id, _olds, news) {
      try {
        const { outputs } = await applyGroupLicences(context(), news);
        return { outs: outputs };
      } catch (error) {
        throw withState(error, id, news as unknown as Record<string, unknown>);
      }
    },

    async delete(id, props) {
      await removeGroupLicences(context().client, { ...props, groupId: props.groupId ?? id });
    },
  };
}
