import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import type { StateDocument } from "./types";

/** What to do with a state file the emulator cannot use: it never overwrites one it did not understand. */
const NOT_OURS =
  "move it away (or delete it) to start from --seed or an empty tenant, or give --state a new file name";

/** Reads a state file written by `saveStateFile`; undefined when there is none yet. */
export function loadStateFile(path: string): StateDocument | undefined {
  if (!existsSync(path)) return undefined;
  if (!statSync(path).isFile())
    throw new Error(`--state ${path} is not a file — name a file, e.g. ${path}/tenant.json`);
  const text = readFileSync(path, "utf8");
  if (text.trim() === "") throw new Error(`--state ${path} is empty, so it holds no tenant — ${NOT_OURS}`);
  let doc: Partial<StateDocument> | null;
  try {
    doc = JSON.parse(text) as Partial<StateDocument> | null;
  } catch (error) {
    throw new Error(
      `--state ${path} is not valid JSON (${(error as Error).message}): it is damaged or not a state file — ${NOT_OURS}`,
      { cause: error },
    );
  }
  if (
    doc === null ||
    typeof doc !== "object" ||
    doc.format !== "tenant-emulator-state" ||
    doc.version !== 1
  ) {
    const what =
      doc !== null && typeof doc === "object"
        ? `format ${String(doc.format)} v${String(doc.version)}`
        : typeof doc;
    throw new Error(`--state ${path} is not a tenant emulator state file (${what}) — ${NOT_OURS}`);
  }
  return doc as StateDocument;
}

/** Write-then-rename, so a crash mid-write leaves the previous state, never half a file. Makes no folders. */
export function saveStateFile(path: string, doc: StateDocument): void {
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
