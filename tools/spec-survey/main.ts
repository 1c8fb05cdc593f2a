/**
 * Lists the modules of src/ with logic that have no spec of their own: no `tests/<same path>.test.ts` (or
 * `.<kind>.test.ts`, e.g. `.emulator.test.ts`), and, worse, none that any test imports directly.
 *
 *   npx tsx tools/spec-survey/main.ts [--all]
 *
 * Prints `untested` modules (no test imports them; they are only reached through others) first, then with
 * `--all` the `unmirrored` ones (tested, but from a spec named after something else). Always exits 0: it is a
 * to-do list, not a gate.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "..", "..");

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : walk(full);
    return e.isFile() && e.name.endsWith(".ts") ? [full] : [];
  });
}

/** Has code that runs: a function, a class or an arrow, once comments and type-only declarations are gone. */
export function hasLogic(source: string): boolean {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\/\/.*$/gm, "")
    .replace(/^export type [^;]*;/gm, "");
  return /\bfunction\b|\bclass\b|=>/.test(
    code.replace(/^\s*(?:export\s+)?(?:interface|type)\b[\s\S]*?^\}/gm, ""),
  );
}

/** `tests/<path>.test.ts` or `tests/<path>.<kind>.test.ts` for `src/<path>.ts`. */
export function mirroredSpecs(module: string, tests: readonly string[]): string[] {
  const stem = module.replace(/^src\//, "tests/").replace(/\.ts$/, "");
  return tests.filter((t) => t === `${stem}.test.ts` || (t.startsWith(`${stem}.`) && t.endsWith(".test.ts")));
}

const IMPORT = /(?:from|import|require|jest\.mock)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

const REEXPORT = /^export\s+(?:\*|\{[^}]*\}|type\s+\{[^}]*\})\s+from\s+["'][^"']+["']/gm;

/** Repository-relative modules a file imports by relative path (`x` resolved as `x.ts` or `x/index.ts`). */
export function importsOf(file: string, source: string, exists: (path: string) => boolean): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const base = relative(ROOT, resolve(dirname(join(ROOT, file)), m[1]))
      .split("\\")
      .join("/");
    const hit = [base, `${base}.ts`, `${base}/index.ts`].find(exists);
    if (hit) found.push(hit);
  }
  return found;
}

export interface Survey {
  untested: string[];
  unmirrored: string[];
}

export function survey(files: ReadonlyMap<string, string>): Survey {
  const paths = [...files.keys()];
  const tests = paths.filter((p) => p.startsWith("tests/") && p.endsWith(".test.ts"));
  const exists = (p: string) => files.has(p);
  const imported = new Set<string>();
  // A test that imports a barrel (`src/graph/index.ts`) imports what the barrel re-exports.
  const add = (module: string): void => {
    if (imported.has(module)) return;
    imported.add(module);
    const source = files.get(module)!;
    if (module.endsWith("/index.ts")) {
      for (const m of source.matchAll(REEXPORT)) importsOf(module, m[0], exists).forEach(add);
    }
  };
  for (const t of paths.filter((p) => p.startsWith("tests/")))
    importsOf(t, files.get(t)!, exists).forEach(add);
  const modules = paths.filter((p) => p.startsWith("src/") && hasLogic(files.get(p)!)).sort();
  const unspecced = modules.filter((m) => mirroredSpecs(m, tests).length === 0);
  return {
    untested: unspecced.filter((m) => !imported.has(m)),
    unmirrored: unspecced.filter((m) => imported.has(m)),
  };
}

function main(argv: readonly string[]): number {
  const files = new Map(
    [...walk(join(ROOT, "src")), ...walk(join(ROOT, "tests"))].map((f) => [
      relative(ROOT, f).split("\\").join("/"),
      readFileSync(f, "utf8"),
    ]),
  );
  const { untested, unmirrored } = survey(files);
  const lines = [
    `untested: ${untested.length} modules with logic that no test imports (directly or through an index.ts)`,
    ...untested.map((m) => `  ${m}`),
    `unmirrored: ${unmirrored.length} modules tested only from specs named after others`,
    ...(argv.includes("--all") ? unmirrored.map((m) => `  ${m}`) : []),
  ];
  // One write, so a reader that stops early (`| head`) does not break a stream mid-list.
  process.stdout.on("error", () => undefined);
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
