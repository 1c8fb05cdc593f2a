/** Small wording helpers shared by the summaries and formatters. */

/** `azure-native:network:VirtualNetwork` → `VirtualNetwork`; `pulumi-nodejs:dynamic/tenant-teams:DialPlan` → `DialPlan`. */
export function shortTypeName(type: string): string {
  return type.split(/[:/]/).pop() ?? type;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
}

/** `+12` / `−3` (a real minus sign, as reviewers read it) / `±0`. */
export function signed(n: number): string {
  if (n > 0) return `+${n.toLocaleString("en-GB")}`;
  if (n < 0) return `−${(-n).toLocaleString("en-GB")}`;
  return "±0";
}

/** "a, b, c and 4 more": the first `max` distinct names, then how many others. */
export function namesUpTo(list: readonly string[], max: number): string {
  const unique = [...new Set(list)];
  const shown = unique.slice(0, max).join(", ");
  return unique.length > max ? `${shown} and ${unique.length - max} more` : shown;
}
