/**
 * Progress of `tenant export` for people: a one-line bar redrawn in place on a terminal, plain lines
 * otherwise (CI logs keep every line). Sections are the bar's steps; pages move the count within a step.
 */
import type { ReadProgressEvent } from "../live/readProgress";

/** One plain line per event worth logging (pages are logged every `every` pages to keep logs short). */
export function progressLine(e: ReadProgressEvent, every = 10): string | undefined {
  switch (e.kind) {
    case "section-start":
      return `[${e.index + 1}/${e.total}] reading ${e.section}`;
    case "page":
      return e.pages % every === 0 ? `  ${e.section}: ${e.pages} pages, ${e.items} items` : undefined;
    case "resumed":
      return `  ${e.section}: resumed from the checkpoint (${e.pages > 0 ? `${e.pages} pages, ` : ""}${e.items} items)`;
    case "section-done":
      return `  ${e.section}: ${e.items} ${e.resumed ? "(from the checkpoint)" : "read"}`;
  }
}

/** The bar: `[#####.....] 5/12 users 12,000`. */
export function progressBar(
  section: string,
  index: number,
  total: number,
  items: number,
  width = 24,
): string {
  const done = Math.round((index / total) * width);
  return `[${"#".repeat(done)}${".".repeat(width - done)}] ${index}/${total} ${section} ${items.toLocaleString("en-GB")}`;
}

export interface ProgressSink {
  onEvent(e: ReadProgressEvent): void;
  /** Ends the bar's line (TTY) before other output. */
  finish(): void;
}

export function progressSink(stream: { isTTY?: boolean; write(s: string): unknown }): ProgressSink {
  if (!stream.isTTY) {
    return {
      onEvent: (e) => {
        const line = progressLine(e);
        if (line) stream.write(`${line}\n`);
      },
      finish: () => undefined,
    };
  }
  let index = 0;
  let total = 1;
  let drawn = false;
  return {
    onEvent: (e) => {
      if (e.kind === "section-start") [index, total] = [e.index, e.total];
      const items = e.kind === "section-start" ? 0 : e.items;
      const done = e.kind === "section-done" ? index + 1 : index;
      stream.write(
        `\r\x1b[2K${progressBar(e.section, done, total, items)}${e.kind === "resumed" ? " (resumed)" : ""}`,
      );
      drawn = true;
    },
    finish: () => {
      if (drawn) stream.write("\n");
      drawn = false;
    },
  };
}
