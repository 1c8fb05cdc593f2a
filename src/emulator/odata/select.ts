import type { DirectoryError } from "../state/licensing";

/**
 * `$select`: which properties to return. Without it, the type's default set. Names are matched
 * case-insensitively and returned in Graph's casing; a name the emulator does not know is a 400 as Graph
 * gives for a property the type does not have.
 */
export function parseSelect(
  query: URLSearchParams,
  selectable: readonly string[],
  typeName: string,
): string[] | undefined | DirectoryError {
  const raw = query.get("$select");
  if (raw === null || raw.trim() === "") return undefined;
  const byLower = new Map(selectable.map((p) => [p.toLowerCase(), p]));
  const out: string[] = [];
  for (const name of raw.split(",").map((s) => s.trim())) {
    const canonical = byLower.get(name.toLowerCase());
    if (!canonical) {
      return {
        status: 400,
        code: "Request_BadRequest",
        message: `Could not find a property named '${name}' on type '${typeName}'.`,
      };
    }
    if (!out.includes(canonical)) out.push(canonical);
  }
  return out;
}

/** Keeps the chosen properties of a full shape, in the order given. */
export function project(full: Record<string, unknown>, props: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of props) if (p in full) out[p] = full[p];
  return out;
}
