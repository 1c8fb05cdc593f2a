import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
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

export type YamlParseResult = { ok: true; source: YamlSource } | { ok: false; diagnostics: Diagnostic[] };

export function parseYaml(file: string, text: string): YamlParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
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
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  return {
    ok: true,
    source: { file, data, locate: (path, key = false) => locateIn(doc, path, key, pos) },
  };
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
