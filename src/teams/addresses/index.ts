/** Emergency civic addresses and their LIS locations (docs/teams-voice.md). */
export { EmergencyAddress } from "./EmergencyAddress";
export { createEmergencyAddressProvider, type EmergencyAddressOutputs } from "./provider";
