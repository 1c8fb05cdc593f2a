import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";

const tenant = (...argv: string[]) => runTenant(argv);

/** A throw-away git repository holding the minimal definition at stacks/minimal, committed once. */
let bed: GitRepo;
let repo: string;
let dir: string;
const git = (...args: string[]) => bed.git(...args);

beforeAll(() => {
  bed = createGitRepo("tenant-plan-repo-");
  repo = bed.root;
  writeFileSync(join(repo, "README.md"), "a repo\n");
  git("add", "README.md");
  git("commit", "-qm", "before the stack");
  dir = bed.addStack(MINIMAL_FIXTURE, "minimal");
  bed.commitAll("the stack");
});
afterAll(() => bed.remove());

describe("tenant plan --base", () => {
  it("an unchanged tree against HEAD reports no changes and exits 0", async () => {
    const { code, out } = await tenant("plan", "--dir", dir, "--base", "HEAD");
    expect(code).toBe(0);
    expect(out).toMatch(/^No changes/m);
    expect(out).toContain("compared with HEAD");
  });

  it("a budget change reads as one department changing, in markdown, written to --out", async () => {
    const file = join(dir, "departments", "culture.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("monthlyAmount: 500", "monthlyAmount: 650"));
    const md = join(repo, "plan.md");
    try {
      const { code, out } = await tenant(
        "plan",
        "--dir",
        dir,
        "--base",
        "HEAD",
        "--format",
        "markdown",
        "--out",
        md,
      );
      expect(code).toBe(0);
      expect(out).toBe(`tenant plan: wrote ${md} (exit 0)\n`);
      const text = readFileSync(md, "utf8");
      expect(text).toContain("<!-- tenant-plan -->");
      expect(text).toMatch(/\*\*1 department changes: 1 budget changed; 1 to update;/);
      expect(text).toContain("- Budget: budget-vp-culture: 500 → 650 a month");
      // The apply forecast runs only when asked for (--forecast, plan-base-forecast.test.ts).
      expect(text).not.toContain("Apply forecast");
      const json = await tenant("plan", "--dir", dir, "--base", "HEAD", "--format", "json");
      const plan = JSON.parse(json.out) as {
        schema: string;
        counts: Record<string, number>;
        base: { commit: string };
      };
      expect(plan.schema).toBe("tenant-plan-diff/1");
      expect(plan.counts).toEqual({ create: 0, update: 1, replace: 0, delete: 0 });
      expect(plan.base.commit).toBe(git("rev-parse", "HEAD").toString().trim());
      expect(plan).not.toHaveProperty("forecast");
    } finally {
      writeFileSync(file, original);
    }
  });

  it("deleting a department file without retiring it blocks the plan, naming the recipe", async () => {
    const file = join(dir, "departments", "mobility.yaml");
    const original = readFileSync(file, "utf8");
    rmSync(file);
    try {
      const { code, out } = await tenant("plan", "--dir", dir, "--base", "HEAD", "--format", "markdown");
      expect(code).toBe(1);
      expect(out).toContain(
        "`tenant-plan-department-retirement`: Department 'mobility' is removed but it was not `lifecycle: retiring` at the base and tenant.yaml has no platformApprovals.retirements entry for it",
      );
      expect(out).toContain("mobility: department removed without a completed retirement");
    } finally {
      writeFileSync(file, original);
    }
  });

  it("retiring a department without numbers passes the policy pack and is a high risk", async () => {
    const file = join(dir, "departments", "mobility.yaml");
    const original = readFileSync(file, "utf8");
    writeFileSync(
      file,
      original
        .replace("licences:\n  - sku: SPE_E5\n    disabledPlans: [YAMMER_ENTERPRISE]\n", "")
        .replace(
          "headcount: 30\n",
          "lifecycle: retiring\nheadcount: 30\nintentionalRemovals:\n  skus: [SPE_E5]\n",
        ),
    );
    try {
      const { code, out } = await tenant("plan", "--dir", dir, "--base", "HEAD", "--format", "markdown");
      expect(out).toContain("mobility: retiring — its numbers go into quarantine");
      expect(out).toContain("mobility: SPE_E5 −30 seats (SKU removed)");
      expect(out).not.toContain("no-unmarked-removal");
      expect(code).toBe(0);
    } finally {
      writeFileSync(file, original);
    }
  });

  it("a definition folder absent at the base is a new stack: everything is a create", async () => {
    const { code, out } = await tenant("plan", "--dir", dir, "--base", "HEAD~1");
    expect(code).toBe(0);
    expect(out).toContain("does not exist at HEAD~1: every resource is a create");
    expect(out).toMatch(/2 departments change.*: .*\d+ to create; /);
    expect(out).not.toMatch(/to (update|delete|replace)/);
  });

  it.each([
    [["--base", "no-such-branch"], "--base no-such-branch: no such commit, branch or tag"],
    [["--format", "markdown"], "--format markdown is the pull-request plan: add --base"],
  ])("%j is a usage error (exit 2)", async (extra, message) => {
    const { code, err } = await tenant("plan", "--dir", dir, ...extra);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it("outside a git repository --base is a usage error", async () => {
    const { code, err } = await tenant(
      "plan",
      "--dir",
      MINIMAL_FIXTURE.replace(/.*/, tmpdir()),
      "--base",
      "HEAD",
    );
    expect(code).toBe(2);
    expect(err).toContain("is not inside a git repository");
  });
});
