import { dirname, isAbsolute, join, relative, resolve } from "node:path";

/**
 * Finds, in one source file's text, every place that reads a path above the repository root: a mention of the
 * sibling `shared` folder of the project's workspace, a `join`/`resolve` from `__dirname` whose literal segments
 * climb out of the root, and a string literal `../…` that, taken from the file's own folder, lands outside.
 * Shell scripts count `$(dirname "$0")/../…` the same way. Heuristic on purpose (no evaluation): it reads the
 * literal parts a reviewer would.
 */
export function pathsAboveRoot(root: string, file: string, text: string): string[] {
  const found: string[] = [];
  const fileDir = dirname(join(root, file));
  const outside = (path: string) => {
    const rel = relative(root, path);
    return rel === ".." || rel.startsWith(`..${"/"}`) || isAbsolute(rel);
  };
  const lineOf = (index: number) => text.slice(0, index).split("\n").length;

  const sharedMention = new RegExp(`\\.\\./${"shared"}\\b|/work/${"shared"}\\b`, "g");
  for (const m of text.matchAll(sharedMention)) found.push(`${file}:${lineOf(m.index)}: names ${m[0]}`);

  const fromDirname = /(?:join|resolve)\(\s*__dirname\s*((?:,\s*(?:"[^"]*"|'[^']*')\s*)+)/g;
  for (const m of text.matchAll(fromDirname)) {
    const segments = [...m[1].matchAll(/"([^"]*)"|'([^']*)'/g)].map((s) => s[1] ?? s[2]);
    const target = resolve(fileDir, ...segments);
    if (outside(target))
      found.push(`${file}:${lineOf(m.index)}: __dirname + ${segments.join("/")} is outside`);
  }

  const relativeLiteral = /["'`]((?:\.\.\/)+[^"'`\s]*)["'`]/g;
  for (const m of text.matchAll(relativeLiteral)) {
    if (outside(resolve(fileDir, m[1]))) found.push(`${file}:${lineOf(m.index)}: ${m[1]} is outside`);
  }

  const shellScriptDir = /\$\(dirname "\$(?:0|\{BASH_SOURCE\[0\]\})"\)\/((?:\.\.\/?)+)/g;
  for (const m of text.matchAll(shellScriptDir)) {
    if (outside(resolve(fileDir, m[1])))
      found.push(`${file}:${lineOf(m.index)}: script dir + ${m[1]} is outside`);
  }
  return found;
}
