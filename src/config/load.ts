import { readdirSync } from "node:fs";
import { basename, extname, join, relative } from "node:path";
import type { z } from "zod";
import { csvSource } from "./csvLoad";
import type { Diagnostic, FieldPath } from "./diagnostics";
import { formatPath } from "./diagnostics";
import { lookalikesIn } from "./lookalikes";
import { schemaDiagnostics } from "./schemaIssues";
import { departmentSchema, type Department } from "./schema/department";
import { NUMBER_COLUMNS, numberAssignmentSchema, type NumberAssignment } from "./schema/numbers";
import {
  RELEASED_COLUMNS,
  RELEASED_FILE,
  releasedNumberSchema,
  type ReleasedNumber,
} from "./schema/releasedNumbers";
import { tenantSchema, type Tenant } from "./schema/tenant";
import { irregularEntries, lstatOrUndefined } from "./definitionEntries";
import { readDefinitionFile } from "./sourceFile";
import { parseYaml, type Position } from "./yamlSource";

/** A schema-valid YAML document and where its fields were written. */
export interface LoadedYaml<T> {
  file: string;
  value: T;
  locate(path: FieldPath, key?: boolean): Position;
}

/** One schema-valid row of a numbers file. */
export interface LoadedNumberRow {
  line: number;
  value: NumberAssignment;
  columns: Record<string, number>;
}

/** One schema-valid row of the released-numbers ledger. */
export interface LoadedReleasedRow {
  line: number;
  value: ReleasedNumber;
  columns: Record<string, number>;
}

/** `numbers/released.csv`: numbers taken back, kept in quarantine (not a department's file). */
export interface LoadedReleasedFile {
  file: string;
  rows: LoadedReleasedRow[];
}

export interface LoadedNumbersFile {
  file: string;
  /** The department the file belongs to: its name without `.csv`. */
  department: string;
  rows: LoadedNumberRow[];
}

/** Everything read from a definition folder: what parsed, and what did not. */
export interface LoadedDefinition {
  dir: string;
  tenant?: LoadedYaml<Tenant>;
  departments: LoadedYaml<Department>[];
  numbers: LoadedNumbersFile[];
  /** The released-numbers ledger, when the folder has one that could be read as a table. */
  released?: LoadedReleasedFile;
  /** Ids (file names) of every department file found, including those that failed their schema. */
  departmentFileIds: string[];
  diagnostics: Diagnostic[];
}

export const TENANT_FILE = "tenant.yaml";
export const DEPARTMENTS_DIR = "departments";
export const NUMBERS_DIR = "numbers";

/**
 * Reads `dir` (a `stacks/<stack>/` folder) file by file. Each file is parsed and checked against its
 * schema on its own, so one broken file never hides the problems of another.
 */
export function loadDefinition(dir: string, displayBase = process.cwd()): LoadedDefinition {
  const display = (path: string) => {
    const rel = relative(displayBase, path);
    return rel.startsWith("..") ? path : rel;
  };
  const result: LoadedDefinition = {
    dir,
    departments: [],
    numbers: [],
    departmentFileIds: [],
    diagnostics: [],
  };
  // Anything but regular files and folders is refused up front, and never read below.
  result.diagnostics.push(...irregularEntries(dir, display));
  const tenantPath = join(dir, TENANT_FILE);
  const tenantStats = lstatOrUndefined(tenantPath);
  if (!tenantStats) {
    result.diagnostics.push(
      fileDiagnostic(
        display(tenantPath),
        `${TENANT_FILE} is missing — every definition folder needs one (see docs/config-reference.md)`,
      ),
    );
  } else if (tenantStats.isDirectory()) {
    result.diagnostics.push(fileDiagnostic(display(tenantPath), folderWhereFileExpected(TENANT_FILE)));
  } else if (tenantStats.isFile()) {
    result.tenant = loadYaml(tenantPath, display(tenantPath), tenantSchema, result.diagnostics);
  } // anything else (a link, a FIFO) was reported by irregularEntries and is not read

  for (const path of listFiles(join(dir, DEPARTMENTS_DIR), ".yaml", display, result.diagnostics)) {
    result.departmentFileIds.push(basename(path, ".yaml"));
    const loaded = loadYaml(path, display(path), departmentSchema, result.diagnostics);
    if (loaded) result.departments.push(loaded);
  }
  for (const path of listFiles(join(dir, NUMBERS_DIR), ".csv", display, result.diagnostics)) {
    if (basename(path) === RELEASED_FILE) {
      result.released = loadReleased(path, display(path), result.diagnostics);
      continue;
    }
    const loaded = loadNumbers(path, display(path), result.diagnostics);
    if (loaded) result.numbers.push(loaded);
  }
  return result;
}

function folderWhereFileExpected(name: string): string {
  return `${name} is a folder, but a file is expected here — replace the folder with the file`;
}

function fileDiagnostic(file: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, path: "(file)", message };
}

function listFiles(
  dir: string,
  extension: string,
  display: (p: string) => string,
  diagnostics: Diagnostic[],
): string[] {
  const stats = lstatOrUndefined(dir);
  if (!stats || stats.isSymbolicLink()) return []; // a link is reported by irregularEntries, never followed
  if (!stats.isDirectory()) {
    diagnostics.push(
      fileDiagnostic(
        display(dir),
        `${basename(dir)} must be a folder of *${extension} files, but this is a file — move its content into files inside a ${basename(dir)}/ folder`,
      ),
    );
    return [];
  }
  const files: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const name = entry.name;
    const path = join(dir, name);
    // Links, FIFOs and devices are reported by irregularEntries and never read.
    if (!entry.isFile() && !entry.isDirectory()) continue;
    if (entry.isDirectory()) {
      if (extname(name) === extension)
        diagnostics.push(fileDiagnostic(display(path), folderWhereFileExpected(name)));
      continue; // other folders and dot-files are not definition files
    }
    if (name.startsWith(".")) continue;
    if (extname(name) === extension) files.push(path);
    else {
      diagnostics.push(
        fileDiagnostic(
          display(path),
          `unexpected file in ${basename(dir)}/ — only *${extension} files belong here; rename it to end in ${extension} or move it elsewhere`,
        ),
      );
    }
  }
  return files;
}

function loadYaml<S extends z.ZodType>(
  path: string,
  file: string,
  schema: S,
  diagnostics: Diagnostic[],
): LoadedYaml<z.infer<S>> | undefined {
  const read = readDefinitionFile(path, file);
  if (!read.ok) {
    diagnostics.push(read.diagnostic);
    return undefined;
  }
  const parsed = parseYaml(file, read.text);
  if (!parsed.ok) {
    diagnostics.push(...parsed.diagnostics);
    return undefined;
  }
  const { source } = parsed;
  if (source.data === null || typeof source.data !== "object" || Array.isArray(source.data)) {
    diagnostics.push({
      file,
      ...source.locate([]),
      path: formatPath([]),
      message:
        "the file must be a YAML mapping of fields (key: value) — see docs/config-reference.md for its fields",
    });
    return undefined;
  }
  // A look-alike character is named precisely; the schema's own complaint about that field would only blur it.
  const lookalikes = lookalikesIn(source.data);
  for (const { path, message } of lookalikes) {
    diagnostics.push({ file, ...source.locate(path), path: formatPath(path), message });
  }
  const flagged = new Set(lookalikes.map((l) => formatPath(l.path)));
  const checked = schema.safeParse(source.data);
  if (!checked.success) {
    diagnostics.push(
      ...schemaDiagnostics(source, schema, source.data, checked.error.issues).filter(
        (d) => !flagged.has(d.path),
      ),
    );
    return undefined;
  }
  return { file, value: checked.data, locate: source.locate };
}

function loadNumbers(path: string, file: string, diagnostics: Diagnostic[]): LoadedNumbersFile | undefined {
  const read = readDefinitionFile(path, file);
  if (!read.ok) {
    diagnostics.push(read.diagnostic);
    return undefined;
  }
  const rows = csvSource(file, read.text, NUMBER_COLUMNS, numberAssignmentSchema, diagnostics);
  if (!rows) return undefined;
  return { file, department: basename(path, ".csv"), rows };
}

function loadReleased(path: string, file: string, diagnostics: Diagnostic[]): LoadedReleasedFile | undefined {
  const read = readDefinitionFile(path, file);
  if (!read.ok) {
    diagnostics.push(read.diagnostic);
    return undefined;
  }
  const rows = csvSource(file, read.text, RELEASED_COLUMNS, releasedNumberSchema, diagnostics);
  return rows ? { file, rows } : undefined;
}
