/**
 * Phone services through the Teams PowerShell adapter (issue #15, the tenant side): typed create/update/remove/list
 * of schedules, auto attendants, call queues and resource accounts, their associations and numbers, and
 * `readPhoneServices` for the whole set (docs/teams-powershell.md "Phone services").
 */
export * from "./adapter";
export type * from "./types";
export { WEEK } from "./types";
