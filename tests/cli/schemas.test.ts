import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runGenerate } from "../../src/cli/commands/schemas";
import { UsageError } from "../../src/exitCodes";
import { main } from "../../src/cli/main";
import { generateSchemaFiles, REGENERATE_SCHEMAS, REPO_ROOT } from "../../src/config/jsonSchemas";

/** A scratch root with the repository's Pulumi.yaml (the stack schema is generated from it) and no schemas. */
function scratchRoot(): string {
  const root = mkdtempSync(join(tmpdir(), "tenant-schemas-"));
  copyFileSync(join(REPO_ROOT, "Pulumi.yaml"), join(root, "Pulumi.yaml"));
  return root;
}

function run(opts: { write?: boolean; check?: boolean }, root: string): { code: number; out: string } {
  let out = "";
  const code = runGenerate(opts, {
    root,
    what: "JSON Schema",
    regenerate: REGENERATE_SCHEMAS,
    generate: generateSchemaFiles,
    write: (s) => (out += s),
  });
  return { code, out };
}

describe("tenant schemas", () => {
  let root: string;
  beforeEach(() => (root = scratchRoot()));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("--check exits 1 and names every missing or stale file, with the command that regenerates them", () => {
    const first = run({ check: true }, root);
    expect(first.code).toBe(1);
    for (const path of generateSchemaFiles(root).keys()) expect(first.out).toContain(`stale: ${path}`);
    expect(first.out).toContain(`run: ${REGENERATE_SCHEMAS}`);
  });

  test("--write writes formatted JSON; then --check passes; an edit makes exactly that file stale", () => {
    const written = run({ write: true }, root);
    expect(written.code).toBe(0);
    expect(written.out).toContain("wrote stacks/schemas/tenant.schema.json");
    const text = readFileSync(join(root, "stacks/schemas/department.schema.json"), "utf8");
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + "\n");
    expect(run({ check: true }, root).code).toBe(0);
    expect(run({ write: true }, root).out).toContain("up to date");

    writeFileSync(
      join(root, "stacks/schemas/department.schema.json"),
      text.replace("Department id", "Dept id"),
    );
    const stale = run({ check: true }, root);
    expect(stale.code).toBe(1);
    expect(stale.out.split("\n").filter((l) => l.startsWith("stale: "))).toEqual([
      "stale: stacks/schemas/department.schema.json",
    ]);
  });

  test("the stack schema follows Pulumi.yaml's config block", () => {
    writeFileSync(
      join(root, "Pulumi.yaml"),
      "name: tenant\nruntime: nodejs\nconfig:\n  region:\n    type: string\n    description: Where.\n",
    );
    const stack = JSON.parse(
      generateSchemaFiles(root).get("stacks/schemas/pulumi-stack.schema.json") ?? "{}",
    ) as {
      properties: { config: { properties: Record<string, unknown> } };
    };
    expect(Object.keys(stack.properties.config.properties)).toEqual(["tenant:region"]);
  });

  test("neither or both of --write and --check is a usage error", () => {
    expect(() => run({}, root)).toThrow(UsageError);
    expect(() => run({ write: true, check: true }, root)).toThrow(UsageError);
  });
});

describe("the tenant command line", () => {
  let stderr: jest.SpyInstance;
  let stdout: jest.SpyInstance;
  beforeEach(() => {
    stderr = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    stdout = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  });
  afterEach(() => {
    stderr.mockRestore();
    stdout.mockRestore();
  });

  test("`tenant schemas --check` passes on the repository", async () => {
    expect(await main(["schemas", "--check"])).toBe(0);
  });

  test("`tenant schemas` without a mode exits 2", async () => {
    expect(await main(["schemas"])).toBe(2);
    expect(stderr).toHaveBeenCalledWith(expect.stringContaining("--write or --check"));
  });

  test("`tenant docs` without a mode exits 2 (tests/meta/configReference.test.ts checks the reference itself)", async () => {
    expect(await main(["docs"])).toBe(2);
  });
});
