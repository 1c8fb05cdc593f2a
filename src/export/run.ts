/**
 * The I/O shell of `tenant export`: checks the output folder, reads the live tenant (resumable, with its
 * checkpoint inside the output folder), builds the definition and writes it with its report. The CLI and
 * the benchmark both call `runExport`.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { readLiveTenant, type LiveReadDeps } from "../live/read";
import type { ReadProgress } from "../live/readProgress";
import type { LiveTenant } from "../live/snapshot";
import { buildExport, type ExportedDefinition } from "./build";
import { EXPORT_MARKER, exportFiles } from "./files";
import { UserError } from "../exitCodes";
import { toPosixPath } from "../posixPath";

export const CHECKPOINT_DIR = ".export-checkpoint";

/** The generated JSON Schemas of this repository (stacks/schemas). */
export const SCHEMAS_DIR = join(__dirname, "..", "..", "stacks", "schemas");

/** The output folder holds someone else's files (exit 1); the message says what to do. */
export class ExportFolderError extends UserError {}

export interface RunExportOptions {
  out: string;
  departmentsBy?: string;
  fresh?: boolean;
  progress?: ReadProgress;
}

export interface RunExportResult {
  definition: ExportedDefinition;
  live: LiveTenant;
  /** What came from an earlier run's checkpoint. */
  resumed: string[];
  files: string[];
}

/**
 * An output folder may be missing, empty, a previous export (it holds the marker) or an interrupted one
 * (it holds only the checkpoint). Anything else is someone's work: refuse.
 */
export function checkOutputFolder(out: string): void {
  if (!existsSync(out)) return;
  const entries = readdirSync(out);
  if (entries.length === 0 || entries.includes(EXPORT_MARKER)) return;
  if (entries.every((e) => e === CHECKPOINT_DIR)) return;
  throw new ExportFolderError(
    `${out} is not empty and is not a previous export (no ${EXPORT_MARKER} file) — choose an empty or new folder, ` +
      "or remove its content; export never overwrites other files",
  );
}

export async function runExport(deps: LiveReadDeps, options: RunExportOptions): Promise<RunExportResult> {
  checkOutputFolder(options.out);
  mkdirSync(options.out, { recursive: true });
  const read = await readLiveTenant(deps, {
    checkpointDir: join(options.out, CHECKPOINT_DIR),
    fresh: options.fresh,
    progress: options.progress,
  });
  const definition = buildExport(read.tenant, { departmentsBy: options.departmentsBy });
  const files = exportFiles(definition, toPosixPath(relative(options.out, SCHEMAS_DIR)));
  // A previous export's department and numbers files go: a department gone from the tenant must not linger.
  for (const sub of ["departments", "numbers"])
    rmSync(join(options.out, sub), { recursive: true, force: true });
  for (const f of files) {
    const path = join(options.out, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
  }
  read.checkpoint?.discard();
  return { definition, live: read.tenant, resumed: read.resumed, files: files.map((f) => f.path) };
}
