/**
 * The provider part of `PstnUsages`: adds what the definition lists and the tenant lacks, removes only what it
 * added earlier and the definition dropped (pstnUsagesDelta.ts), one Set-CsOnlinePstnUsage with the delta.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PstnUsagesInputs } from "../../resourceTypes";
import {
  configureFrom,
  teamsAdminFor,
  type TeamsProviderOptions,
  type TeamsStackSettings,
} from "../provider/context";
import { isInUse, serviceReason, StillAssignedError } from "../provider/errors";
import { hasUsage, planPstnUsages, sameUsages } from "./pstnUsagesDelta";

export interface PstnUsagesOutputs extends PstnUsagesInputs {
  /** Usages this resource added to the tenant (and so may remove); pre-existing ones are never listed. */
  added: string[];
}

export type PstnUsagesProvider = pulumi.dynamic.ResourceProvider<PstnUsagesInputs, PstnUsagesOutputs>;

const REMOVE_FIRST = "Remove the voice routes and policies that use it (or keep it in teamsVoice.pstnUsages)";

export function createPstnUsagesProvider(options: TeamsProviderOptions = {}): PstnUsagesProvider {
  const stack: TeamsStackSettings = {};
  const admin = () => teamsAdminFor(options, stack);

  async function apply(desired: string[], addedBefore: string[]): Promise<PstnUsagesOutputs> {
    const ps = admin().powershell;
    const plan = planPstnUsages(desired, await ps.getPstnUsages(), addedBefore);
    try {
      await ps.updatePstnUsages({ add: plan.add, remove: plan.remove });
    } catch (error) {
      if (isInUse(error))
        throw new StillAssignedError(
          `PSTN usage(s) ${plan.remove.map((u) => `'${u}'`).join(", ")}`,
          [serviceReason(error)],
          REMOVE_FIRST,
        );
      throw error;
    }
    return { usages: [...desired], added: plan.added };
  }

  return {
    configure: configureFrom(stack),

    async check(_olds, news) {
      const ok = Array.isArray(news.usages) && news.usages.every((u) => typeof u === "string" && u !== "");
      return {
        inputs: news,
        failures: ok ? [] : [{ property: "usages", reason: "must be a list of non-empty usage names" }],
      };
    },

    async diff(_id, olds, news) {
      return {
        changes: !sameUsages(olds.usages ?? [], news.usages),
        replaces: [],
        deleteBeforeReplace: false,
      };
    },

    async create(inputs) {
      return { id: "global", outs: await apply(inputs.usages, []) };
    },

    async read(id, props) {
      if (!props) throw new Error("PstnUsages: read needs the resource's state (no import)");
      const live = await admin().powershell.getPstnUsages();
      // Desired usages missing from the tenant drop out of `usages`, so the next diff sees the drift.
      return {
        id,
        props: {
          usages: props.usages.filter((u) => hasUsage(live, u)),
          added: (props.added ?? []).filter((u) => hasUsage(live, u)),
        },
      };
    },

    async update(_id, olds, news) {
      return { outs: await apply(news.usages, olds.added ?? []) };
    },

    async delete(_id, props) {
      // Only what this resource added; the rest of the global list is someone else's.
      await apply([], props.added ?? []);
    },
  };
}
