/**
 * Where a command may write. Every writing command (`codeowners`, `numbers`, `export`, `schemas`, `docs`, the
 * `--out` of `plan` and `drift`) asks here BEFORE its slow work, so a bad path costs a second, not a tenant read,
 * and never ends in a stack trace. `outputProblem` is pure (it judges facts); `inspectOutput` gathers the facts
 * from the file system and `checkOutputs` throws the usage error (exit 2) naming the path and the fix.
 */
import { accessSync, constants, existsSync, lstatSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { UsageError } from "../exitCodes";

export type OutputKind = "file" | "folder";
export type EntryKind = "missing" | "file" | "folder" | "other";

export interface OutputRequest {
  /** How the user named it, for the message: `--out`, or a description such as `generated file`. */
  flag: string;
  /** The path as given (relative to the working folder or absolute). */
  path: string;
  kind: OutputKind;
  /** Missing parent folders may be created (a default location such as .github/, or export's folder). */
  createParents?: boolean;
  /** The user said `--into-definition`: writing inside a definition folder is meant. */
  intoDefinition?: boolean;
  /** The command has no `--into-definition` (the emulator's state never belongs in a definition). */
  noIntoDefinitionFlag?: boolean;
  /** The file name suggested when a folder is given where a file is written (e.g. `drift.md`). */
  fileName?: string;
  /** A definition folder this command is meant to write into (e.g. `numbers` edits its department's files). */
  ownDefinition?: string;
}

export interface OutputFacts {
  /** The absolute output path. */
  target: string;
  /** What is at the path now. */
  at: EntryKind;
  /** Whether the entry at the path (when it exists) may be written. */
  writable: boolean;
  /** The nearest existing ancestor folder-or-not, and whether it can take new entries. */
  ancestor: { path: string; kind: EntryKind; writable: boolean };
  /** Whether the parent folder itself exists (so no folder would need creating). */
  parentExists: boolean;
  /** The nearest folder at or above the path that holds a tenant.yaml: a definition. */
  definition?: string;
  /** The definition folder is a previous `tenant export` (it holds `.tenant-export`). */
  definitionIsExport?: boolean;
}

/** The file that marks a definition folder. */
export const DEFINITION_FILE = "tenant.yaml";
/** The file `tenant export` leaves in its folder (src/export/files.ts). */
const EXPORT_MARKER = ".tenant-export";

/** What is wrong with writing `req` given `facts`, as one sentence with its fix; undefined when fine. */
export function outputProblem(req: OutputRequest, facts: OutputFacts): string | undefined {
  const p = `${req.flag} ${req.path}`;
  if (facts.at === "other") {
    return `${p} is not a regular ${req.kind} (a device, socket, FIFO or link) — name a new ${req.kind} path`;
  }
  if (req.kind === "file" && facts.at === "folder") {
    return `${p} is a folder, and a file is written here — name the file itself, e.g. ${join(req.path, suggestedName(req))}`;
  }
  if (req.kind === "folder" && facts.at === "file") {
    return `${p} is a file, and a folder is written here — name a new or empty folder, or remove the file first`;
  }
  if (facts.at === "missing") {
    if (facts.ancestor.kind !== "folder") {
      return `${p} cannot be created: ${facts.ancestor.path} is a ${facts.ancestor.kind === "file" ? "file" : "special file"}, not a folder — choose a path inside a folder`;
    }
    if (!facts.parentExists && !req.createParents) {
      return `${p}: the folder ${dirname(req.path)} does not exist — create it first (mkdir -p ${dirname(req.path)}) or choose an existing folder`;
    }
    if (!facts.ancestor.writable) {
      return `${p} cannot be created: the folder ${facts.ancestor.path} is not writable — choose a folder you can write to`;
    }
  } else if (!facts.writable) {
    return `${p} is not writable — change its permissions or choose another path`;
  }
  if (
    facts.definition !== undefined &&
    !req.intoDefinition &&
    !sameFolder(facts.definition, req.ownDefinition)
  ) {
    // A previous export may be exported again: that is what its marker is for.
    if (!(req.kind === "folder" && facts.definitionIsExport && facts.definition === facts.target)) {
      return (
        `${p} is inside the definition folder ${shown(facts.definition)} — writing there would change a definition by ` +
        `accident; choose a path outside it${req.noIntoDefinitionFlag ? "" : ", or add --into-definition if you mean to"}`
      );
    }
  }
  return undefined;
}

/** Facts about `req.path` from the file system; symbolic links are not followed at the path itself. */
export function inspectOutput(req: OutputRequest): OutputFacts {
  const target = resolve(req.path);
  const at = kindOf(target);
  let ancestor = dirname(target);
  while (kindOf(ancestor) === "missing" && dirname(ancestor) !== ancestor) ancestor = dirname(ancestor);
  const ancestorKind = kindOf(ancestor);
  const definition = definitionAbove(at === "folder" ? target : dirname(target), ancestor);
  return {
    target,
    at,
    writable: at !== "missing" && isWritable(target),
    ancestor: {
      path: ancestor,
      kind: ancestorKind,
      writable: ancestorKind === "folder" && isWritable(ancestor),
    },
    parentExists: kindOf(dirname(target)) === "folder",
    ...(definition !== undefined
      ? { definition, definitionIsExport: existsSync(join(definition, EXPORT_MARKER)) }
      : {}),
  };
}

/** Checks every request; throws a UsageError (exit 2) naming the first bad path and its fix. */
export function checkOutputs(requests: readonly OutputRequest[]): void {
  for (const req of requests) {
    const facts = inspectOutput(req);
    const problem = outputProblem(req, facts);
    if (problem !== undefined) throw new UsageError(problem);
  }
}

function suggestedName(req: OutputRequest): string {
  return req.fileName ?? (basename(req.path) || "out");
}

/** A folder as the user would type it: relative to the working folder when inside it. */
function shown(folder: string): string {
  const rel = relative(process.cwd(), folder);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? folder : rel;
}

function sameFolder(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  return relative(realOrSelf(a), realOrSelf(b)) === "";
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function kindOf(p: string): EntryKind {
  try {
    const st = lstatSync(p);
    if (st.isFile()) return "file";
    if (st.isDirectory()) return "folder";
    return "other";
  } catch (error) {
    // ENOTDIR: a component of the path is a file; the walk up finds it.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return "missing";
    throw error;
  }
}

function isWritable(p: string): boolean {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The nearest existing folder from `start` up that holds a tenant.yaml (only existing folders are looked at). */
function definitionAbove(start: string, nearestExisting: string): string | undefined {
  let dir = kindOf(start) === "folder" ? start : nearestExisting;
  for (;;) {
    if (kindOf(join(dir, DEFINITION_FILE)) === "file") return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
