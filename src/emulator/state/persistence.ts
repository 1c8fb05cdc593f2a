import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { StateDocument } from "./types";

/** Reads a state file written by `saveStateFile`; undefined when there is none yet. */
export function loadStateFile(path: string): StateDocument | undefined {
  if (!existsSync(path)) return undefined;
  const doc = JSON.parse(readFileSync(path, "utf8")) as StateDocument;
  if (doc.format !== "tenant-emulator-state" || doc.version !== 1) {
    throw new Error(
      `${path} is not a tenant emulator state file (format ${String(doc.format)} v${String(doc.version)})`,
    );
  }
  return doc;
}

/** Write-then-rename, so a crash mid-write leaves the previous state, never half a file. */
export function saveStateFile(path: string, doc: StateDocument): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(doc));
  renameSync(tmp, path);
}

/**
 * Persists after changes without writing once per request: a change schedules one save a short while
 * later, and `flush` writes whatever is pending (on stop).
 */
export class StateSaver {
  private saved = -1;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly path: string,
    private readonly read: () => { revision: number; doc: StateDocument },
    private readonly delayMs = 100,
  ) {}

  /** Call after anything that may have changed the state. */
  changed(): void {
    if (this.timer || this.read().revision === this.saved) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.delayMs);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const { revision, doc } = this.read();
    if (revision === this.saved) return;
    saveStateFile(this.path, doc);
    this.saved = revision;
  }
}
