/**
 * Every writing command checks its output paths before any slow work and says what is wrong with exit 2 —
 * never exit 70 with a stack trace (issue 12). Runs the real CLI in-process through `runTenant`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runGenerate } from "../../src/cli/commands/schemas";
import { DefinitionFixture } from "../helpers/definitionFixture";
import { runTenant } from "../helpers/tenantCli";

const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");

const tenant = (...argv: string[]) => runTenant(argv);

describe("output paths of writing commands", () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), "tenant-outputs-"));
    writeFileSync(join(tmp, "existing.txt"), "someone's file\n");
    mkdirSync(join(tmp, "folder"));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it("export --out naming an existing file: exit 2 before anything is read, the file untouched", async () => {
    const out = join(tmp, "existing.txt");
    // The endpoint is never contacted: port 1 would refuse, and the check comes first.
    const r = await tenant("export", "--graph", "https://127.0.0.1:1/", "--out", out);
    expect(r).toEqual({
      code: 2,
      out: "",
      err: `tenant: --out ${out} is a file, and a folder is written here — name a new or empty folder, or remove the file first\n`,
    });
    expect(readFileSync(out, "utf8")).toBe("someone's file\n");
  });

  it("export --out the repository's own definition is refused unless --into-definition", async () => {
    const r = await tenant("export", "--graph", "https://127.0.0.1:1/", "--out", EXAMPLE);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `tenant: --out ${EXAMPLE} is inside the definition folder stacks/example — writing there would change a ` +
        "definition by accident; choose a path outside it, or add --into-definition if you mean to\n",
    );
  });

  it("export --out under a regular file is unwritable even for root: exit 2 naming the file", async () => {
    const out = join(tmp, "existing.txt", "export");
    const r = await tenant("export", "--graph", "https://127.0.0.1:1/", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `tenant: --out ${out} cannot be created: ${join(tmp, "existing.txt")} is a file, not a folder — choose a path inside a folder\n`,
    );
  });

  it("drift --out naming a folder: exit 2 before the tenant is read", async () => {
    const out = join(tmp, "folder");
    const r = await tenant("drift", "--stack", "example", "--graph", "https://127.0.0.1:1/", "--out", out);
    expect(r).toEqual({
      code: 2,
      out: "",
      err: `tenant: --out ${out} is a folder, and a file is written here — name the file itself, e.g. ${join(out, "drift.md")}\n`,
    });
  });

  it("drift --out inside the definition is refused", async () => {
    const out = join(EXAMPLE, "drift.md");
    const r = await tenant("drift", "--stack", "example", "--graph", "https://127.0.0.1:1/", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is inside the definition folder stacks\/example — /);
    expect(existsSync(out)).toBe(false);
  });

  it("codeowners --out naming a folder, a device or a path under a file: exit 2", async () => {
    const folder = join(tmp, "folder");
    expect(await tenant("codeowners", "--stack", "example", "--out", folder)).toEqual({
      code: 2,
      out: "",
      err: `tenant: --out ${folder} is a folder, and a file is written here — name the file itself, e.g. ${join(folder, "CODEOWNERS")}\n`,
    });
    expect((await tenant("codeowners", "--stack", "example", "--out", "/dev/null")).err).toBe(
      "tenant: --out /dev/null is not a regular file (a device, socket, FIFO or link) — name a new file path\n",
    );
    const under = join(tmp, "existing.txt", "CODEOWNERS");
    expect((await tenant("codeowners", "--stack", "example", "--out", under)).code).toBe(2);
  });

  it("plan --out: a missing folder is named, a definition is protected; --into-definition writes there", async () => {
    const def = new DefinitionFixture();
    try {
      const missing = join(tmp, "nope", "plan.txt");
      expect((await tenant("plan", "--dir", def.dir, "--out", missing)).err).toBe(
        `tenant: --out ${missing}: the folder ${join(tmp, "nope")} does not exist — create it first (mkdir -p ${join(tmp, "nope")}) or choose an existing folder\n`,
      );
      const inside = join(def.dir, "plan.txt");
      const refused = await tenant("plan", "--dir", def.dir, "--out", inside);
      expect(refused.code).toBe(2);
      expect(refused.err).toContain(`is inside the definition folder ${def.dir} — `);
      expect(existsSync(inside)).toBe(false);
      // Asked for in so many words, the same kind of path is written (codeowners renders in a moment).
      const owners = join(def.dir, "CODEOWNERS");
      const meant = await tenant("codeowners", "--dir", def.dir, "--out", owners, "--into-definition");
      expect(meant.code).toBe(0);
      expect(readFileSync(owners, "utf8")).toMatch(/^\* @platform-team$/m);
    } finally {
      def.remove();
    }
  });

  it("numbers allocate: a numbers file that is a folder stops it before anything is read", async () => {
    const def = new DefinitionFixture();
    try {
      rmSync(def.path("numbers/culture.csv"));
      mkdirSync(def.path("numbers/culture.csv"));
      const r = await tenant(
        "numbers",
        "allocate",
        "--dir",
        def.dir,
        "--department",
        "culture",
        "--users",
        "-",
      );
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `tenant: numbers file ${def.path("numbers/culture.csv")} is a folder, and a file is written here — name the file itself, e.g. ${def.path("numbers/culture.csv/culture.csv")}\n`,
      );
    } finally {
      def.remove();
    }
  });

  it("schemas/docs: a generated path that is a folder is refused before any file is written", () => {
    mkdirSync(join(tmp, "gen", "b.json"), { recursive: true });
    const written: string[] = [];
    expect(() =>
      runGenerate(
        { write: true },
        {
          root: tmp,
          what: "JSON Schema",
          regenerate: "npm run gen:schemas",
          generate: () =>
            new Map([
              ["gen/a.json", "{}"],
              ["gen/b.json", "{}"],
            ]),
          write: (s) => written.push(s),
        },
      ),
    ).toThrow(
      `generated JSON Schema file ${join(tmp, "gen", "b.json")} is a folder, and a file is written here — name the file itself, e.g. ${join(tmp, "gen", "b.json", "b.json")}`,
    );
    expect(existsSync(join(tmp, "gen", "a.json"))).toBe(false);
    expect(written).toEqual([]);
  });
});
