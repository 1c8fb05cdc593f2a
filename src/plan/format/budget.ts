/**
 * The character budget of a pull-request comment. GitHub refuses a comment body over 65,536 characters (and
 * pulumi/actions cuts its own at 64,000, pulumi-offline.md §5.3); the markdown plan is allocated against this
 * limit so it is always posted whole. Lengths are JavaScript string lengths (UTF-16 units), which are never
 * fewer than the characters GitHub counts, so the bound is safe.
 */
export const GITHUB_COMMENT_LIMIT = 65_536;

/** Length of lines joined with "\n". */
export function joinedLength(lines: readonly string[]): number {
  return lines.reduce((sum, l) => sum + l.length, 0) + Math.max(0, lines.length - 1);
}

export interface Fitted {
  lines: string[];
  /** How many of the given lines were left out (summarised by the `more` line). */
  hidden: number;
}

/**
 * As many leading lines as fit in `maxChars` once joined, and when some do not fit, a last line from `more`
 * saying how many were left out. The result never exceeds `maxChars`; if not even the `more` line fits, it is
 * empty (hidden = all).
 */
export function fitLines(
  lines: readonly string[],
  maxChars: number,
  more: (hidden: number) => string,
): Fitted {
  if (joinedLength(lines) <= maxChars) return { lines: [...lines], hidden: 0 };
  // Reserve room for the longest "more" line this call could print (the count only shrinks).
  const reserve = more(lines.length).length + 1;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const next = used + (kept.length > 0 ? 1 : 0) + line.length;
    if (next + reserve > maxChars) break;
    kept.push(line);
    used = next;
  }
  const hidden = lines.length - kept.length;
  const tail = more(hidden);
  if (used + (kept.length > 0 ? 1 : 0) + tail.length > maxChars) return { lines: [], hidden: lines.length };
  return { lines: [...kept, tail], hidden };
}
