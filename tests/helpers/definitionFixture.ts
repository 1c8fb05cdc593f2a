import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const MINIMAL_FIXTURE = join(__dirname, "..", "fixtures", "minimal");

/**
 * A throw-away copy of a definition folder that a test edits before validating it.
 * `edit(file, from, to)` replaces exact text and fails loudly when `from` is absent, so a fixture
 * change can never make a test pass by accident.
 */
export class DefinitionFixture {
  readonly dir: string;

  constructor(source = MINIMAL_FIXTURE) {
    this.dir = mkdtempSync(join(tmpdir(), "tenant-def-"));
    cpSync(source, this.dir, { recursive: true });
  }

  path(file: string): string {
    return join(this.dir, file);
  }

  read(file: string): string {
    return readFileSync(this.path(file), "utf8");
  }

  write(file: string, content: string | Buffer): this {
    writeFileSync(this.path(file), content);
    return this;
  }

  edit(file: string, from: string, to: string): this {
    const text = this.read(file);
    if (!text.includes(from)) throw new Error(`fixture ${file} does not contain ${JSON.stringify(from)}`);
    // A replacer function keeps `$1` in the new text literal (dial-plan translations use it).
    return this.write(
      file,
      text.replace(from, () => to),
    );
  }

  append(file: string, text: string): this {
    return this.write(file, this.read(file) + text);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
