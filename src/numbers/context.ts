import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { UsageError } from "../exitCodes";
import { formatDiagnosticLines } from "../config/diagnostics";
import type { LoadedDefinition } from "../config/load";
import { DEPARTMENTS_DIR, NUMBERS_DIR } from "../config/load";
import { suggestion } from "../config/rules/wording";
import { isoDate } from "../config/schema/releasedNumbers";
import { validateDefinition } from "../config/validate";
import type { TenantDefinition } from "../config/definition";

/** Where output goes and where `-` reads from; injected so tests run commands in-process. */
export interface NumbersIo {
  out(s: string): void;
  err(s: string): void;
  stdin(): string;
}

/** A definition that validates, the department asked for, and where its files are. */
export interface NumbersTarget {
  dir: string;
  today: string;
  definition: TenantDefinition;
  loaded: LoadedDefinition;
  department: TenantDefinition["departments"][number];
  numbersPath: string;
  departmentPath: string;
  display(path: string): string;
}

/** Checks `--today` (YYYY-MM-DD), or says how to write it. */
export function checkToday(today: string): string {
  const checked = isoDate.safeParse(today);
  if (!checked.success) {
    throw new UsageError(`--today ${today}: ${checked.error.issues[0]?.message ?? "is not a date"}`);
  }
  return today;
}

/**
 * Loads and validates the definition (judged on `today`) and finds the department. An invalid definition is
 * reported and gives undefined: numbers are only handed out from a definition that is valid to begin with.
 */
export function openTarget(
  dir: string,
  departmentId: string,
  today: string,
  io: NumbersIo,
): NumbersTarget | undefined {
  const display = (path: string) => {
    const rel = relative(process.cwd(), path);
    return rel.startsWith("..") ? path : rel;
  };
  const result = validateDefinition(dir, process.cwd(), { today });
  if (!result.definition) {
    io.err(formatDiagnosticLines(result.diagnostics));
    io.err(
      `\nthe definition in ${display(dir)} is not valid — fix these ${result.diagnostics.length} problem(s) first; nothing was changed.\n`,
    );
    return undefined;
  }
  const department = result.definition.departments.find((d) => d.id === departmentId);
  if (!department) {
    const ids = result.definition.departments.map((d) => d.id);
    throw new UsageError(
      `--department ${departmentId}: no departments/${departmentId}.yaml in ${display(dir)} (${suggestion(departmentId, ids)})`,
    );
  }
  return {
    dir,
    today,
    definition: result.definition,
    loaded: result.loaded,
    department,
    numbersPath: join(dir, NUMBERS_DIR, `${departmentId}.csv`),
    departmentPath: join(dir, DEPARTMENTS_DIR, `${departmentId}.yaml`),
    display,
  };
}

/** The `--users` text and the name messages give it: the file as given, or `<stdin>` for `-`. */
export function readUsers(users: string, io: NumbersIo): { name: string; text: string } {
  if (users === "-") return { name: "<stdin>", text: io.stdin() };
  try {
    return { name: users, text: readFileSync(users, "utf8") };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--users ${users}: ${code === "ENOENT" ? "no such file" : `cannot be read (${code ?? String(err)})`} — give a file of user principal names, or - to read them from standard input`,
    );
  }
}

/** Validates the definition after a write (judged on the same day); prints every problem when it fails. */
export function revalidate(target: NumbersTarget, io: NumbersIo): { ok: boolean; value: number } {
  const after = validateDefinition(target.dir, process.cwd(), { today: target.today });
  io.err(formatDiagnosticLines(after.diagnostics));
  return { ok: after.diagnostics.length === 0, value: after.diagnostics.length };
}
