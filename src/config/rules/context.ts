import type { Diagnostic, FieldPath } from "../diagnostics";
import { formatPath } from "../diagnostics";
import type { LoadedDefinition, LoadedNumberRow, LoadedNumbersFile, LoadedYaml } from "../load";
import { todayIso } from "../quarantine";

/** What a cross-file rule sees, and how it reports a problem at a precise place. */
export class RuleContext {
  readonly diagnostics: Diagnostic[] = [];

  /**
   * @param today the day date rules judge by (YYYY-MM-DD, UTC): the released-numbers ledger's quarantine and
   *   "not in the future" checks. Default: today.
   */
  constructor(
    readonly loaded: LoadedDefinition,
    readonly today: string = todayIso(),
  ) {}

  /** A problem at `path` of a YAML file (`key: true` points at the key rather than the value). */
  at(source: LoadedYaml<unknown>, path: FieldPath, message: string, key = false): void {
    const p = source.locate(path, key);
    this.diagnostics.push({
      file: source.file,
      line: p.line,
      column: p.column,
      path: formatPath(path),
      message,
    });
  }

  /** A problem in one field of one row of a numbers file. */
  atRow(file: LoadedNumbersFile, row: LoadedNumberRow, column: string, message: string): void {
    this.diagnostics.push({
      file: file.file,
      line: row.line,
      column: row.columns[column] ?? 1,
      path: column,
      message,
    });
  }

  /** A problem in one field of one row of any CSV file (e.g. the released-numbers ledger). */
  atLine(
    file: string,
    row: { line: number; columns: Record<string, number> },
    column: string,
    message: string,
  ): void {
    this.diagnostics.push({ file, line: row.line, column: row.columns[column] ?? 1, path: column, message });
  }

  /** A problem with a whole file. */
  atFile(file: string, message: string): void {
    this.diagnostics.push({ file, line: 1, column: 1, path: "(file)", message });
  }
}

/** What a rule checks, for docs/config-reference.md (generated) and for reviewers. */
export interface RuleInfo {
  /** kebab-case, stable: e.g. `department-identity`. */
  id: string;
  /** One sentence: what the rule guarantees. */
  summary: string;
  /** Each kind of error the rule reports: when it happens, and an example of the message as printed. */
  errors: { when: string; example: string }[];
}

/** A cross-file rule: its documentation and its check. Checks must tolerate files that failed their schema. */
export interface Rule {
  info: RuleInfo;
  check(ctx: RuleContext): void;
}
