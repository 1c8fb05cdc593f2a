import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A throw-away git repository in the temp folder, for commands that read a base ref (`plan --base`). */
export interface GitRepo {
  root: string;
  /** `git <args>` inside the repository, with a fixed identity and no signing; returns stdout. */
  git(...args: string[]): string;
  /** Copies a definition folder to `stacks/<name>` and returns its path. */
  addStack(source: string, name: string): string;
  /** Stages everything and commits it. */
  commitAll(message: string): void;
  remove(): void;
}

const IDENTITY = ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"];

export function createGitRepo(prefix: string): GitRepo {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) =>
    execFileSync("git", [...IDENTITY, ...args], { cwd: root, stdio: "pipe", encoding: "utf8" });
  git("init", "-q");
  return {
    root,
    git,
    addStack(source, name) {
      const dir = join(root, "stacks", name);
      mkdirSync(join(root, "stacks"), { recursive: true });
      cpSync(source, dir, { recursive: true });
      return dir;
    },
    commitAll(message) {
      git("add", "-A");
      git("commit", "-qm", message);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
