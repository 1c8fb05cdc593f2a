/**
 * Runs generators against a repository root: writes the files that differ (and removes obsolete ones), or with
 * `check` writes nothing and names every stale file. Exit 0 when done or current, 1 when stale or a generator
 * failed.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedFiles, Generator, GenOptions } from "./generators";

export interface GenRun extends GenOptions {
  /** Where the files are compared and written: the repository root. */
  root: string;
  check: boolean;
  generators: readonly Generator[];
  say(line: string): void;
}

export async function runGenerators(run: GenRun): Promise<number> {
  const stale: string[] = [];
  const skipped: string[] = [];
  let failed = 0;
  let current = 0;
  for (const gen of run.generators) {
    const why = gen.unavailable?.(run);
    if (why) {
      skipped.push(`${gen.name} (${why})`);
      continue;
    }
    let files: GeneratedFiles;
    try {
      files = await gen.files(run);
    } catch (err) {
      failed += 1;
      run.say(
        `failed: ${gen.name}: ${err instanceof Error ? err.message : String(err)} (alone: ${gen.alone})`,
      );
      continue;
    }
    const differing = [...files].filter(([path, content]) => {
      const full = join(run.root, path);
      return !existsSync(full) || readFileSync(full, "utf8") !== content;
    });
    const obsolete = gen.obsolete?.(files).filter((p) => existsSync(join(run.root, p))) ?? [];
    current += files.size - differing.length;
    if (run.check) {
      for (const [path] of differing) stale.push(`stale: ${path} (${gen.name}; alone: ${gen.alone})`);
      for (const path of obsolete) stale.push(`obsolete: ${path} (${gen.name}; alone: ${gen.alone})`);
      continue;
    }
    for (const [path, content] of differing) {
      mkdirSync(dirname(join(run.root, path)), { recursive: true });
      writeFileSync(join(run.root, path), content);
      run.say(`wrote ${path}`);
    }
    for (const path of obsolete) {
      rmSync(join(run.root, path));
      run.say(`removed ${path}`);
    }
    if (differing.length > 0) gen.afterWrite?.();
  }
  for (const line of stale) run.say(line);
  for (const s of skipped) run.say(`not run: ${s}`);
  if (failed > 0) {
    run.say(
      `gen: ${failed} generator${failed === 1 ? "" : "s"} failed (above) — fix what it says and run again`,
    );
    return 1;
  }
  if (stale.length > 0) {
    run.say(
      `gen --check: ${stale.length} generated file${stale.length === 1 ? " is" : "s are"} stale — run \`npm run gen\` and commit the result`,
    );
    return 1;
  }
  run.say(
    run.check
      ? `gen --check: ${current} generated files are current`
      : `gen: ${current} files were already current`,
  );
  return 0;
}
