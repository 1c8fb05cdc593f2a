import type { FieldPath } from "../diagnostics";
import type { LoadedYaml } from "../load";
import { closest } from "../schemaIssues";

/** `file:line` of a field, the way messages point at the first of two clashing entries. */
export function place(source: LoadedYaml<unknown>, path: FieldPath): string {
  return `${source.file}:${source.locate(path).line}`;
}

/**
 * The hint after a name that does not exist: the closest existing name when one is close enough,
 * otherwise the (first few) names that do exist, so the fix is always concrete.
 */
export function suggestion(name: string, existing: readonly string[]): string {
  const near = closest(name, existing);
  if (near !== undefined) return `did you mean '${near}'?`;
  if (existing.length === 0) return "none are declared";
  return `declared: ${listOf(existing)}`;
}

/** Up to `max` quoted names, then how many more. */
export function listOf(names: readonly string[], max = 5): string {
  const shown = names.slice(0, max).map((n) => `'${n}'`);
  const more = names.length > max ? `, and ${names.length - max} more` : "";
  return shown.join(", ") + more;
}

/** The domain part of an e-mail address or UPN, lower-cased (DNS names are case-insensitive). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}
