import type { Membership } from "../config/schema/department";

/**
 * Which users a membership rule is restricted to, as far as it can be proven from its text. A rule is
 * RESTRICTED when every user it matches has `user.<attribute>` equal to one of `values`: the structured form
 * always is; a raw rule is when one of its top-level `-and` terms is `(user.<attr> -eq "v")` or
 * `(user.<attr> -in ["a","b"])`. `-and` binds tighter than `-or` in Entra's rule syntax
 * (https://learn.microsoft.com/entra/identity/users/groups-dynamic-membership, "Operator precedence"), so a
 * top-level `-or` means no such proof. Values compare case-insensitively, as `-eq` and `-in` do.
 */
export type RuleScope =
  { restricted: true; attribute: string; values: string[] } | { restricted: false; reason: string };

export function membershipScope(membership: Membership): RuleScope {
  if ("rule" in membership) return ruleScope(membership.rule);
  return { restricted: true, attribute: membership.attribute, values: [...new Set(membership.values)] };
}

export function ruleScope(rule: string): RuleScope {
  const tokens = tokenize(rule);
  if (!tokens) return { restricted: false, reason: "its quotes or brackets do not balance" };
  const terms = splitTopLevel(unwrap(tokens));
  if (!terms) return { restricted: false, reason: "it has a top-level -or" };
  for (const term of terms) {
    const restriction = positiveRestriction(unwrap(term));
    if (restriction) return { restricted: true, ...restriction };
  }
  return {
    restricted: false,
    reason: "no top-level -and term says user.<attribute> -eq or -in a list of values",
  };
}

type Token =
  { kind: "string"; value: string } | { kind: "word"; value: string } | { kind: "punct"; value: string };

/** Strings (with Entra's backtick escapes), words, and the punctuation ( ) [ ] ,. Undefined when unbalanced. */
function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === '"') {
      let value = "";
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "`" && i + 1 < text.length) i++;
        value += text[i++];
      }
      if (i >= text.length) return undefined;
      i++;
      out.push({ kind: "string", value });
    } else if ("()[],".includes(c)) {
      out.push({ kind: "punct", value: c });
      i++;
    } else {
      let value = "";
      while (i < text.length && !/[\s()[\],"]/.test(text[i])) value += text[i++];
      out.push({ kind: "word", value });
    }
  }
  let depth = 0;
  for (const t of out) {
    if (t.kind !== "punct") continue;
    if (t.value === "(" || t.value === "[") depth++;
    if (t.value === ")" || t.value === "]") depth--;
    if (depth < 0) return undefined;
  }
  return depth === 0 ? out : undefined;
}

/** Drops parentheses that enclose the whole expression, as often as they do. */
function unwrap(tokens: Token[]): Token[] {
  let t = tokens;
  while (t.length >= 2 && t[0].value === "(" && closingOf(t, 0) === t.length - 1) t = t.slice(1, -1);
  return t;
}

function closingOf(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const v = tokens[i].kind === "punct" ? tokens[i].value : "";
    if (v === "(" || v === "[") depth++;
    if (v === ")" || v === "]") depth--;
    if (depth === 0) return i;
  }
  return -1;
}

/** The top-level `-and` terms; undefined when a top-level `-or` makes them alternatives. */
function splitTopLevel(tokens: Token[]): Token[][] | undefined {
  const terms: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === "punct" && (t.value === "(" || t.value === "[")) depth++;
    if (t.kind === "punct" && (t.value === ")" || t.value === "]")) depth--;
    const op = t.kind === "word" && depth === 0 ? t.value.toLowerCase() : "";
    if (op === "-or") return undefined;
    if (op === "-and") terms.push([]);
    else terms[terms.length - 1].push(t);
  }
  return terms;
}

/** `user.<attr> -eq "v"` or `user.<attr> -in ["a","b"]`, exactly; anything else proves nothing. */
function positiveRestriction(t: Token[]): { attribute: string; values: string[] } | undefined {
  const [subject, op, ...rest] = t;
  const attr = subject?.kind === "word" ? /^user\.([A-Za-z0-9_]+)$/i.exec(subject.value) : null;
  if (!attr || op?.kind !== "word") return undefined;
  const operator = op.value.toLowerCase();
  if (operator === "-eq" && rest.length === 1 && rest[0].kind === "string")
    return { attribute: attr[1], values: [rest[0].value] };
  if (operator !== "-in" || rest.length < 3 || rest[0].value !== "[" || rest[rest.length - 1].value !== "]")
    return undefined;
  const inner = rest.slice(1, -1);
  const values: string[] = [];
  for (let i = 0; i < inner.length; i++) {
    const expectValue = i % 2 === 0;
    if (expectValue && inner[i].kind !== "string") return undefined;
    if (!expectValue && inner[i].value !== ",") return undefined;
    if (expectValue) values.push(inner[i].value);
  }
  return values.length > 0 && inner.length % 2 === 1 ? { attribute: attr[1], values } : undefined;
}

/** The same rule modulo spaces outside quotes and the case of operators, for comparing with an approval. */
export function normalizedRule(rule: string): string {
  const tokens = tokenize(rule);
  if (!tokens) return rule.trim();
  return tokens
    .map((t) =>
      t.kind === "string" ? JSON.stringify(t.value) : t.kind === "word" ? t.value.toLowerCase() : t.value,
    )
    .join(" ");
}
