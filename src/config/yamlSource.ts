import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
} from "yaml";
import type { Diagnostic, FieldPath } from "./diagnostics";

export interface Position {
  line: number;
  column: number;
}

/** A parsed YAML file that can say where any field of it was written. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** Position of the value at `path`, or of the nearest enclosing node that exists. `key` points at the key instead. */
  locate(path: FieldPath, key?: boolean): Position;
}

/** Deeper than any definition file needs (they use a handful of levels); deeper input is refused, not recursed. */
export const MAX_YAML_DEPTH = 32;
/** How many aliases may be expanded in one file (the `yaml` library's guard against "billion laughs"). */
export const MAX_YAML_ALIASES = 100;

export type YamlParseResult = { ok: true; source: YamlSource } | { ok: false; diagnostics: Diagnostic[] };

export function parseYaml(file: string, text: string): YamlParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problem = (offset: number, message: string): YamlParseResult => ({
    ok: false,
    diagnostics: [{ file, ...pos(offset), path: "(file)", message }],
  });
  const exhausted = doc.errors.find((e) => e.code === "RESOURCE_EXHAUSTION");
  if (exhausted) return problem(exhausted.pos[0], tooDeep());
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => ({
        file,
        ...pos(e.pos[0]),
        path: "(file)",
        message: yamlErrorText(e.code, e.message),
      })),
    };
  }
  const complexKey = firstComplexKey(doc);
  if (complexKey !== undefined) {
    return problem(
      complexKey,
      "a key here is a list or a mapping — keys are plain names (write `name: value`; a '?' starts such a key)",
    );
  }
  const deep = firstTooDeep(doc);
  if (deep !== undefined) return problem(deep, tooDeep());
  const badAlias = firstBadAlias(doc);
  if (badAlias) return problem(badAlias.at, badAlias.message);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (err) {
    // The library throws a ReferenceError for aliases past the limit: a "billion laughs" file.
    if (!(err instanceof ReferenceError)) throw err;
    return problem(
      firstBomb(doc),
      `aliases here expand to more than ${MAX_YAML_ALIASES} copies of their anchors — write the values out instead of nesting *aliases (a definition file never needs this many)`,
    );
  }
  return {
    ok: true,
    source: { file, data, locate: (path, key = false) => locateIn(doc, path, key, pos) },
  };
}

function tooDeep(): string {
  return `the YAML nests more than ${MAX_YAML_DEPTH} levels deep here — a definition file needs only a few levels; flatten it (see docs/config-reference.md for the file's fields)`;
}

/** Offset of the first mapping key that is a collection (YAML allows it; no definition field is one). */
function firstComplexKey(doc: Document): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (!isCollection(pair.key)) return undefined;
      at = pair.key.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return at;
}

/** Offset of the first node nested deeper than MAX_YAML_DEPTH collections, found without recursion. */
function firstTooDeep(doc: Document): number | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, depth } = next;
    if (!isCollection(node)) continue;
    if (depth >= MAX_YAML_DEPTH) return node.range?.[0] ?? 0;
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The first alias that cannot be expanded: one with no anchor before it, or one inside its own anchor (an endless
 * value). One pass in document order, which is how the library finds an alias's anchor (the last one before it).
 */
function firstBadAlias(doc: Document): { at: number; message: string } | undefined {
  const anchors = new Map<string, unknown>();
  let bad: { at: number; message: string } | undefined;
  visit(doc, {
    Node(_key, node, ancestors) {
      if (!isAlias(node)) {
        const anchor = (node as { anchor?: string }).anchor;
        if (anchor) anchors.set(anchor, node);
        return undefined;
      }
      const name = node.source;
      const target = anchors.get(name);
      const at = node.range?.[0] ?? 0;
      if (target === undefined) {
        bad = {
          at,
          message: `alias *${name} has no anchor &${name} before it — set the anchor first or write the value out`,
        };
      } else if (ancestors.includes(target as never)) {
        bad = {
          at,
          message: `alias *${name} is inside its own anchor &${name}, which makes an endless value — write the value out`,
        };
      } else return undefined;
      return visit.BREAK;
    },
  });
  return bad;
}

/** Where the first alias is written: the place to point at when aliases expand too far. */
function firstBomb(doc: Document): number {
  let at = 0;
  visit(doc, {
    Alias(_key, node) {
      at = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return at;
}

function yamlErrorText(code: string, message: string): string {
  if (code === "DUPLICATE_KEY") {
    return "this key appears twice in the same mapping — keep one of them (YAML would silently use only one)";
  }
  // The parser's own first line is precise; drop its source excerpt.
  const what = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  return `invalid YAML: ${what} — fix the syntax here (indentation, a missing ':' or an unclosed quote or bracket)`;
}

function locateIn(doc: Document, path: FieldPath, key: boolean, pos: (offset: number) => Position): Position {
  let node: Node | null = doc.contents;
  let best: Position = node?.range ? pos(node.range[0]) : { line: 1, column: 1 };
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part),
      );
      if (!pair) return best;
      const keyNode = pair.key as Node;
      if (last && key && keyNode.range) return pos(keyNode.range[0]);
      node = (pair.value as Node | null) ?? null;
      const at = node?.range ?? keyNode.range;
      if (at) best = pos(at[0]);
    } else if (isSeq(node) && typeof part === "number") {
      const item = node.items[part] as Node | undefined;
      if (!item) return best;
      node = item;
      if (node.range) best = pos(node.range[0]);
    } else {
      return best;
    }
  }
  return best;
}
