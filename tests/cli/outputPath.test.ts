import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspectOutput, outputProblem, type OutputFacts, type OutputRequest } from "../../src/cli/outputPath";

const FOLDER_OK = { path: "/w", kind: "folder" as const, writable: true };

function facts(over: Partial<OutputFacts>): OutputFacts {
  return {
    target: "/w/out",
    at: "missing",
    writable: false,
    ancestor: FOLDER_OK,
    parentExists: true,
    ...over,
  };
}
const file = (path: string, over: Partial<OutputRequest> = {}): OutputRequest => ({
  flag: "--out",
  path,
  kind: "file",
  ...over,
});

describe("outputProblem (pure)", () => {
  it("accepts a new file in a writable folder and an existing writable file", () => {
    expect(outputProblem(file("out.md"), facts({}))).toBeUndefined();
    expect(outputProblem(file("out.md"), facts({ at: "file", writable: true }))).toBeUndefined();
  });

  it("refuses a folder where a file is written and suggests the file inside it", () => {
    expect(
      outputProblem(file("reports", { fileName: "drift.md" }), facts({ at: "folder", writable: true })),
    ).toBe(
      "--out reports is a folder, and a file is written here — name the file itself, e.g. reports/drift.md",
    );
  });

  it("refuses a file where a folder is written", () => {
    expect(outputProblem({ ...file("x"), kind: "folder" }, facts({ at: "file", writable: true }))).toBe(
      "--out x is a file, and a folder is written here — name a new or empty folder, or remove the file first",
    );
  });

  it("refuses devices, FIFOs, sockets and links", () => {
    expect(outputProblem(file("/dev/null"), facts({ at: "other", writable: true }))).toBe(
      "--out /dev/null is not a regular file (a device, socket, FIFO or link) — name a new file path",
    );
  });

  it("refuses what cannot be written: a read-only file, a read-only folder, a path under a file", () => {
    expect(outputProblem(file("ro.md"), facts({ at: "file", writable: false }))).toBe(
      "--out ro.md is not writable — change its permissions or choose another path",
    );
    expect(outputProblem(file("x.md"), facts({ ancestor: { ...FOLDER_OK, writable: false } }))).toBe(
      "--out x.md cannot be created: the folder /w is not writable — choose a folder you can write to",
    );
    expect(
      outputProblem(
        file("a.txt/x.md"),
        facts({ ancestor: { path: "/w/a.txt", kind: "file", writable: true } }),
      ),
    ).toBe(
      "--out a.txt/x.md cannot be created: /w/a.txt is a file, not a folder — choose a path inside a folder",
    );
  });

  it("creates missing parent folders only where the command may", () => {
    const missingParent = facts({ parentExists: false });
    expect(outputProblem(file("new/x.md"), missingParent)).toBe(
      "--out new/x.md: the folder new does not exist — create it first (mkdir -p new) or choose an existing folder",
    );
    expect(outputProblem(file("new/x.md", { createParents: true }), missingParent)).toBeUndefined();
  });

  it("refuses writing inside a definition unless asked, or unless it is the command's own", () => {
    const inDef = facts({ definition: "/repo/stacks/example" });
    expect(outputProblem(file("/repo/stacks/example/plan.md"), inDef)).toMatch(
      /^--out \/repo\/stacks\/example\/plan\.md is inside the definition folder \/repo\/stacks\/example — writing there would change a definition by accident; choose a path outside it, or add --into-definition if you mean to$/,
    );
    expect(
      outputProblem(file("/repo/stacks/example/plan.md", { intoDefinition: true }), inDef),
    ).toBeUndefined();
    expect(
      outputProblem(
        file("/repo/stacks/example/numbers/a.csv", { ownDefinition: "/repo/stacks/example" }),
        inDef,
      ),
    ).toBeUndefined();
  });

  it("lets export write again into its own previous export, but not into a hand-made definition", () => {
    const folder = { flag: "--out", path: "/x/export", kind: "folder" as const };
    const previous = facts({ target: "/x/export", at: "folder", writable: true, definition: "/x/export" });
    expect(outputProblem(folder, { ...previous, definitionIsExport: true })).toBeUndefined();
    expect(outputProblem(folder, { ...previous, definitionIsExport: false })).toMatch(
      /inside the definition folder/,
    );
  });
});

describe("inspectOutput (the file system's facts)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tenant-out-"));
    writeFileSync(join(dir, "a.txt"), "x");
    mkdirSync(join(dir, "folder"));
    mkdirSync(join(dir, "def", "departments"), { recursive: true });
    writeFileSync(join(dir, "def", "tenant.yaml"), "tenant: {}\n");
    writeFileSync(join(dir, "def", ".tenant-export"), "{}\n");
    symlinkSync(join(dir, "a.txt"), join(dir, "link"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("tells files, folders, links and missing paths apart", () => {
    expect(inspectOutput(file(join(dir, "a.txt"))).at).toBe("file");
    expect(inspectOutput(file(join(dir, "folder"))).at).toBe("folder");
    expect(inspectOutput(file(join(dir, "link"))).at).toBe("other");
    expect(inspectOutput(file("/dev/null")).at).toBe("other");
    const missing = inspectOutput(file(join(dir, "folder", "new", "x.md")));
    expect(missing).toMatchObject({
      at: "missing",
      parentExists: false,
      ancestor: { path: join(dir, "folder") },
    });
  });

  it("finds a file in the way of a path even as root (who may write anywhere else)", () => {
    const under = inspectOutput(file(join(dir, "a.txt", "sub", "x.md")));
    expect(under.ancestor).toMatchObject({ path: join(dir, "a.txt"), kind: "file" });
    expect(outputProblem(file("a.txt/sub/x.md"), under)).toMatch(/is a file, not a folder/);
  });

  it("finds the definition folder above a path, and whether it is a previous export", () => {
    expect(inspectOutput(file(join(dir, "def", "departments", "x.yaml")))).toMatchObject({
      definition: join(dir, "def"),
      definitionIsExport: true,
    });
    expect(inspectOutput({ ...file(join(dir, "def")), kind: "folder" }).definition).toBe(join(dir, "def"));
    expect(inspectOutput(file(join(dir, "folder", "x.md"))).definition).toBeUndefined();
  });
});
