import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { UsageError } from "../exitCodes";
import { toPosixPath } from "../posixPath";

/**
 * The definition folder as it was at a git ref, written to a temporary folder: only that folder's files, read
 * with one `git ls-tree` and one `git cat-file --batch` (no checkout, no stash: the working tree is never
 * touched). The base is then rendered with the current program code.
 */
export interface BaseDefinition {
  /** The materialised folder, or undefined when the definition folder did not exist at the ref. */
  dir: string | undefined;
  commit: string;
  repoRoot: string;
  /** The definition folder relative to the repository root, with `/`. */
  path: string;
  /**
   * Entries at the ref that are not regular files (symbolic links, mode 120000; submodules, 160000), relative to
   * the repository root. None of them is materialised or read: the base is refused, as the loader refuses them
   * in the working tree.
   */
  refused: { path: string; kind: string }[];
  cleanup(): void;
}

function git(
  cwd: string,
  args: readonly string[],
  input?: string,
): { ok: boolean; stdout: Buffer; stderr: string } {
  const r = spawnSync("git", args, { cwd, input, maxBuffer: 1024 * 1024 * 1024 });
  if (r.error) throw new UsageError(`--base needs git on the PATH (${r.error.message})`);
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr.toString("utf8").trim() };
}

/** Splits `git cat-file --batch` output: `<sha> blob <size>\n<bytes>\n` per object. */
export function parseCatFileBatch(out: Buffer): Buffer[] {
  const blobs: Buffer[] = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    const header = out.subarray(at, eol).toString("utf8");
    const parts = header.split(" ");
    if (parts[1] !== "blob") throw new Error(`git cat-file: unexpected object '${header}'`);
    const size = Number(parts[2]);
    blobs.push(out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
}

/** Regular files as git records them: 100644, or 100755 when executable. */
const REGULAR_MODES = new Set(["100644", "100755"]);
const MODE_KINDS: Record<string, string> = { "120000": "a symbolic link", "160000": "a submodule" };

/** `git ls-tree -r -z` lines: `<mode> <type> <object>\t<path>`. */
export function parseLsTree(out: string): { mode: string; path: string }[] {
  return out
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf("\t");
      return { mode: line.slice(0, line.indexOf(" ")), path: line.slice(tab + 1) };
    });
}

export function materializeBase(definitionDir: string, ref: string, tmpParent = tmpdir()): BaseDefinition {
  const top = git(definitionDir, ["rev-parse", "--show-toplevel"]);
  if (!top.ok) {
    throw new UsageError(
      `--base ${ref}: ${definitionDir} is not inside a git repository, so there is no base to compare with`,
    );
  }
  const repoRoot = realpathSync(top.stdout.toString("utf8").trim());
  const resolved = git(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (!resolved.ok) {
    throw new UsageError(
      `--base ${ref}: no such commit, branch or tag in ${repoRoot} — fetch it first (in CI, actions/checkout with fetch-depth: 0)`,
    );
  }
  const commit = resolved.stdout.toString("utf8").trim();
  const path = toPosixPath(relative(repoRoot, realpathSync(definitionDir)));
  if (path.startsWith(".."))
    throw new UsageError(`--base: ${definitionDir} is outside the repository ${repoRoot}`);
  const listing = git(repoRoot, ["ls-tree", "-r", "-z", commit, "--", path === "" ? "." : path]);
  if (!listing.ok) throw new Error(`git ls-tree failed: ${listing.stderr}`);
  const entries = parseLsTree(listing.stdout.toString("utf8"));
  const refused = entries
    .filter((e) => !REGULAR_MODES.has(e.mode))
    .map((e) => ({ path: e.path, kind: MODE_KINDS[e.mode] ?? `a git entry of mode ${e.mode}` }));
  const files = entries.filter((e) => REGULAR_MODES.has(e.mode)).map((e) => e.path);
  const noop = { commit, repoRoot, path, refused };
  if (refused.length > 0 || files.length === 0) {
    return { ...noop, dir: undefined, cleanup: () => undefined };
  }

  const dir = mkdtempSync(join(tmpParent, "tenant-plan-base-"));
  try {
    const batch = git(repoRoot, ["cat-file", "--batch"], files.map((f) => `${commit}:${f}\n`).join(""));
    if (!batch.ok) throw new Error(`git cat-file failed: ${batch.stderr}`);
    const blobs = parseCatFileBatch(batch.stdout);
    files.forEach((file, i) => {
      const target = join(dir, path === "" ? file : file.slice(path.length + 1));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, blobs[i] ?? Buffer.alloc(0));
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { ...noop, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
