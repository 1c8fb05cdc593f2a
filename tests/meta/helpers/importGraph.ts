import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import * as ts from "typescript";
import { filesUnder, REPO_ROOT } from "./repoFiles";

/**
 * The repository's import graph, read with the TypeScript compiler API rather than madge, dpdm or
 * dependency-cruiser: typescript is already a dependency, `resolveModuleName` resolves exactly as `tsc` does under
 * our tsconfig, and `preProcessFile` sees every kind of edge we care about — `import`, `import type`, `export …
 * from`, `require()` and `import()` — with no new package to keep up to date for about forty lines.
 */

/** File (relative to the repository root) → the repository files it imports (relative too), sorted. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const OPTIONS: ts.CompilerOptions = (() => {
  const file = join(REPO_ROOT, "tsconfig.json");
  const { config } = ts.readConfigFile(file, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT).options;
})();

/** The import graph of every `.ts` file under `dirs` (relative to the root), edges to files in those dirs only. */
export function importGraph(dirs: readonly string[]): ImportGraph {
  const files = dirs.flatMap((d) => filesUnder(join(REPO_ROOT, d), ".ts"));
  const inside = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const path = join(REPO_ROOT, file);
    const imported = ts.preProcessFile(readFileSync(path, "utf8"), true, true).importedFiles;
    const targets = new Set<string>();
    for (const { fileName } of imported) {
      const resolved = ts.resolveModuleName(fileName, path, OPTIONS, ts.sys).resolvedModule;
      if (!resolved || resolved.isExternalLibraryImport) continue;
      const target = relative(REPO_ROOT, resolved.resolvedFileName);
      if (inside.has(target)) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/**
 * Every import cycle, one per strongly connected component (Tarjan): the component's files, sorted, and one
 * cycle through them as `a → b → … → a` to read. A file importing itself is a cycle of one.
 */
export function importCycles(graph: ImportGraph): { files: string[]; path: string }[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component);
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return components
    .filter((c) => c.length > 1 || (graph.get(c[0]!) ?? []).includes(c[0]!))
    .map((c) => ({ files: [...c].sort(), path: cycleThrough(graph, new Set(c)) }))
    .sort((a, b) => a.files[0]!.localeCompare(b.files[0]!));
}

/** The shortest cycle from the component's first file (sorted) back to it, staying inside the component. */
function cycleThrough(graph: ImportGraph, component: ReadonlySet<string>): string {
  const start = [...component].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path: string[] = [];
        for (let at: string | undefined = v; at !== undefined && at !== start; at = cameFrom.get(at))
          path.unshift(at);
        return [start, ...path, start].join(" → ");
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return start;
}
