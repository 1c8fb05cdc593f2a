/**
 * Phone services through the Teams PowerShell adapter (issue #15, the tenant side): typed create/update/remove/list
 * of schedules, auto attendants, call queues and resource accounts, their associations and numbers, and
 * `readPhoneServices` for the whole set (docs/teams-powershell.md "Phone services").
 */
export * from "./adapter";
export type * from "./types";
export { WEEK } from "./types";
export type * from "./desired";
export { PhoneServices, PhoneSchedules } from "./PhoneServices";
export type { PhoneServicesArgs, PhoneSchedulesArgs } from "./PhoneServices";
export { applyPhoneServices, type PhoneFailure, type PhoneApplyResult } from "./apply";
export { applyPhoneSchedules, scheduleIdsOf } from "./schedules";
export { removePhoneServices, removePhoneSchedules } from "./remove";
export {
  diffItems,
  phoneServicesItems,
  phoneSchedulesItems,
  describeDiff,
  type PhoneServicesInputs,
} from "./diff";
export { decodeHeld, encodeHeld, type Held } from "./held";
export {
  createPhoneServicesBackend,
  retryingThrottled,
  isThrottled,
  type PhoneServicesBackend,
} from "./backend";
export { createPhoneServicesProvider, createPhoneSchedulesProvider, phoneServicesId } from "./provider";
export { checkPhoneServices, checkPhoneSchedules } from "./check";
