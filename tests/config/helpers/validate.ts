import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { formatDiagnostic, sortDiagnostics } from "../../../src/config/diagnostics";
import { loadDefinition } from "../../../src/config/load";
import { RuleContext, type Rule } from "../../../src/config/rules/context";
import { validateDefinition } from "../../../src/config/validate";
import { DefinitionFixture } from "../../helpers/definitionFixture";

/** One change to the minimal fixture: replace `from` by `to` in `file` (a relative path). */
export type Edit = readonly [file: string, from: string, to: string];

export interface Change {
  edits?: readonly Edit[];
  /** Whole files to create or overwrite. */
  write?: Readonly<Record<string, string | Buffer>>;
  /** Files to delete. */
  remove?: readonly string[];
  /** Anything else, done last, given a way to name files of the copy. */
  prepare?: (path: (file: string) => string) => void;
}

/**
 * Applies `change` to a fresh copy of the minimal fixture, validates it, and returns every
 * diagnostic as printed (`file:line:column: path: message`, paths relative to the copy).
 */
export function problemsAfter(change: Change): string[] {
  const fixture = new DefinitionFixture();
  try {
    for (const [file, text] of Object.entries(change.write ?? {})) fixture.write(file, text);
    for (const [file, from, to] of change.edits ?? []) replaceIn(fixture.path(file), from, to);
    for (const file of change.remove ?? []) rmSync(fixture.path(file));
    change.prepare?.((file) => fixture.path(file));
    return validateDefinition(fixture.dir, fixture.dir).diagnostics.map(formatDiagnostic);
  } finally {
    fixture.remove();
  }
}

/** A rule's table row: a name, a change to the fixture, and exactly the lines expected (none when valid). */
export interface RuleCase extends Change {
  name: string;
  errors: readonly string[];
}

/**
 * Replaces the first `from` literally. (String.replace with a string would expand `$1` and `$'` in
 * `to`, and dial-plan translations are full of those.) Fails loudly when `from` is absent.
 */
function replaceIn(path: string, from: string, to: string): void {
  const text = readFileSync(path, "utf8");
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`${path} does not contain ${JSON.stringify(from)}`);
  writeFileSync(path, text.slice(0, at) + to + text.slice(at + from.length));
}

/**
 * Applies `change` to a fresh copy of the minimal fixture and runs only `rule` over what loaded: the lines it
 * reports as printed, sorted (schema problems of the files are left out, so a row tests this rule alone).
 */
export function ruleProblemsAfter(rule: Rule, change: Change = {}, today?: string): string[] {
  const fixture = new DefinitionFixture();
  try {
    for (const [file, text] of Object.entries(change.write ?? {})) fixture.write(file, text);
    for (const [file, from, to] of change.edits ?? []) replaceIn(fixture.path(file), from, to);
    for (const file of change.remove ?? []) rmSync(fixture.path(file));
    change.prepare?.((file) => fixture.path(file));
    const ctx = new RuleContext(loadDefinition(fixture.dir, fixture.dir), today);
    rule.check(ctx);
    return sortDiagnostics(ctx.diagnostics).map(formatDiagnostic);
  } finally {
    fixture.remove();
  }
}
