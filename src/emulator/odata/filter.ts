import type { DirectoryError } from "../state/licensing";

/**
 * The `$filter` subset directory queries use: `eq`, `ne`, `in`, `startswith`, `endswith`, `and`, `or`, `not`,
 * parentheses, and `coll/any(x:x/prop eq value)`. Like Graph, `ne`, `not` and `endswith` are "advanced
 * queries" that need `ConsistencyLevel: eventual` and `$count=true` (graph-teams-licensing.md §5.5).
 */
export type Literal = string | number | boolean | null;

export type FilterNode =
  | { k: "cmp"; prop: string; op: "eq" | "ne" | "ge" | "le" | "gt" | "lt"; value: Literal }
  | { k: "in"; prop: string; values: Literal[] }
  | { k: "fn"; fn: "startswith" | "endswith"; prop: string; value: string }
  | { k: "any"; prop: string; sub: string; op: "eq"; value: Literal }
  | { k: "and" | "or"; left: FilterNode; right: FilterNode }
  | { k: "not"; operand: FilterNode };

/** How a resource's properties are read for filtering; collections are lists of objects for `any`. */
export interface FilterSchema<T> {
  /** Resource name in error messages (`User`, `Group`). */
  resource: string;
  properties: Record<string, (item: T) => Literal | Literal[] | Record<string, unknown>[]>;
}

type Tok = { t: "str"; v: string } | { t: "word"; v: string } | { t: "p"; v: string };

class FilterSyntaxError extends Error {}

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/;

/**
 * An unquoted Edm.DateTimeOffset literal (`activityDateTime ge 2026-01-01T08:00:00Z`, as resources/directoryaudit.md and
 * OData v4 write it). Kept whole (its ':' is not the lambda's) and compared as the ISO text the state stores.
 */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/i;

function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === " ") {
      i++;
    } else if (c === "'") {
      let v = "";
      i++;
      for (;;) {
        if (i >= s.length) throw new FilterSyntaxError("unterminated string literal");
        if (s[i] === "'" && s[i + 1] === "'") {
          v += "'";
          i += 2;
        } else if (s[i] === "'") {
          i++;
          break;
        } else {
          v += s[i++];
        }
      }
      out.push({ t: "str", v });
    } else if ("(),:".includes(c)) {
      out.push({ t: "p", v: c });
      i++;
    } else {
      const g = DATE_TIME.exec(s.slice(i)) ?? GUID.exec(s.slice(i));
      const m = g ?? /^[A-Za-z0-9_./$+-]+/.exec(s.slice(i));
      if (!m) throw new FilterSyntaxError(`unexpected '${c}'`);
      out.push({ t: "word", v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

export function parseFilter(text: string): FilterNode {
  const toks = tokenize(text.trim());
  let pos = 0;
  const word = () => (toks[pos]?.t === "word" ? toks[pos].v : undefined);
  const lower = () => word()?.toLowerCase();
  const punct = (v: string) => {
    const t = toks[pos++];
    if (t?.t !== "p" || t.v !== v) throw new FilterSyntaxError(`expected '${v}'`);
  };
  const isPunct = (v: string) => toks[pos]?.t === "p" && toks[pos].v === v;
  const literal = (): Literal => {
    const t = toks[pos++];
    if (!t) throw new FilterSyntaxError("expected a value");
    if (t.t === "str") return t.v;
    if (t.t === "word") {
      const w = t.v.toLowerCase();
      if (w === "true" || w === "false") return w === "true";
      if (w === "null") return null;
      if (GUID.test(t.v)) return t.v;
      if (DATE_TIME.test(t.v) && !Number.isNaN(Date.parse(t.v))) return new Date(t.v).toISOString();
      if (/^-?\d+(\.\d+)?$/.test(t.v)) return Number(t.v);
    }
    throw new FilterSyntaxError(`unexpected '${t.v}'`);
  };
  const or = (): FilterNode => {
    let left = and();
    while (lower() === "or") {
      pos++;
      left = { k: "or", left, right: and() };
    }
    return left;
  };
  const and = (): FilterNode => {
    let left = unary();
    while (lower() === "and") {
      pos++;
      left = { k: "and", left, right: unary() };
    }
    return left;
  };
  const unary = (): FilterNode => {
    if (lower() === "not") {
      pos++;
      return { k: "not", operand: unary() };
    }
    if (isPunct("(")) {
      pos++;
      const inner = or();
      punct(")");
      return inner;
    }
    const w = word();
    if (!w) throw new FilterSyntaxError("expected a property or function");
    pos++;
    const fn = w.toLowerCase();
    if ((fn === "startswith" || fn === "endswith") && isPunct("(")) {
      pos++;
      const prop = word();
      if (!prop) throw new FilterSyntaxError(`${fn} needs a property`);
      pos++;
      punct(",");
      const value = literal();
      punct(")");
      if (typeof value !== "string") throw new FilterSyntaxError(`${fn} needs a string`);
      return { k: "fn", fn, prop, value };
    }
    const any = /^(.+)\/any$/i.exec(w);
    if (any) {
      punct("(");
      const v = word();
      pos++;
      punct(":");
      const path = word() ?? "";
      pos++;
      if (!v || !path.startsWith(`${v}/`)) throw new FilterSyntaxError("lambda must read its variable");
      if (lower() !== "eq") throw new FilterSyntaxError("only 'eq' inside any()");
      pos++;
      const value = literal();
      punct(")");
      return { k: "any", prop: any[1], sub: path.slice(v.length + 1), op: "eq", value };
    }
    const op = lower();
    if (op === "in") {
      pos++;
      punct("(");
      const values = [literal()];
      while (isPunct(",")) {
        pos++;
        values.push(literal());
      }
      punct(")");
      return { k: "in", prop: w, values };
    }
    if (op === "eq" || op === "ne" || op === "ge" || op === "le" || op === "gt" || op === "lt") {
      pos++;
      return { k: "cmp", prop: w, op, value: literal() };
    }
    throw new FilterSyntaxError(`unsupported operator after '${w}'`);
  };
  const node = or();
  if (pos !== toks.length) throw new FilterSyntaxError(`unexpected '${toks[pos].v}'`);
  return node;
}

function usesAdvanced(n: FilterNode): boolean {
  switch (n.k) {
    case "and":
    case "or":
      return usesAdvanced(n.left) || usesAdvanced(n.right);
    case "not":
      return true;
    case "cmp":
      return n.op === "ne";
    case "fn":
      return n.fn === "endswith";
    default:
      return false;
  }
}

function props(n: FilterNode): string[] {
  switch (n.k) {
    case "and":
    case "or":
      return [...props(n.left), ...props(n.right)];
    case "not":
      return props(n.operand);
    default:
      return [n.prop];
  }
}

const norm = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : v);

/** Compiles `$filter` for a resource into a predicate, or the 400 Graph would give. */
export function compileFilter<T>(
  text: string,
  schema: FilterSchema<T>,
  advanced: boolean,
): ((item: T) => boolean) | DirectoryError {
  let node: FilterNode;
  try {
    node = parseFilter(text);
  } catch (err) {
    if (!(err instanceof FilterSyntaxError)) throw err;
    return { status: 400, code: "BadRequest", message: `Invalid filter clause: ${err.message}.` };
  }
  const byLower = new Map(Object.keys(schema.properties).map((p) => [p.toLowerCase(), p]));
  for (const p of props(node)) {
    if (!byLower.has(p.toLowerCase())) {
      return {
        status: 400,
        code: "Request_UnsupportedQuery",
        message: `Unsupported or invalid query filter clause specified for property '${p}' of resource '${schema.resource}'.`,
      };
    }
  }
  if (usesAdvanced(node) && !advanced) {
    return {
      status: 400,
      code: "Request_UnsupportedQuery",
      message: `Unsupported or invalid query filter clause specified for property '${props(node)[0]}' of resource '${schema.resource}'.`,
    };
  }
  const read = (item: T, p: string) => schema.properties[byLower.get(p.toLowerCase())!](item);
  const test = (n: FilterNode, item: T): boolean => {
    switch (n.k) {
      case "and":
        return test(n.left, item) && test(n.right, item);
      case "or":
        return test(n.left, item) || test(n.right, item);
      case "not":
        return !test(n.operand, item);
      case "in":
        return n.values.map(norm).includes(norm(read(item, n.prop)));
      case "fn": {
        const v = read(item, n.prop);
        if (typeof v !== "string") return false;
        const a = v.toLowerCase();
        const b = n.value.toLowerCase();
        return n.fn === "startswith" ? a.startsWith(b) : a.endsWith(b);
      }
      case "any": {
        const coll = read(item, n.prop);
        if (!Array.isArray(coll)) return false;
        return coll.some(
          (el) =>
            el !== null &&
            typeof el === "object" &&
            norm((el as Record<string, unknown>)[n.sub]) === norm(n.value),
        );
      }
      case "cmp": {
        const a = norm(read(item, n.prop));
        const b = norm(n.value);
        switch (n.op) {
          case "eq":
            return a === b;
          case "ne":
            return a !== b;
          default: {
            if (a === null || b === null || typeof a === "object") return false;
            const [x, y] = [a as string | number | boolean, b as string | number | boolean];
            return n.op === "ge" ? x >= y : n.op === "le" ? x <= y : n.op === "gt" ? x > y : x < y;
          }
        }
      }
    }
  };
  return (item: T) => test(node, item);
}
