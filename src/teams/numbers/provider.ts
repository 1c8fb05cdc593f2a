/**
 * The dynamic provider of `NumberAssignments` (pulumi-offline.md §3). The program passes
 * `lazyProvider("numberAssignments")` (src/dynamic) to the resource, so state holds a small loader, and this object
 * is made by name in the provider process (src/dynamic/implementations.ts). Still:
 * - the Graph client and credentials are made inside each call, never captured;
 * - `diff` compares the real entries only, so a new build of this code is not a change;
 * - `delete` and `read` run on state written by older versions, so they accept outputs without the newer fields.
 *
 * Partial failure: create/update THROW when some entry failed, and the error carries `id` and `properties`
 * (the outputs: what the tenant holds now). The engine then records those outputs with the new inputs and
 * fails the `up` (cmd/dynamic-provider `grpcResponseFromError`, ErrorResourceInitFailed). The next preview
 * diffs the held set against the asked-for set, shows the missing entries as a change, and the next `up`
 * applies just those. docs/teams-voice.md § Phone numbers explains why this beats a green run with a
 * `failed` output.
 */
import { GRAPH_ENDPOINT_CONFIG_KEY } from "../../graph/endpoint";
import type * as pulumi from "@pulumi/pulumi";
import type { NumberAssignmentsInputs } from "../../resourceTypes";
import { applyNumberAssignments } from "./apply";
import { createNumbersBackend, type BackendOptions } from "./backend";
import { diffNumberAssignments } from "./diff";
import { checkInputs } from "./inputs";
import { readNumberAssignments } from "./refresh";
import { removeNumberAssignments } from "./remove";
import { isNumberAssignmentsFailure } from "./report";
import type { NumberAssignmentsArgsPlain, NumberAssignmentsOutputs } from "./types";

export type NumberAssignmentsProvider = pulumi.dynamic.ResourceProvider<
  NumberAssignmentsArgsPlain,
  NumberAssignmentsOutputs
>;

/** Stack config key (project namespace `tenant`) read in `configure`, as the licensing provider does. */
export const GRAPH_ENDPOINT_STACK_KEY = GRAPH_ENDPOINT_CONFIG_KEY;

const PROVIDER_KEY = "__provider";

/** The resource id: one resource per department. */
export const numberAssignmentsId = (department: string) => `numbers:${department}`;

function withState(error: unknown, id: string, news: Record<string, unknown>): unknown {
  if (!isNumberAssignmentsFailure(error)) return error;
  const init = error as unknown as { id: string; properties: Record<string, unknown>; reasons: string[] };
  init.id = id;
  init.properties = { ...error.outputs, [PROVIDER_KEY]: news[PROVIDER_KEY] };
  init.reasons = [error.message];
  return error;
}

export function createNumberAssignmentsProvider(options: BackendOptions = {}): NumberAssignmentsProvider {
  // Filled by `configure` in the process that runs the provider; empty when serialized.
  const stack: { graphEndpoint?: string } = {};
  const backend = () => createNumbersBackend(options, stack);
  return {
    async configure(req) {
      stack.graphEndpoint = req.config.get(GRAPH_ENDPOINT_STACK_KEY);
    },

    async check(_olds, news) {
      return checkInputs(news as unknown as Record<string, unknown>);
    },

    async diff(_id, olds, news) {
      const { changes, replaces } = diffNumberAssignments(
        olds as unknown as Record<string, unknown>,
        news as unknown as Record<string, unknown>,
      );
      // A department renamed: its numbers are unassigned by the old resource before the new one assigns
      // them, otherwise the old one's delete would take away what the new one just confirmed.
      return { changes, replaces, deleteBeforeReplace: true };
    },

    async create(inputs) {
      const id = numberAssignmentsId(inputs.department);
      try {
        return { id, outs: (await applyNumberAssignments(backend(), inputs)).outputs };
      } catch (error) {
        throw withState(error, id, inputs as unknown as Record<string, unknown>);
      }
    },

    async read(id, props) {
      if (!props) {
        throw new Error(
          `NumberAssignments ${id}: read needs the resource's state; a dynamic resource cannot be imported (pulumi/pulumi#16175)`,
        );
      }
      return { id, props: await readNumberAssignments(backend(), props) };
    },

    async update(id, olds, news) {
      try {
        return { outs: (await applyNumberAssignments(backend(), news, olds)).outputs };
      } catch (error) {
        throw withState(error, id, news as unknown as Record<string, unknown>);
      }
    },

    async delete(_id, props) {
      await removeNumberAssignments(backend(), props);
    },
  };
}

export type { NumberAssignmentsInputs };
