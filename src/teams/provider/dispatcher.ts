/**
 * ONE provider object behind every Teams voice resource type, dispatching on the `kind` input.
 *
 * Why not one provider per type: the SDK serializes each distinct provider object into state (and at every
 * preview). When providers captured their code (the Graph client, the PowerShell adapter) that took about 3 s each
 * and nine objects made a `tenant plan` take ~30 s; the lazy loader (src/dynamic) made each one cheap, and one
 * shared object is still serialized only once. Each
 * resource keeps its own type token (the module/type passed to `dynamic.Resource`), so the policy pack and
 * the plan still tell them apart; `kind` only selects the implementation inside this object.
 *
 * Loaded by name in the provider process (src/dynamic/implementations.ts `teams`); the resource classes use the
 * lazy singleton in teamsProvider.ts, so this module never imports the loader (no dynamic ↔ teams cycle).
 */
import type * as pulumi from "@pulumi/pulumi";
import { createEmergencyAddressProvider } from "../addresses/provider";
import { createGlobalPolicyGrantProvider } from "../assignments/globalGrantProvider";
import { createGroupPolicyAssignmentsProvider } from "../assignments/provider";
import type { TeamsProviderOptions } from "./context";
import { createSettingsProvider } from "./settingsProvider";
import { callingPolicySpec } from "../policies/specs/callingPolicy";
import { dialPlanSpec } from "../policies/specs/dialPlan";
import { emergencyCallingPolicySpec } from "../policies/specs/emergencyCallingPolicy";
import { emergencyCallRoutingPolicySpec } from "../policies/specs/emergencyCallRoutingPolicy";
import { voiceRouteSpec } from "../policies/specs/voiceRoute";
import { voiceRoutingPolicySpec } from "../policies/specs/voiceRoutingPolicy";
import { createPstnUsagesProvider } from "../policies/pstnUsagesProvider";
import { createPhoneSchedulesProvider, createPhoneServicesProvider } from "../phoneServices/provider";

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
  "PhoneServices",
  "PhoneSchedules",
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
    PhoneServices: createPhoneServicesProvider(options),
    PhoneSchedules: createPhoneSchedulesProvider(options),
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
