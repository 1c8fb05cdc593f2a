/** A generated definition committed to git, then one number handed on: the one-user change plan benches use. */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function git(cwd: string, ...args: string[]): void {
  execFileSync(
    "git",
    ["-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", ...args],
    { cwd, stdio: "pipe" },
  );
}

/** `git init` in `work` and one commit of everything in it. */
export function commitAll(work: string, message: string): void {
  git(work, "init", "-q");
  git(work, "add", "-A");
  git(work, "commit", "-qm", message);
}

/** Hands the first number of the first numbers file to a new user; says which number moved from whom. */
export function moveOneNumber(dir: string): string {
  const file = join(dir, "numbers", readdirSync(join(dir, "numbers")).sort()[0]!);
  const [header, first, ...rest] = readFileSync(file, "utf8").split("\n");
  const cells = first!.split(",");
  const from = cells[0]!;
  cells[0] = `nuevo.companero@${from.split("@")[1]}`;
  writeFileSync(file, [header, cells.join(","), ...rest].join("\n"));
  return `${cells[1]}: ${from} → ${cells[0]}`;
}
