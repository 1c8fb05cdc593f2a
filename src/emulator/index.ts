/** The local tenant emulator: a Graph-compatible HTTPS server over an in-memory tenant (docs/emulator.md). */
export { startEmulator, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from "./emulator";
export type { StartEmulatorOptions, EmulatorHandle } from "./emulator";
export { ManualClock, SystemClock } from "./clock";
export type { Clock } from "./clock";
export type { FaultOptions } from "./http/faults";
export type { CounterSnapshot, RouteCounts, Counters } from "./http/counters";
export type { RouteDef, EmulatorCore, EmulatorRequest, EmulatorResponse } from "./http/types";
export { TenantState } from "./state";
export type * from "./state/types";
export { defaultGroupDisplayName, seedFromDefinition } from "./state/seed";
export type { GroupDisplayName, SeedOptions } from "./state/seed";
export type { LicensingTiming } from "./state/licensing";
