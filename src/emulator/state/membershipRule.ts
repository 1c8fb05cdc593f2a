import { RULE_ATTRIBUTES, type RuleAttribute, type UserRecord } from "./types";

/**
 * Entra dynamic membership rules, the part the toolkit renders and cities commonly write by hand:
 * `(user.<attr> -eq "v")`, `-ne`, `-in ["a","b"]`, `-notIn`, `-startsWith`, `-contains`, joined with
 * `-and` / `-or` / `-not` and parentheses. Anything else fails to parse; the caller then falls back to
 * static members rather than guess.
 */
export type RuleOp = "-eq" | "-ne" | "-in" | "-notin" | "-startswith" | "-contains" | "-notcontains";

export type RuleNode =
  | { kind: "cmp"; attribute: RuleAttribute; op: RuleOp; values: (string | null)[] }
  | { kind: "and" | "or"; left: RuleNode; right: RuleNode }
  | { kind: "not"; operand: RuleNode };

type Token = { t: "str"; v: string } | { t: "word"; v: string } | { t: "punct"; v: string };

export class RuleSyntaxError extends Error {}

const OPS = new Set<string>(["-eq", "-ne", "-in", "-notin", "-startswith", "-contains", "-notcontains"]);
const ATTRS = new Map(RULE_ATTRIBUTES.map((a) => [a.toLowerCase(), a]));

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"') {
      let v = "";
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "`" && i + 1 < text.length) i++; // Entra escapes with a backtick: `" and ``
        v += text[i++];
      }
      if (i >= text.length) throw new RuleSyntaxError("unterminated string");
      i++;
      out.push({ t: "str", v });
    } else if ("()[],".includes(c)) {
      out.push({ t: "punct", v: c });
      i++;
    } else {
      const m = /^[-A-Za-z0-9_.]+/.exec(text.slice(i));
      if (!m) throw new RuleSyntaxError(`unexpected '${c}'`);
      out.push({ t: "word", v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

export function parseRule(text: string): RuleNode {
  const tokens = tokenize(text);
  let pos = 0;
  const peekWord = () => (tokens[pos]?.t === "word" ? tokens[pos].v.toLowerCase() : undefined);
  const expectPunct = (v: string) => {
    const tok = tokens[pos++];
    if (tok?.t !== "punct" || tok.v !== v) throw new RuleSyntaxError(`expected '${v}'`);
  };
  const parseOr = (): RuleNode => {
    let left = parseAnd();
    while (peekWord() === "-or" || peekWord() === "or") {
      pos++;
      left = { kind: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): RuleNode => {
    let left = parseUnary();
    while (peekWord() === "-and" || peekWord() === "and") {
      pos++;
      left = { kind: "and", left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): RuleNode => {
    if (peekWord() === "-not" || peekWord() === "not") {
      pos++;
      return { kind: "not", operand: parseUnary() };
    }
    const tok = tokens[pos];
    if (tok?.t === "punct" && tok.v === "(") {
      pos++;
      const inner = parseOr();
      expectPunct(")");
      return inner;
    }
    return parseComparison();
  };
  const parseValue = (): string | null => {
    const tok = tokens[pos++];
    if (tok?.t === "str") return tok.v;
    if (tok?.t === "word" && tok.v.toLowerCase() === "null") return null;
    if (tok?.t === "word" && /^(true|false)$/i.test(tok.v)) return tok.v.toLowerCase();
    throw new RuleSyntaxError("expected a quoted value");
  };
  const parseComparison = (): RuleNode => {
    const tok = tokens[pos++];
    const m = tok?.t === "word" ? /^user\.([A-Za-z0-9]+)$/i.exec(tok.v) : null;
    const attribute = m ? ATTRS.get(m[1].toLowerCase()) : undefined;
    if (!attribute) throw new RuleSyntaxError(`unsupported property ${tok ? `'${tok.v}'` : "(end)"}`);
    const op = peekWord();
    if (!op || !OPS.has(op)) throw new RuleSyntaxError(`unsupported operator after user.${attribute}`);
    pos++;
    const next = tokens[pos];
    if (next?.t === "punct" && next.v === "[") {
      pos++;
      const values: (string | null)[] = [parseValue()];
      while (tokens[pos]?.t === "punct" && tokens[pos].v === ",") {
        pos++;
        values.push(parseValue());
      }
      expectPunct("]");
      return { kind: "cmp", attribute, op: op as RuleOp, values };
    }
    return { kind: "cmp", attribute, op: op as RuleOp, values: [parseValue()] };
  };
  const node = parseOr();
  if (pos !== tokens.length) throw new RuleSyntaxError(`unexpected '${tokens[pos].v}'`);
  return node;
}

export function userAttribute(user: UserRecord, attribute: RuleAttribute): string | null {
  if (attribute.startsWith("extensionAttribute")) return user.extensionAttributes[attribute] ?? null;
  const v = (user as unknown as Record<string, unknown>)[attribute];
  return typeof v === "string" ? v : null;
}

/** Entra compares rule values case-insensitively. */
export function evaluateRule(node: RuleNode, user: UserRecord): boolean {
  switch (node.kind) {
    case "and":
      return evaluateRule(node.left, user) && evaluateRule(node.right, user);
    case "or":
      return evaluateRule(node.left, user) || evaluateRule(node.right, user);
    case "not":
      return !evaluateRule(node.operand, user);
    case "cmp": {
      const actual = userAttribute(user, node.attribute)?.toLowerCase() ?? null;
      const values = node.values.map((v) => v?.toLowerCase() ?? null);
      switch (node.op) {
        case "-eq":
        case "-in":
          return values.includes(actual);
        case "-ne":
        case "-notin":
          return !values.includes(actual);
        case "-startswith":
          return actual !== null && values.some((v) => v !== null && actual.startsWith(v));
        case "-contains":
          return actual !== null && values.some((v) => v !== null && actual.includes(v));
        case "-notcontains":
          return actual === null || values.every((v) => v === null || !actual.includes(v));
      }
    }
  }
}

/**
 * Attribute values that make a new user match the rule (`index` spreads users over an `-in` list), or
 * undefined when the rule is not a conjunction of positive `-eq`/`-in`/`-startsWith` tests (then the
 * seeder cannot build matching users and the group falls back to static members).
 */
export function matchingAttributes(
  node: RuleNode,
  index = 0,
): Partial<Record<RuleAttribute, string>> | undefined {
  switch (node.kind) {
    case "cmp": {
      const values = node.values.filter((v): v is string => v !== null);
      if (values.length === 0 || !["-eq", "-in", "-startswith"].includes(node.op)) return undefined;
      return { [node.attribute]: values[index % values.length] };
    }
    case "and": {
      const l = matchingAttributes(node.left, index);
      const r = matchingAttributes(node.right, index);
      if (!l || !r) return undefined;
      for (const k of Object.keys(r) as RuleAttribute[]) if (k in l && l[k] !== r[k]) return undefined;
      return { ...l, ...r };
    }
    case "or":
      return matchingAttributes(node.left, index) ?? matchingAttributes(node.right, index);
    case "not":
      return undefined;
  }
}
