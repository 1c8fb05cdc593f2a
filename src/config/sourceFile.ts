import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import type { Diagnostic } from "./diagnostics";

/** Files larger than this are refused before they are read: a department file of this size is a mistake. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const fileProblem = (file: string, message: string): ReadResult => ({
  ok: false,
  diagnostic: { file, line: 1, column: 1, path: "(file)", message },
});

/** What a directory entry is, in words a person reads in an error ("a symbolic link", "a FIFO"). */
export function entryKind(stats: Stats): string {
  if (stats.isFile()) return "a regular file";
  if (stats.isDirectory()) return "a folder";
  if (stats.isSymbolicLink()) return "a symbolic link";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

/**
 * Opens `path` only if it is a regular file itself: O_NOFOLLOW refuses a symbolic link (ELOOP) even when it was
 * swapped in after the folder was listed, O_NONBLOCK keeps a FIFO from blocking the open, and fstat on the open
 * descriptor refuses anything that is not a regular file before a byte is read.
 */
function openRegular(path: string): { fd: number; size: number } | { problem: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ELOOP") return { problem: "a symbolic link" };
    throw err;
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    return { problem: entryKind(stats) };
  }
  return { fd, size: stats.size };
}

function readAll(fd: number, size: number): Buffer {
  const bytes = Buffer.alloc(size);
  let at = 0;
  while (at < size) {
    const n = readSync(fd, bytes, at, size - at, at);
    if (n === 0) break;
    at += n;
  }
  return bytes.subarray(0, at);
}

/** The message for a definition path that is not a regular file: nothing behind it is read. */
export function notRegularMessage(kind: string): string {
  return `this is ${kind}, not a regular file — a definition folder holds only regular files and folders (links are never followed); replace it with the file itself`;
}

/**
 * Reads a definition file as UTF-8 text, refusing what no parser should see: anything but a regular file
 * (links, FIFOs, devices, folders: never followed or opened for reading), a huge file, an empty one, or bytes
 * that are not UTF-8. `display` is the name used in messages.
 */
export function readDefinitionFile(absolutePath: string, display: string): ReadResult {
  let size: number;
  let bytes: Buffer;
  try {
    const opened = openRegular(absolutePath);
    if ("problem" in opened) return fileProblem(display, notRegularMessage(opened.problem));
    size = opened.size;
    try {
      bytes = size > MAX_FILE_BYTES ? Buffer.alloc(0) : readAll(opened.fd, size);
    } finally {
      closeSync(opened.fd);
    }
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
