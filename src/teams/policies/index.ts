/** Tenant-wide Teams voice objects: PSTN usages, voice routes, policies and dial plans (docs/teams-voice.md). */
export { PstnUsages } from "./PstnUsages";
export { VoiceRoute } from "./VoiceRoute";
export { CallingPolicy } from "./CallingPolicy";
export { EmergencyCallingPolicy } from "./EmergencyCallingPolicy";
export { EmergencyCallRoutingPolicy } from "./EmergencyCallRoutingPolicy";
export { VoiceRoutingPolicy } from "./VoiceRoutingPolicy";
export { DialPlan } from "./DialPlan";
export { MAX_NORMALIZATION_RULES } from "./specs/dialPlan";
export { createPstnUsagesProvider } from "./pstnUsagesProvider";
