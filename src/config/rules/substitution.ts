/**
 * A normalization rule's translation is a .NET regular-expression substitution (Teams applies rules with .NET's
 * Regex.Replace). .NET does not refuse `$3` when the pattern has two groups: it writes "$3" into the number
 * literally ("If number does not specify a valid capturing group defined in the regular expression pattern,
 * $number is interpreted as a literal character sequence", Substitutions in Regular Expressions,
 * https://learn.microsoft.com/dotnet/standard/base-types/substitutions-in-regular-expressions). A dialled number
 * then becomes "+34$3", which no route and no user matches, so validate treats it as the mistake it is.
 */

/** The groups a pattern captures (JavaScript's reading of it; the pattern compiles, the catalogue rule checks that). */
export function captureGroups(pattern: string): { count: number; names: string[] } | undefined {
  try {
    // Adding an empty alternative makes any pattern match "", so exec reports every group.
    const match = new RegExp(`${pattern}|`).exec("");
    if (!match) return undefined;
    return { count: match.length - 1, names: Object.keys(match.groups ?? {}) };
  } catch {
    return undefined;
  }
}

/**
 * Each group reference in `translation` that names no group of `pattern`, as written (`$3`, `${area}`).
 * Follows .NET: `$$` is a literal '$'; `$&`, `` $` ``, `$'`, `$+` and `$_` are whole-match substitutions; `$0` is
 * the whole match; in `$12` the longest leading digits that name a group are taken (`$1` then "2" with one group).
 */
export function unknownGroupReferences(pattern: string, translation: string): string[] {
  const groups = captureGroups(pattern);
  if (!groups) return [];
  const bad: string[] = [];
  for (let i = 0; i < translation.length; i++) {
    if (translation[i] !== "$") continue;
    const next = translation[i + 1];
    if (next === "$") {
      i++;
      continue;
    }
    if (next === "{") {
      const close = translation.indexOf("}", i + 2);
      if (close < 0) continue; // "${" without "}" is literal text in .NET
      const name = translation.slice(i + 2, close);
      const known = /^\d+$/.test(name) ? Number(name) <= groups.count : groups.names.includes(name);
      if (!known) bad.push(`\${${name}}`);
      i = close;
      continue;
    }
    const digits = /^\d+/.exec(translation.slice(i + 1))?.[0];
    if (!digits) continue;
    let used = digits.length;
    while (used > 0 && Number(digits.slice(0, used)) > groups.count) used--;
    if (used === 0) bad.push(`$${digits}`);
    i += Math.max(used, digits.length);
  }
  return bad;
}
