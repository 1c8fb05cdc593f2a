/**
 * The dynamic provider shared by the resources that are "a name plus settings" (the five policy kinds and
 * voice routes), following pulumi-offline.md §3:
 * - diff compares only the settings the definition sets (the owned ones), per setting, against what the last
 *   create/update/refresh saw — never the provider's code, so a new build of the toolkit is not a change;
 * - create adopts an object that already exists under the name (a re-run after a partial failure) and, like
 *   update, sends only the settings whose live value differs (0 writes when nothing differs);
 * - delete refuses while the object is still granted, naming where, and treats a missing object as gone;
 * - the admin port is built inside each call from the environment; nothing secret is captured.
 */
import type * as pulumi from "@pulumi/pulumi";
import { canonical, ownedView, sameValue, settingsDelta } from "./canonical";
import { configureFrom, teamsAdminFor, type TeamsProviderOptions, type TeamsStackSettings } from "./context";
import { isInUse, isNotFound, serviceReason, StillAssignedError } from "./errors";
import type { SettingsStore } from "./store";

export interface CheckFailure {
  property: string;
  reason: string;
}

export interface SettingsResourceSpec<I extends { name: string }> {
  store: SettingsStore;
  /** The definition's values as cmdlet parameters (PascalCase), unset ones left out: the owned settings. */
  settingsOf(inputs: I): Record<string, unknown>;
  /** Limits Teams enforces, caught at preview rather than half-way through an update. */
  validate?(inputs: I): CheckFailure[];
}

/** Outputs: the inputs, plus the owned settings as last seen live (refresh updates them, so drift shows). */
export type SettingsOutputs<I> = I & { settings: Record<string, unknown> };

export type SettingsProvider<I> = pulumi.dynamic.ResourceProvider<I, SettingsOutputs<I>>;

export function createSettingsProvider<I extends { name: string }>(
  spec: SettingsResourceSpec<I>,
  options: TeamsProviderOptions = {},
): SettingsProvider<I> {
  const stack: TeamsStackSettings = {};
  const admin = () => teamsAdminFor(options, stack);
  const { store } = spec;

  /** Brings the live object to the desired owned settings with one Set carrying only the delta (or a New). */
  async function converge(inputs: I): Promise<SettingsOutputs<I>> {
    const a = admin();
    const desired = spec.settingsOf(inputs);
    const live = await store.get(a, inputs.name);
    if (!live) await store.create(a, inputs.name, desired);
    else {
      const delta = settingsDelta(desired, live);
      if (Object.keys(delta).length > 0) await store.set(a, inputs.name, delta);
    }
    return { ...inputs, settings: canonical(desired) as Record<string, unknown> };
  }

  return {
    configure: configureFrom(stack),

    async check(_olds, news) {
      const failures: CheckFailure[] = [];
      if (typeof news.name !== "string" || news.name.trim() === "")
        failures.push({ property: "name", reason: "must be the object's identity, a non-empty string" });
      else failures.push(...(spec.validate?.(news) ?? []));
      return { inputs: news, failures };
    },

    async diff(_id, olds, news) {
      // The identity is the name: a new name is a new object (created before the old one is deleted, so
      // group assignments can move to it in between).
      if (olds.name !== news.name) return { changes: true, replaces: ["name"], deleteBeforeReplace: false };
      const desired = spec.settingsOf(news);
      const seen = olds.settings ?? {};
      const changed =
        Object.keys(desired).some((k) => !sameValue(desired[k], seen[k])) ||
        // A setting the definition stopped setting is no longer owned: state changes, Teams is left alone.
        Object.keys(seen).some((k) => !(k in desired));
      return { changes: changed, replaces: [], deleteBeforeReplace: false };
    },

    async create(inputs) {
      return { id: inputs.name, outs: await converge(inputs) };
    },

    async read(id, props) {
      if (!props) throw new Error(`${store.describe(id)}: read needs the resource's state (no import)`);
      const live = await store.get(admin(), props.name ?? id);
      // No id: the object is gone; the engine drops it from state and the next up creates it again.
      if (!live) return {};
      const owned = new Set([...Object.keys(props.settings ?? {}), ...Object.keys(spec.settingsOf(props))]);
      return { id, props: { ...props, settings: ownedView(live, owned) } };
    },

    async update(_id, _olds, news) {
      return { outs: await converge(news) };
    },

    async delete(id, props) {
      const a = admin();
      const name = props.name ?? id;
      if (!(await store.get(a, name))) return;
      const uses = await store.usesOf(a, name);
      if (uses.length > 0) throw new StillAssignedError(store.describe(name), uses, store.removeFirst);
      try {
        await store.remove(a, name);
      } catch (error) {
        if (isNotFound(error)) return;
        if (isInUse(error))
          throw new StillAssignedError(store.describe(name), [serviceReason(error)], store.removeFirst);
        throw error;
      }
    },
  };
}
