/**
 * ONE provider object behind every Teams voice resource type, dispatching on the `kind` input.
 *
 * Why not one provider per type: the SDK serializes each distinct provider object into state (and at every
 * preview). When providers captured their code (the Graph client, the PowerShell adapter) that took about 3 s each
 * and nine objects made a `tenant plan` take ~30 s; the lazy loader (src/dynamic) made each one cheap, and one
 * shared object is still serialized only once. Each
 * resource keeps its own type token (the module/type passed to `dynamic.Resource`), so the policy pack and
 * the plan still tell them apart; `kind` only selects the implementation inside this object.
 */
import type * as pulumi from "@pulumi/pulumi";
import { lazyProvider } from "../../dynamic/lazyProvider";
import { createEmergencyAddressProvider } from "../addresses/provider";
import { createGlobalPolicyGrantProvider } from "../assignments/globalGrantProvider";
import { createGroupPolicyAssignmentsProvider } from "../assignments/provider";
import type { TeamsProviderOptions } from "./context";
import { createSettingsProvider } from "./settingsProvider";
import { callingPolicySpec } from "./specs/callingPolicy";
import { dialPlanSpec } from "./specs/dialPlan";
import { emergencyCallingPolicySpec } from "./specs/emergencyCallingPolicy";
import { emergencyCallRoutingPolicySpec } from "./specs/emergencyCallRoutingPolicy";
import { voiceRouteSpec } from "./specs/voiceRoute";
import { voiceRoutingPolicySpec } from "./specs/voiceRoutingPolicy";
import { createPstnUsagesProvider } from "./pstnUsagesProvider";

export const TEAMS_RESOURCE_KINDS = [
  "PstnUsages",
  "VoiceRoute",
  "CallingPolicy",
  "EmergencyCallingPolicy",
  "EmergencyCallRoutingPolicy",
  "VoiceRoutingPolicy",
  "DialPlan",
  "EmergencyAddress",
  "GroupPolicyAssignments",
  "GlobalPolicyGrant",
] as const;
export type TeamsResourceKind = (typeof TEAMS_RESOURCE_KINDS)[number];

/* eslint-disable @typescript-eslint/no-explicit-any -- the engine hands plain JSON; each kind types its own */
type AnyProvider = pulumi.dynamic.ResourceProvider<any, any>;
type Props = Record<string, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export function createTeamsProvider(options: TeamsProviderOptions = {}): AnyProvider {
  const byKind: Record<TeamsResourceKind, AnyProvider> = {
    PstnUsages: createPstnUsagesProvider(options),
    VoiceRoute: createSettingsProvider(voiceRouteSpec, options),
    CallingPolicy: createSettingsProvider(callingPolicySpec, options),
    EmergencyCallingPolicy: createSettingsProvider(emergencyCallingPolicySpec, options),
    EmergencyCallRoutingPolicy: createSettingsProvider(emergencyCallRoutingPolicySpec, options),
    VoiceRoutingPolicy: createSettingsProvider(voiceRoutingPolicySpec, options),
    DialPlan: createSettingsProvider(dialPlanSpec, options),
    EmergencyAddress: createEmergencyAddressProvider(options),
    GroupPolicyAssignments: createGroupPolicyAssignmentsProvider(options),
    GlobalPolicyGrant: createGlobalPolicyGrantProvider(options),
  };
  const of = (props: Props | undefined): { kind: TeamsResourceKind; provider: AnyProvider } => {
    const kind = props?.kind as TeamsResourceKind | undefined;
    const provider = kind ? byKind[kind] : undefined;
    if (!kind || !provider) throw new Error(`Teams resource without a known kind: ${JSON.stringify(kind)}`);
    return { kind, provider };
  };
  const withKind = (kind: TeamsResourceKind, outs: Props | undefined) => (outs ? { ...outs, kind } : outs);

  return {
    async configure(req) {
      for (const p of Object.values(byKind)) await p.configure?.(req);
    },
    async check(olds, news) {
      const { kind, provider } = of(news);
      const result = provider.check ? await provider.check(olds, news) : { inputs: news };
      return { ...result, inputs: withKind(kind, result.inputs) };
    },
    async diff(id, olds, news) {
      const { provider } = of(news);
      return provider.diff ? provider.diff(id, olds, news) : { changes: true };
    },
    async create(inputs) {
      const { kind, provider } = of(inputs);
      const result = await provider.create(inputs);
      return { ...result, outs: withKind(kind, result.outs) };
    },
    async read(id, props) {
      const { kind, provider } = of(props);
      if (!provider.read) return { id, props };
      const result = await provider.read(id, props);
      return { ...result, props: withKind(kind, result.props) };
    },
    async update(id, olds, news) {
      const { kind, provider } = of(news);
      const result = provider.update ? await provider.update(id, olds, news) : { outs: news };
      return { ...result, outs: withKind(kind, result.outs) };
    },
    async delete(id, props) {
      await of(props).provider.delete?.(id, props);
    },
  };
}

/**
 * The module-level singleton every Teams resource class passes to `dynamic.Resource`. Lazy: the text stored in
 * state loads `createTeamsProvider` at call time (src/dynamic/lazyProvider.ts), so it is a few KB, not 300.
 */
export const teamsProvider = lazyProvider("teams");
