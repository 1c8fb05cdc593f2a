import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCodeowners } from "../../src/cli/commands/codeowners";
import { staleLines } from "../../src/codeowners/codeowners";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";

const ROOT = join(__dirname, "..", "..");

function run(opts: Parameters<typeof runCodeowners>[0]): { code: number; out: string } {
  let out = "";
  const code = runCodeowners(opts, (s) => (out += s));
  return { code, out };
}

describe("tenant codeowners", () => {
  let repo: string;
  let dir: string;
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), "tenant-codeowners-"));
    dir = join(repo, "stacks", "minimal");
    mkdirSync(join(repo, "stacks"));
    cpSync(MINIMAL_FIXTURE, dir, { recursive: true });
    execFileSync("git", ["init", "-q"], { cwd: repo });
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it("routes each department's YAML and numbers to its owners and the rest to the platform team", () => {
    expect(run({ dir, platformTeam: "@villa/platform" }).code).toBe(0);
    const text = readFileSync(join(repo, ".github", "CODEOWNERS"), "utf8");
    const lines = text.split("\n");
    expect(lines).toContain("* @villa/platform");
    expect(lines).toContain("/stacks/minimal/tenant.yaml @villa/platform");
    expect(lines).toContain("/stacks/Pulumi.*.yaml @villa/platform");
    expect(text).toMatch(/^\/stacks\/minimal\/departments\/culture\.yaml \S+@\S+/m);
    expect(text).toMatch(/^\/stacks\/minimal\/numbers\/culture\.csv \S+@\S+/m);
    // mobility has no numbers file in the fixture, so no line for one.
    expect(text).not.toContain("numbers/mobility.csv");
    // Last match wins: the catch-all must come before every department line.
    expect(lines.indexOf("* @villa/platform")).toBeLessThan(
      lines.findIndex((l) => l.includes("departments/")),
    );
  });

  it("--check passes when current (remembering the team) and names what is stale otherwise", () => {
    run({ dir, platformTeam: "@villa/platform" });
    expect(run({ dir, check: true })).toEqual({ code: 0, out: expect.stringContaining("is current") });
    const dept = join(dir, "departments", "culture.yaml");
    writeFileSync(
      dept,
      readFileSync(dept, "utf8").replace(/owners: \[([^\]]*)\]/, "owners: [new.owner@villa.example]"),
    );
    const { code, out } = run({ dir, check: true });
    expect(code).toBe(1);
    expect(out).toContain("missing: /stacks/minimal/departments/culture.yaml new.owner@villa.example");
    expect(out).toMatch(/not in the definition: \/stacks\/minimal\/departments\/culture\.yaml /);
  });

  it("--check without a file fails", () => {
    expect(run({ dir, check: true }).code).toBe(1);
  });

  it("staleLines ignores nothing but comments", () => {
    expect(staleLines("# a\n* @x\n", "# b\n* @x\n")).toEqual(["order or comments differ"]);
    expect(staleLines("* @x\n", "* @x\n")).toEqual([]);
  });
});

describe("the repository's own files", () => {
  it(".github/CODEOWNERS is current for the example stack", () => {
    expect(run({ stack: "example", check: true })).toMatchObject({ code: 0 });
  });

  it.each(readdirSync(join(ROOT, ".github", "workflows")))("workflow %s passes action-validator", (file) => {
    const r = spawnSync(
      join(ROOT, "node_modules", ".bin", "action-validator"),
      [join(ROOT, ".github", "workflows", file)],
      {
        encoding: "utf8",
      },
    );
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("the PR workflow plans against the base branch with the apply forecast, posts one comment and checks CODEOWNERS", () => {
    const pr = readFileSync(join(ROOT, ".github", "workflows", "tenant-pr.yml"), "utf8");
    expect(pr).toContain(
      'npx tenant plan --stack "$TENANT_STACK" --base "origin/${{ github.base_ref }}" --forecast --format markdown --out plan.md',
    );
    // The JSON artifact carries the same forecast as the comment.
    expect(pr).toContain('--base "origin/${{ github.base_ref }}" --forecast --format json --out plan.json');
    expect(pr).toContain("marocchino/sticky-pull-request-comment@v2");
    expect(pr).toContain('npx tenant codeowners --stack "$TENANT_STACK" --check');
    expect(pr).toMatch(/pulumi\/actions@v7[\s\S]*command: preview[\s\S]*policyPacks: policies/);
    expect(pr).toContain("id-token: write");
    expect(readFileSync(join(ROOT, ".github", "workflows", "tenant-deploy.yml"), "utf8")).toMatch(
      /command: up/,
    );
  });
});
