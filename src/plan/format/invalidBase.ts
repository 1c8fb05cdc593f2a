import type { Diagnostic } from "../../config/diagnostics";
import { toPosixPath } from "../../posixPath";
import { code, escapeText, MARKER } from "./markdown";

/**
 * What `tenant plan --base` says when the definition at the base ref does not validate with this branch's code
 * (#17): which file at the base, the line, the field and why, named as git names it (the repository-relative
 * path, with `/`). The folder the base was read into is temporary and deleted before anyone reads the message,
 * so it is never shown. Pure.
 */
export interface InvalidBase {
  /** The stack the plan is for (--stack, else the definition folder's name), never a local path. */
  stack: string;
  ref: string;
  commit: string;
  /** Problems with `file` already repository-relative (`baseDiagnostics`). */
  diagnostics: readonly Diagnostic[];
}

/** Problems listed before "and N more": the PR comment stays short; `tenant validate` at the base lists them all. */
export const SHOWN_PROBLEMS = 10;

/**
 * Problems found in the materialised base folder, their files renamed to the path git has at the ref:
 * `departments/turismo.yaml` under `stacks/example` → `stacks/example/departments/turismo.yaml`.
 */
export function baseDiagnostics(diagnostics: readonly Diagnostic[], basePath: string): Diagnostic[] {
  return diagnostics.map((d) => {
    const rel = toPosixPath(d.file);
    return { ...d, file: basePath === "" ? rel : `${basePath}/${rel}` };
  });
}

const problems = (n: number, what = "problem") => `${n.toLocaleString("en-GB")} ${what}${n === 1 ? "" : "s"}`;
const fileCount = (ds: readonly Diagnostic[]) => {
  const n = new Set(ds.map((d) => d.file)).size;
  return `${n.toLocaleString("en-GB")} file${n === 1 ? "" : "s"}`;
};
const short = (commit: string) => commit.slice(0, 7);
const more = (b: InvalidBase) => b.diagnostics.length - Math.min(b.diagnostics.length, SHOWN_PROBLEMS);

export function invalidBaseText(b: InvalidBase): string {
  const head =
    `tenant plan: the definition at ${b.ref} (${short(b.commit)}) does not validate with this branch's code ` +
    `(${problems(b.diagnostics.length)} in ${fileCount(b.diagnostics)}), so there is nothing to compare with:\n`;
  const lines = b.diagnostics
    .slice(0, SHOWN_PROBLEMS)
    .map((d) => `${d.file}:${d.line}:${d.column}: ${d.path}: ${d.message}\n`);
  const rest = more(b) > 0 ? [`… and ${problems(more(b), "more problem")}\n`] : [];
  return head + lines.join("") + rest.join("");
}

export function invalidBaseMarkdown(b: InvalidBase): string {
  const lines = [
    `### Tenant plan · ${code(b.stack)} vs ${code(b.ref)} ${MARKER}`,
    "",
    `**The definition at ${code(b.ref)} (${code(short(b.commit))}) does not validate with this branch's code: ` +
      "nothing was compared.** Exit 1.",
    "",
    `${problems(b.diagnostics.length)} in ${fileCount(b.diagnostics)} at ${code(b.ref)}:`,
    "",
    ...b.diagnostics
      .slice(0, SHOWN_PROBLEMS)
      .map((d) => `- ${code(d.file)} line ${d.line}, ${code(d.path)}: ${escapeText(d.message)}`),
    ...(more(b) > 0 ? [`- …and ${problems(more(b), "more problem")}`] : []),
    "",
    "The branch's own definition is valid; the base's is not (it was committed invalid, or this branch changes a " +
      "schema or rule it broke), so there is nothing to compare with: review the change by its diff, or plan " +
      "against a base that validates.",
  ];
  return `${lines.join("\n")}\n`;
}
