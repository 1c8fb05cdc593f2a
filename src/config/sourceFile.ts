import { readFileSync, statSync } from "node:fs";
import type { Diagnostic } from "./diagnostics";

/** Files larger than this are refused before they are read: a department file of this size is a mistake. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const fileProblem = (file: string, message: string): ReadResult => ({
  ok: false,
  diagnostic: { file, line: 1, column: 1, path: "(file)", message },
});

/**
 * Reads a definition file as UTF-8 text, refusing what no parser should see: a huge file,
 * an empty one, or bytes that are not UTF-8. `display` is the name used in messages.
 */
export function readDefinitionFile(absolutePath: string, display: string): ReadResult {
  let size: number;
  let bytes: Buffer;
  try {
    size = statSync(absolutePath).size;
    bytes = size > MAX_FILE_BYTES ? Buffer.alloc(0) : readFileSync(absolutePath);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? "error";
    return fileProblem(
      display,
      `file cannot be read (${code}: ${(err as Error).message.split(",")[0].replace(/^\w+: /, "")}) — check that it exists and that your user may read it`,
    );
  }
  if (size > MAX_FILE_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    return fileProblem(
      display,
      `file is ${mb} MB, over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit — split it (one file per department) or remove what does not belong`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Decode leniently to find where the first bad sequence landed, as a line and column a person can open.
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const at = lenient.indexOf("\uFFFD");
    const before = lenient.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    return {
      ok: false,
      diagnostic: {
        file: display,
        line,
        column,
        path: "(file)",
        message:
          "file is not valid UTF-8 — save it as UTF-8 (for example: iconv -f latin1 -t utf-8 FILE > FILE.utf8)",
      },
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return fileProblem(display, "file is empty — add its content or delete the file");
  return { ok: true, text };
}
