import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGitRepo, type GitRepo } from "../../helpers/gitRepo";

/**
 * Replaces exact text in a definition file and returns the undo; fails loudly when `from` is absent, so a fixture
 * change can never make a plan test pass by accident.
 */
export function editFile(file: string, from: string, to: string): () => void {
  const original = readFileSync(file, "utf8");
  if (!original.includes(from)) throw new Error(`${file} has no ${from}`);
  writeFileSync(file, original.replace(from, to));
  return () => writeFileSync(file, original);
}

/** The lines of the text plan's section whose title matches, up to the blank line after it. */
export function planSection(out: string, title: RegExp): string[] {
  const lines = out.split("\n");
  const start = lines.findIndex((l) => title.test(l));
  if (start < 0) throw new Error(`no section ${title}\n${out}`);
  const end = lines.findIndex((l, i) => i > start && l === "");
  return lines.slice(start, end < 0 ? undefined : end);
}

/**
 * A git repository holding stacks/example committed at HEAD, with one department file then edited in the work
 * tree (`editFile`): what `tenant plan --base HEAD` compares. Returns the repo and the stack's directory.
 */
export function exampleRepoWithEdit(
  prefix: string,
  department: string,
  from: string,
  to: string,
): { bed: GitRepo; dir: string } {
  const bed = createGitRepo(prefix);
  const dir = bed.addStack(join(__dirname, "..", "..", "..", "stacks", "example"), "example");
  bed.commitAll("the example stack");
  editFile(join(dir, "departments", `${department}.yaml`), from, to);
  return { bed, dir };
}
