/**
 * The providers of `PhoneServices` (one per department) and `PhoneSchedules` (tenant-wide), behind the one Teams
 * dispatcher (src/teams/provider/dispatcher.ts, kinds `PhoneServices` and `PhoneSchedules`).
 *
 * State: the outputs are `department`, `held` (held.ts: one short line per object applied) and `failed`; the
 * inputs (the desired set in names) are what the engine stores anyway. `diff` compares the hashes of the asked-
 * for objects with the held ones, so a new build of the provider is never a change and a one-field edit is one
 * object's change.
 *
 * Partial failure, as NumberAssignments does: create/update THROW when some object failed, and the error carries
 * `id` and `properties` (what was applied). The engine records them and fails the `up`; the next preview shows
 * the missing objects as changes and the next `up` applies just those.
 */
import type * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "../../m365/licensing/inputs";
import type { TeamsProviderOptions, TeamsStackSettings } from "../provider/context";
import { configureFrom } from "../provider/context";
import { applyPhoneServices, type PhoneApplyResult, type PhoneFailure } from "./apply";
import { createPhoneServicesBackend, retryingThrottled, type PhoneServicesBackend } from "./backend";
import { checkPhoneSchedules, checkPhoneServices } from "./check";
import type { PhoneSchedulesDesired } from "./desired";
import {
  diffItems,
  hasChanges,
  phoneSchedulesItems,
  phoneServicesItems,
  type PhoneServicesInputs,
} from "./diff";
import { decodeHeld, encodeHeld, type Held } from "./held";
import { removePhoneSchedules, removePhoneServices } from "./remove";
import { applyPhoneSchedules, scheduleIdsOf } from "./schedules";

/* eslint-disable @typescript-eslint/no-explicit-any -- the engine hands plain JSON */
type AnyProvider = pulumi.dynamic.ResourceProvider<any, any>;
type Props = Record<string, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export const phoneServicesId = (department: string) => `phone-services:${department}`;
export const PHONE_SCHEDULES_ID = "phone-schedules";

export interface PhoneServicesOutputs {
  department: string;
  held: string;
  /** The schedule ids this run used (a preview, where PhoneSchedules' output is not known yet, assumes them). */
  scheduleIds: Record<string, string[]>;
  failed: PhoneFailure[];
}

export interface PhoneSchedulesOutputs {
  held: string;
  /** Name → schedule ids (a calendar's chunks in order): the departments' `scheduleIds` input. */
  scheduleIds: Record<string, string[]>;
  failed: PhoneFailure[];
}

/** `phoneServices` (TeamsProviderOptions) is the test and benchmark seam: a backend instead of pwsh + Graph. */
export type PhoneServicesProviderOptions = TeamsProviderOptions;

/** The error the engine records the partial state from (cmd/dynamic-provider `grpcResponseFromError`). */
export function phoneServicesFailure(
  what: string,
  failed: readonly PhoneFailure[],
  id: string,
  properties: Props,
): Error {
  const lines = failed
    .slice(0, 50)
    .map((f) => `  ${f.kind} ${JSON.stringify(f.key)} (${f.action}): ${f.reason}`);
  if (failed.length > 50) lines.push(`  … and ${failed.length - 50} more (output \`failed\`)`);
  const error = new Error(
    `${failed.length} change(s) of ${what} were not applied; the rest are kept, and the next \`pulumi up\` retries these:\n${lines.join("\n")}`,
  ) as Error & { id: string; properties: Props; reasons: string[] };
  error.name = "PhoneServicesFailure";
  error.id = id;
  error.properties = properties;
  error.reasons = [error.message];
  return error;
}

function backendFor(options: PhoneServicesProviderOptions, stack: TeamsStackSettings): PhoneServicesBackend {
  if (options.phoneServices) return options.phoneServices();
  const b = createPhoneServicesBackend({
    ...options,
    stackEndpoint: options.stackEndpoint ?? stack.graphEndpoint,
  });
  return Object.assign(Object.create(b) as PhoneServicesBackend, { ps: retryingThrottled(b.ps) });
}

const settle = (result: PhoneApplyResult, what: string, id: string, outs: Props, news: Props) => {
  if (result.failed.length > 0)
    throw phoneServicesFailure(what, result.failed, id, { ...outs, __provider: news.__provider });
  return { id, outs };
};

export function createPhoneServicesProvider(options: PhoneServicesProviderOptions = {}): AnyProvider {
  const stack: TeamsStackSettings = {};
  const backend = () => backendFor(options, stack);
  const run = async (id: string, news: Props, held: Held) => {
    const inputs = news as PhoneServicesInputs;
    const result = await applyPhoneServices(backend(), inputs, held);
    const outs: PhoneServicesOutputs = {
      department: inputs.department,
      held: encodeHeld(result.held),
      scheduleIds: inputs.scheduleIds,
      failed: result.failed,
    };
    return settle(result, `the phone services of department ${inputs.department}`, id, outs, news);
  };
  return {
    configure: configureFrom(stack),
    async check(_olds, news) {
      return { inputs: news, failures: checkPhoneServices(news) };
    },
    async diff(_id, olds, news) {
      const replaces = olds.department !== news.department ? ["department"] : [];
      // In a preview where PhoneSchedules changes too, its ids are not known yet: they stay the same unless a
      // calendar gains a chunk of 10 dates, and the `up` (which diffs again with them known) applies that.
      const scheduleIds = isUnknown(news.scheduleIds) ? (olds.scheduleIds ?? {}) : news.scheduleIds;
      const d = diffItems(
        phoneServicesItems({ ...(news as PhoneServicesInputs), scheduleIds }),
        decodeHeld(olds.held),
      );
      return { changes: hasChanges(d) || replaces.length > 0, replaces, deleteBeforeReplace: true };
    },
    async create(inputs) {
      return run(phoneServicesId(inputs.department), inputs, new Map());
    },
    async update(id, olds, news) {
      const { outs } = await run(id, news, decodeHeld(olds.held));
      return { outs };
    },
    async read(id, props) {
      // Drift of attendants, queues and accounts is `tenant drift`'s; refresh keeps what was applied.
      return { id, props };
    },
    async delete(_id, props) {
      await removePhoneServices(backend(), String(props.department), decodeHeld(props.held));
    },
  };
}

export function createPhoneSchedulesProvider(options: PhoneServicesProviderOptions = {}): AnyProvider {
  const stack: TeamsStackSettings = {};
  const backend = () => backendFor(options, stack);
  const run = async (news: Props, held: Held) => {
    const result = await applyPhoneSchedules(backend().ps, news as PhoneSchedulesDesired, held);
    const outs: PhoneSchedulesOutputs = {
      held: encodeHeld(result.held),
      scheduleIds: scheduleIdsOf(result.held),
      failed: result.failed,
    };
    return settle(result, "the holiday calendars and shared schedules", PHONE_SCHEDULES_ID, outs, news);
  };
  return {
    configure: configureFrom(stack),
    async check(_olds, news) {
      return { inputs: news, failures: checkPhoneSchedules(news) };
    },
    async diff(_id, olds, news) {
      const d = diffItems(phoneSchedulesItems(news as PhoneSchedulesDesired), decodeHeld(olds.held));
      return { changes: hasChanges(d) };
    },
    async create(inputs) {
      return run(inputs, new Map());
    },
    async update(_id, olds, news) {
      const { outs } = await run(news, decodeHeld(olds.held));
      return { outs };
    },
    async read(id, props) {
      return { id, props };
    },
    async delete(_id, props) {
      await removePhoneSchedules(backend().ps, decodeHeld(props.held));
    },
  };
}
