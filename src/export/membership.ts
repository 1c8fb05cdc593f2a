/**
 * The inverse of `src/identity/membershipRule.ts` for the two rules the toolkit writes:
 * `(user.<attr> -eq "v")` and `(user.<attr> -in ["a","b"])`, with Entra's backtick escapes. Any other rule
 * is not the toolkit's structured form and comes back undefined (the caller keeps it as a raw rule).
 */

export interface ParsedMembership {
  attribute: string;
  values: string[];
}

/** `"…"` with `` ` `` escapes, at `text[i]`; returns the value and the index after the closing quote. */
function readString(text: string, i: number): { value: string; end: number } | undefined {
  if (text[i] !== '"') return undefined;
  let value = "";
  for (let j = i + 1; j < text.length; j += 1) {
    const c = text[j];
    if (c === "`") {
      const next = text[j + 1];
      if (next === undefined) return undefined;
      value += next;
      j += 1;
    } else if (c === '"') {
      return { value, end: j + 1 };
    } else {
      value += c;
    }
  }
  return undefined;
}

export function parseMembershipRule(rule: string | null): ParsedMembership | undefined {
  if (!rule) return undefined;
  const head = /^\(user\.([A-Za-z0-9]+) -(eq|in) /.exec(rule.trim());
  if (!head) return undefined;
  const text = rule.trim();
  let i = head[0].length;
  const values: string[] = [];
  if (head[2] === "eq") {
    const s = readString(text, i);
    if (!s) return undefined;
    values.push(s.value);
    i = s.end;
  } else {
    if (text[i] !== "[") return undefined;
    i += 1;
    for (;;) {
      const s = readString(text, i);
      if (!s) return undefined;
      values.push(s.value);
      i = s.end;
      if (text[i] === ",") i += 1;
      else break;
    }
    if (text[i] !== "]") return undefined;
    i += 1;
  }
  if (text.slice(i) !== ")") return undefined;
  return { attribute: head[1], values };
}
