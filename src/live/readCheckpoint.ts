/**
 * The checkpoint of an interrupted read: one JSON file per finished section, and for long paged sections one
 * file per page with the cursor of the next one. Appending a file per page keeps saving O(page), not O(section),
 * so a 27,000-user section is not rewritten 28 times. Writes go through a temp file and a rename, so a kill in
 * the middle leaves the previous page, never half a file.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import type { LiveSection } from "./readProgress";
import { UserError } from "../exitCodes";

const MANIFEST = "manifest.json";
const FORMAT = "tenant-live-checkpoint/1";

export interface CheckpointPage<T> {
  items: T[];
  /** Where the next page is read from (`@odata.nextLink` or the next `$skip`); undefined after the last. */
  next: string | undefined;
}

export class ReadCheckpoint {
  /** Sections and pages taken from disk in this run, for the "resumed" notice. */
  readonly reused: string[] = [];

  private constructor(readonly dir: string) {}

  /**
   * Opens (or starts) the checkpoint in `dir` for `endpoint`. A checkpoint of another endpoint, or `fresh`,
   * is discarded: reusing another tenant's pages would merge two tenants.
   */
  static open(dir: string, endpoint: string, fresh: boolean): ReadCheckpoint {
    const manifestPath = join(dir, MANIFEST);
    if (existsSync(manifestPath) && !fresh) {
      const manifest = readJson<{ format?: string; endpoint?: string } | null>(manifestPath) ?? {};
      if (manifest.format === FORMAT && manifest.endpoint === endpoint) return new ReadCheckpoint(dir);
    }
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    atomicWrite(
      manifestPath,
      JSON.stringify({ format: FORMAT, endpoint, started: new Date().toISOString() }),
    );
    return new ReadCheckpoint(dir);
  }

  section<T>(section: LiveSection): T | undefined {
    const path = join(this.dir, `${section}.json`);
    if (!existsSync(path)) return undefined;
    this.reused.push(section);
    const saved = readJson<{ value: T } | null>(path);
    if (saved === null || typeof saved !== "object" || !("value" in saved))
      throw damaged(path, "no value in it");
    return saved.value;
  }

  saveSection<T>(section: LiveSection, value: T): void {
    atomicWrite(join(this.dir, `${section}.json`), JSON.stringify({ value }));
    for (const f of this.pageFiles(section)) rmSync(join(this.dir, f), { force: true });
  }

  /** The pages saved so far of an unfinished section, in order. */
  pages<T>(section: LiveSection): CheckpointPage<T>[] {
    const pages = this.pageFiles(section).map((f) => {
      const page = readJson<CheckpointPage<T> | null>(join(this.dir, f));
      if (page === null || !Array.isArray(page.items)) throw damaged(join(this.dir, f), "no items in it");
      return page;
    });
    if (pages.length > 0) this.reused.push(`${section} (${pages.length} pages)`);
    return pages;
  }

  savePage<T>(section: LiveSection, index: number, page: CheckpointPage<T>): void {
    atomicWrite(
      join(this.dir, `${section}.page-${String(index).padStart(6, "0")}.json`),
      JSON.stringify(page),
    );
  }

  /** Removes the whole checkpoint after a successful export. */
  discard(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private pageFiles(section: LiveSection): string[] {
    if (!existsSync(this.dir)) return [];
    const prefix = `${section}.page-`;
    return readdirSync(this.dir)
      .filter((f) => f.startsWith(prefix) && f.endsWith(".json"))
      .sort();
  }
}

/** A checkpoint file that cannot be read back; the run stops rather than export half a tenant. */
export class CheckpointError extends UserError {}

function damaged(path: string, why: string): CheckpointError {
  return new CheckpointError(
    `the checkpoint file ${path} is damaged (${why}) — run the same command with --fresh to discard the ` +
      "checkpoint and read everything again",
  );
}

function readJson<T>(path: string): T {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (error) {
    throw damaged(path, (error as Error).message);
  }
}

function atomicWrite(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
