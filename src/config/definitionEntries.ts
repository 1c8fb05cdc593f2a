import { lstatSync, readdirSync, type Stats } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "./diagnostics";
import { entryKind, notRegularMessage } from "./sourceFile";

/** lstat that answers undefined for a path that does not exist (a link is described, never followed). */
export function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/**
 * Every entry under `dir`, at any depth, that is neither a regular file nor a folder: symbolic links (to
 * anything, inside or outside the folder, broken or looping), FIFOs, sockets and devices. Each is an error naming
 * its path. The walk uses lstat only, so it follows no link and opens no file: a FIFO cannot block it and a
 * link loop cannot trap it.
 */
export function irregularEntries(dir: string, display: (path: string) => string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!entry.isFile()) {
        const stats = lstatOrUndefined(path);
        found.push({
          file: display(path),
          line: 1,
          column: 1,
          path: "(file)",
          message: notRegularMessage(stats ? entryKind(stats) : "not a regular file"),
        });
      }
    }
  };
  walk(dir);
  return found;
}
