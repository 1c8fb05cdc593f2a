import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Language, Parser, type Node } from "web-tree-sitter";

/**
 * PowerShell cannot run here, so the shipped scripts are checked through tree-sitter-powershell's grammar
 * (the `.wasm` grammar tree-sitter-powershell ships, loaded with web-tree-sitter): `Parser.init()`,
 * `Language.load(<.wasm>)`, parse, fail on `hasError`.
 */

let parserPromise: Promise<Parser> | undefined;

export function powershellParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const wasm = join(
      dirname(require.resolve("tree-sitter-powershell/package.json")),
      "tree-sitter-powershell.wasm",
    );
    const parser = new Parser();
    // Bytes, not a path: loading by path uses a dynamic import that Jest's CommonJS runtime does not allow.
    parser.setLanguage(await Language.load(new Uint8Array(readFileSync(wasm))));
    return parser;
  })();
  return parserPromise;
}

export interface SyntaxProblem {
  /** 1-based, as editors count. */
  line: number;
  column: number;
  kind: "error" | "missing";
  text: string;
}

/** Every ERROR and MISSING node, with its position, so a failure points at the line to fix. */
export function syntaxProblems(root: Node): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const visit = (n: Node) => {
    if (n.isError || n.isMissing) {
      out.push({
        line: n.startPosition.row + 1,
        column: n.startPosition.column + 1,
        kind: n.isMissing ? "missing" : "error",
        text: n.text.slice(0, 60),
      });
    }
    if (n.hasError) for (const c of n.children) if (c) visit(c);
  };
  visit(root);
  return out;
}

export function descendants(root: Node, type: string): Node[] {
  const out: Node[] = [];
  const visit = (n: Node) => {
    if (n.type === type) out.push(n);
    for (const c of n.children) if (c) visit(c);
  };
  visit(root);
  return out;
}

/** The value of a quoted string literal: 'x' or "x" (the driver's tables use constants only). */
export function stringValue(n: Node): string {
  const t = n.text;
  if ((t.startsWith("'") && t.endsWith("'")) || (t.startsWith('"') && t.endsWith('"'))) return t.slice(1, -1);
  return t;
}

/** The hashtable literal assigned to `$<name> = @{ ... }` at any level. */
export function hashAssignedTo(root: Node, variable: string): Node | undefined {
  for (const assignment of descendants(root, "assignment_expression")) {
    const left = assignment.children[0];
    if (left?.text.toLowerCase() !== `$${variable.toLowerCase()}`) continue;
    const hash = descendants(assignment, "hash_literal_expression")[0];
    if (hash) return hash;
  }
  return undefined;
}

/** Entries of a hashtable literal whose values are `@('a','b')` lists (or a single string): key → strings. */
export function stringListTable(hash: Node): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const body = hash.namedChildren.find((c) => c?.type === "hash_literal_body");
  for (const entry of body?.namedChildren ?? []) {
    if (!entry || entry.type !== "hash_entry") continue;
    const key = entry.namedChildren.find((c) => c?.type === "key_expression");
    const value = entry.namedChildren.find((c) => c?.type !== "key_expression");
    if (!key || !value) continue;
    out.set(
      stringValue(descendants(key, "string_literal")[0] ?? key),
      descendants(value, "string_literal").map(stringValue),
    );
  }
  return out;
}

export interface CommandUse {
  name: string;
  parameters: string[];
  line: number;
}

/** Commands invoked by literal name (`Verb-Noun -Param …`), with the `-Param` names written after them. */
export function literalCommands(root: Node): CommandUse[] {
  return descendants(root, "command").flatMap((cmd) => {
    const nameNode = cmd.childForFieldName("command_name");
    if (!nameNode || nameNode.type !== "command_name") return [];
    const elements = cmd.childForFieldName("command_elements");
    const parameters = elements
      ? descendants(elements, "command_parameter").map((p) => p.text.replace(/^-/, "").replace(/:$/, ""))
      : [];
    return [{ name: nameNode.text, parameters, line: cmd.startPosition.row + 1 }];
  });
}
