import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Writes through a temporary file in the same folder and a rename, so a crash never leaves half a file. */
export function writeAtomic(path: string, text: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

export function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/**
 * Writes several files, then asks `check` whether the result is acceptable; when it is not (or a write
 * fails), puts every file back as it was — files that did not exist are removed. Returns what `check` said.
 */
export function writeAllOrNothing<T>(
  changes: ReadonlyMap<string, string>,
  check: () => { ok: boolean; value: T },
): { ok: boolean; value?: T } {
  const before = new Map([...changes.keys()].map((p) => [p, readIfExists(p)]));
  const restore = () => {
    for (const [path, text] of before) {
      if (text === undefined) rmSync(path, { force: true });
      else writeAtomic(path, text);
    }
  };
  try {
    for (const [path, text] of changes) writeAtomic(path, text);
    const result = check();
    if (!result.ok) restore();
    return result;
  } catch (err) {
    restore();
    throw err;
  }
}
