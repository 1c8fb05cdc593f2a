import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stackFileSettings } from "../../src/config/stackFile";
import { TEXT_DIAGNOSTIC_LIMIT } from "../../src/config/diagnostics";
import { DefinitionFixture, MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { runTenant } from "../helpers/tenantCli";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "tenant.js");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** A secret in the child's environment: nothing the toolkit prints may contain it. */
const SECRET = "tenant-test-secret-5b1e";

/** `tenant <args>` as a separate process: for what only the real binary shows (exit 70, a FIFO that could block). */
function spawnTenant(args: string[], nodeArgs: string[] = []) {
  const run = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, TENANT_TEST_SECRET: SECRET },
    // A safety net only: a FIFO that blocked the loader would otherwise hang the suite. Nothing asserts on time.
    timeout: 120_000,
  });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** `tenant <args>` in-process (main() resolves to the exit code), capturing what it writes. */
async function tenant(args: string[]) {
  process.env.TENANT_TEST_SECRET = SECRET;
  try {
    const run = await runTenant(args);
    return { code: run.code, stdout: run.out, stderr: run.err };
  } finally {
    delete process.env.TENANT_TEST_SECRET;
  }
}

const STACK_TRACE = /\n\s+at /;

async function withFixture(
  prepare: (f: DefinitionFixture) => void,
  body: (f: DefinitionFixture) => Promise<void> | void,
): Promise<void> {
  const fixture = new DefinitionFixture();
  try {
    prepare(fixture);
    await body(fixture);
  } finally {
    fixture.remove();
  }
}

describe("--stack is a stack name, never a path (exit 2 for every command that takes it)", () => {
  const commands: string[][] = [
    ["validate"],
    ["plan"],
    ["plan", "--base", "HEAD"],
    ["drift"],
    ["codeowners", "--check"],
    ["numbers", "allocate", "--department", "culture", "--users", "-"],
    ["numbers", "release", "--department", "culture", "--users", "-"],
    ["network", "next-block"],
  ];
  const names = ["../example", "..", "example/../example", "/etc", "a\\b", "exa mple", ""];
  it.each(commands)("tenant %s …", async (...command) => {
    for (const name of names) {
      const run = await tenant([...command, "--stack", name]);
      expect({ name, code: run.code }).toEqual({ name, code: 2 });
      expect(run.stderr).toContain(
        `'${name}' is not a stack name — use letters, digits, '-' and '_' only (the folder stacks/<name>/); for a folder elsewhere use --dir <path>`,
      );
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stdout).toBe("");
    }
  });

  it("a good name that names no stack is still the ordinary usage error", async () => {
    const run = await tenant(["validate", "--stack", "no_such-stack1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--stack no_such-stack1: no folder stacks/no_such-stack1/");
  });
});

describe("a bad --graph URL is a usage error (exit 2), before anything is read", () => {
  it.each([
    ["drift", ["drift", "--stack", "example"]],
    ["export", ["export", "--out", "/nonexistent-tenant-export-target"]],
  ])("%s", async (_name, command) => {
    for (const url of [
      "not a url",
      "http://127.0.0.1:1",
      "https://user:pw@graph.example/",
      "https://h/v1.0",
    ]) {
      const run = await tenant([...command, "--graph", url]);
      expect({ url, code: run.code }).toEqual({ url, code: 2 });
      expect(run.stderr).toContain(
        `option '--graph <url>' argument '${url}' is invalid. Graph endpoint from --graph`,
      );
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });
});

describe("the command line without a command", () => {
  it.each([[[]], [["numbers"]], [["network"]]])(
    "tenant %j prints help on stderr and exits 2",
    async (args) => {
      const run = await tenant(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^Usage: tenant/);
      expect(run.stdout).toBe("");
    },
  );

  it.each([["--version"], ["-V"]])("tenant %s prints package.json's version and exits 0", async (flag) => {
    const run = await tenant([flag]);
    expect(run).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });

  it("asked-for help is a success", async () => {
    expect((await tenant(["--help"])).code).toBe(0);
    expect((await tenant(["numbers", "--help"])).code).toBe(0);
  });
});

describe("an internal error (a bug) prints no stack trace unless --debug, and says where to report it", () => {
  // Preloaded into the child: makes the folder walk fail the way a bug would.
  const CRASH = join(__dirname, "helpers", "crashOnDepartments.js");

  it("without --debug: one message, the report address, exit 70", () => {
    const run = spawnTenant(["validate", "--dir", MINIMAL_FIXTURE], ["-r", CRASH]);
    expect(run.code).toBe(70);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "tenant: internal error: TypeError: simulated bug\n" +
        "This is a bug in the toolkit, not in your definition. Please report it to the platform team in this repository's issue tracker (see 'Reporting a bug' in CONTRIBUTING.md),\n" +
        "with the command you ran and its output from running it again with --debug (which adds the stack trace).\n",
    );
  });

  it("with --debug: the same message and the stack trace", () => {
    const run = spawnTenant(["validate", "--dir", MINIMAL_FIXTURE, "--debug"], ["-r", CRASH]);
    expect(run.code).toBe(70);
    expect(run.stderr).toMatch(/^tenant: internal error: TypeError: simulated bug\n/);
    expect(run.stderr).toContain(
      "with the command you ran and its output (the trace below).\nTypeError: simulated bug\n    at ",
    );
  });
});

describe("hostile definition files through the real command", () => {
  it("a numbers file linking to /proc/self/environ: exit 1 naming it, no environment in text or JSON", async () => {
    await withFixture(
      (f) => symlinkSync("/proc/self/environ", f.path("numbers/mobility.csv")),
      async (f) => {
        const text = await tenant(["validate", "--dir", f.dir]);
        expect(text.code).toBe(1);
        expect(text.stdout).toContain(
          "numbers/mobility.csv:1:1: (file): this is a symbolic link, not a regular file",
        );
        const json = await tenant(["validate", "--dir", f.dir, "--format", "json"]);
        expect(json.code).toBe(1);
        expect(JSON.parse(json.stdout).errors).toEqual([
          expect.objectContaining({ file: f.path("numbers/mobility.csv"), line: 1, path: "(file)" }),
        ]);
        for (const run of [text, json]) {
          expect(run.stdout + run.stderr).not.toContain(SECRET);
          expect(run.stdout + run.stderr).not.toContain("PATH=");
        }
      },
    );
  });

  it("a FIFO as a department file: exit 1 naming it; the run does not block on it", async () => {
    await withFixture(
      (f) => {
        const made = spawnSync("mkfifo", [f.path("departments/parks.yaml")]);
        expect(made.status).toBe(0);
      },
      (f) => {
        const run = spawnTenant(["validate", "--dir", f.dir]);
        expect(run.signal).toBeNull();
        expect(run.code).toBe(1);
        expect(run.stdout).toContain(
          "departments/parks.yaml:1:1: (file): this is a FIFO (named pipe), not a regular file",
        );
      },
    );
  });

  it("a billion-laughs tenant.yaml: exit 1 with file:line, no internal error", async () => {
    let bomb = 'organization: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i <= 8; i++)
      bomb += `l${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(",")}]\n`;
    await withFixture(
      (f) => f.write("tenant.yaml", bomb),
      async (f) => {
        const run = await tenant(["validate", "--dir", f.dir]);
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(
          /tenant\.yaml:2:10: \(file\): aliases here expand to more than 100 copies/,
        );
        expect(run.stderr).toBe("");
      },
    );
  });
});

describe("thousands of problems: text prints the first 200 and counts the rest; JSON keeps them all", () => {
  const BAD_ROWS = 500;
  const prepare = (f: DefinitionFixture) => {
    const header = f.read("numbers/culture.csv").split("\n")[0];
    const rows = Array.from(
      { length: BAD_ROWS },
      (_, i) => `user${i}@villa.example,not-a-number,town-hall-p0,primary`,
    );
    writeFileSync(f.path("numbers/culture.csv"), [header, ...rows, ""].join("\n"));
  };

  it("text", async () => {
    await withFixture(prepare, async (f) => {
      const run = await tenant(["validate", "--dir", f.dir]);
      expect(run.code).toBe(1);
      const lines = run.stdout.trimEnd().split("\n");
      const problems = lines.filter((l) => /^\S+:\d+:\d+: /.test(l));
      expect(problems).toHaveLength(TEXT_DIAGNOSTIC_LIMIT);
      const total = JSON.parse((await tenant(["validate", "--dir", f.dir, "--format", "json"])).stdout).errors
        .length;
      expect(total).toBeGreaterThanOrEqual(BAD_ROWS);
      expect(lines).toContain(
        `… and ${(total - TEXT_DIAGNOSTIC_LIMIT).toLocaleString("en-GB")} more problems not shown (${TEXT_DIAGNOSTIC_LIMIT} of ${total} printed; run tenant validate --format json to list them all)`,
      );
      expect(lines[lines.length - 1]).toMatch(
        new RegExp(`^${total} problems in \\d+ files?; nothing was changed\\.$`),
      );
    });
  });

  it("json", async () => {
    await withFixture(prepare, async (f) => {
      const run = await tenant(["validate", "--dir", f.dir, "--format", "json"]);
      expect(run.code).toBe(1);
      const out = JSON.parse(run.stdout) as { errors: { file: string }[] };
      expect(out.errors.filter((e) => e.file.endsWith("numbers/culture.csv")).length).toBeGreaterThanOrEqual(
        BAD_ROWS,
      );
    });
  });
});

describe("stacks/Pulumi.<stack>.yaml is read like a definition file", () => {
  let stacks: string;
  beforeEach(() => (stacks = mkdtempSync(join(tmpdir(), "tenant-stacks-"))));
  afterEach(() => rmSync(stacks, { recursive: true, force: true }));

  it("reads the layers of a regular file", () => {
    writeFileSync(join(stacks, "Pulumi.city.yaml"), "config:\n  tenant:layers: [identity, m365]\n");
    expect(stackFileSettings("city", stacks)).toEqual({
      layers: ["identity", "m365"],
      platformStack: undefined,
    });
  });

  it("a link is refused, not followed", () => {
    symlinkSync("/proc/self/environ", join(stacks, "Pulumi.city.yaml"));
    expect(stackFileSettings("city", stacks).problem).toMatchObject({
      file: "stacks/Pulumi.city.yaml",
      line: 1,
      message: expect.stringContaining("this is a symbolic link, not a regular file"),
    });
  });

  it("an alias bomb is a located problem", () => {
    let bomb = 'config: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i <= 8; i++)
      bomb += `l${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(",")}]\n`;
    writeFileSync(join(stacks, "Pulumi.city.yaml"), bomb);
    expect(stackFileSettings("city", stacks).problem).toMatchObject({
      file: "stacks/Pulumi.city.yaml",
      line: 2,
      message: expect.stringContaining("aliases here expand to more than 100 copies"),
    });
  });
});
