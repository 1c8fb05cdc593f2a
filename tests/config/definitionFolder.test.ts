import { mkdirSync, rmSync, symlinkSync, writeFileSync, type Stats } from "node:fs";
import { spawnSync } from "node:child_process";
import { entryKind } from "../../src/config/sourceFile";
import { problemsAfter, type RuleCase } from "./helpers/validate";

/** What every refused entry says after its `path:1:1: (file): ` prefix. */
const notRegular = (kind: string) =>
  `this is ${kind}, not a regular file — a definition folder holds only regular files and folders (links are never followed); replace it with the file itself`;
const LINK = notRegular("a symbolic link");

const mkfifo = (path: string) => {
  const made = spawnSync("mkfifo", [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr}`);
};

describe("a definition folder holds only regular files and folders", () => {
  const cases: RuleCase[] = [
    {
      name: "a numbers file linking outside the folder (/proc/self/environ) is refused, and not read",
      prepare: (path) => symlinkSync("/proc/self/environ", path("numbers/mobility.csv")),
      errors: [`numbers/mobility.csv:1:1: (file): ${LINK}`],
    },
    {
      name: "a department file linking to another department's file inside the folder",
      prepare: (path) => symlinkSync(path("departments/culture.yaml"), path("departments/parks.yaml")),
      errors: [`departments/parks.yaml:1:1: (file): ${LINK}`],
    },
    {
      name: "a relative link, even to a file beside it",
      prepare: (path) => symlinkSync("culture.yaml", path("departments/parks.yaml")),
      errors: [`departments/parks.yaml:1:1: (file): ${LINK}`],
    },
    {
      name: "tenant.yaml as a link: refused, and the folder is reported as lacking nothing else",
      prepare: (path) => {
        writeFileSync(path("elsewhere.yaml"), "organization: {}\n");
        rmSync(path("tenant.yaml"));
        symlinkSync(path("elsewhere.yaml"), path("tenant.yaml"));
      },
      errors: [`tenant.yaml:1:1: (file): ${LINK}`],
    },
    {
      name: "a symlink loop",
      prepare: (path) => {
        symlinkSync(path("departments/b.yaml"), path("departments/a.yaml"));
        symlinkSync(path("departments/a.yaml"), path("departments/b.yaml"));
      },
      errors: [`departments/a.yaml:1:1: (file): ${LINK}`, `departments/b.yaml:1:1: (file): ${LINK}`],
    },
    {
      name: "a link to a folder where departments/ belongs is refused, and nothing in it is read",
      prepare: (path) => {
        mkdirSync(path("outside"));
        writeFileSync(path("outside/x.yaml"), "id: x\n");
        rmSync(path("departments"), { recursive: true });
        symlinkSync(path("outside"), path("departments"));
      },
      errors: [
        `departments:1:1: (file): ${LINK}`,
        // The folder's own content is checked; with no departments, the rules say so.
        ...problemsWithoutDepartments(),
      ],
    },
    {
      name: "a link anywhere below the folder, even where nothing is read",
      prepare: (path) => {
        mkdirSync(path("notes/deep"), { recursive: true });
        symlinkSync("/etc/passwd", path("notes/deep/passwd"));
      },
      errors: [`notes/deep/passwd:1:1: (file): ${LINK}`],
    },
    {
      name: "a FIFO is refused without opening it (the run does not block)",
      prepare: (path) => mkfifo(path("departments/parks.yaml")),
      errors: [`departments/parks.yaml:1:1: (file): ${notRegular("a FIFO (named pipe)")}`],
    },
    {
      name: "a folder where a department file is expected",
      prepare: (path) => mkdirSync(path("departments/parks.yaml")),
      errors: [
        "departments/parks.yaml:1:1: (file): parks.yaml is a folder, but a file is expected here — replace the folder with the file",
      ],
    },
    {
      name: "a folder where tenant.yaml is expected",
      prepare: (path) => {
        rmSync(path("tenant.yaml"));
        mkdirSync(path("tenant.yaml"));
      },
      errors: [
        "tenant.yaml:1:1: (file): tenant.yaml is a folder, but a file is expected here — replace the folder with the file",
      ],
    },
    {
      name: "a file where the numbers/ folder is expected",
      prepare: (path) => {
        rmSync(path("numbers"), { recursive: true });
        writeFileSync(path("numbers"), "+34915550001\n");
      },
      errors: [
        "numbers:1:1: (file): numbers must be a folder of *.csv files, but this is a file — move its content into files inside a numbers/ folder",
      ],
    },
  ];
  it.each(cases)("$name", ({ errors, ...change }) => expect(problemsAfter(change)).toEqual(errors));
});

/** The minimal fixture's diagnostics once its departments are gone (computed, so this test states only the link). */
function problemsWithoutDepartments(): string[] {
  return problemsAfter({ prepare: (path) => rmSync(path("departments"), { recursive: true }) });
}

describe("entryKind names what a refused entry is", () => {
  // Devices and sockets cannot be created without privileges in every CI; the walk treats them like a FIFO.
  const stats = (kind: string) =>
    ({
      isFile: () => kind === "file",
      isDirectory: () => kind === "dir",
      isSymbolicLink: () => kind === "link",
      isFIFO: () => kind === "fifo",
      isSocket: () => kind === "socket",
      isCharacterDevice: () => kind === "char",
      isBlockDevice: () => kind === "block",
    }) as Stats;
  it.each([
    ["char", "a device"],
    ["block", "a device"],
    ["socket", "a socket"],
    ["fifo", "a FIFO (named pipe)"],
    ["link", "a symbolic link"],
    ["dir", "a folder"],
  ])("%s → %s", (kind, words) => expect(entryKind(stats(kind))).toBe(words));
});
