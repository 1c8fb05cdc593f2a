import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { EXAMPLE_STACK } from "./example";

/**
 * A throw-away repository-shaped folder holding one definition at `stacks/<stack>/`, so that messages printed
 * relative to the scratch root read `stacks/ciudad/tenant.yaml`, exactly as a user in the repository sees them.
 */
export class ScratchDefinition {
  readonly root: string;
  readonly dir: string;

  constructor(files: Record<string, string | Buffer>, stack = EXAMPLE_STACK) {
    this.root = mkdtempSync(join(tmpdir(), "tenant-docs-"));
    this.dir = join(this.root, "stacks", stack);
    mkdirSync(this.dir, { recursive: true });
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  path(file: string): string {
    return join(this.dir, file);
  }

  write(file: string, content: string | Buffer): void {
    mkdirSync(dirname(this.path(file)), { recursive: true });
    writeFileSync(this.path(file), content);
  }

  /** Replaces the scratch root in `text` so it reads as if run from the repository root. */
  relativize(text: string): string {
    const fromCwd = relative(process.cwd(), this.root);
    return text
      .split(this.root + "/")
      .join("")
      .split(fromCwd + "/")
      .join("");
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Runs `fn` on a scratch copy of `files` and always removes it. */
export function withScratch<T>(files: Record<string, string | Buffer>, fn: (s: ScratchDefinition) => T): T {
  const scratch = new ScratchDefinition(files);
  try {
    return fn(scratch);
  } finally {
    scratch.remove();
  }
}
