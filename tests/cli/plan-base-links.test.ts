import { symlinkSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { parseLsTree } from "../../src/plan/gitBase";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";

const tenant = (...argv: string[]) => runTenant(argv);

/** A secret the run's environment holds: it must not appear in anything the plan prints. */
const SECRET = "tenant-test-secret-7f3a";

describe("tenant plan --base refuses a symbolic link committed at the base ref (git mode 120000)", () => {
  let bed: GitRepo;
  let repo: string;
  beforeAll(() => {
    bed = createGitRepo("tenant-plan-link-");
    repo = bed.root;
    symlinkSync(
      "/proc/self/environ",
      join(bed.addStack(MINIMAL_FIXTURE, "minimal"), "numbers", "mobility.csv"),
    );
    bed.commitAll("a stack with a link");
    // The working tree no longer has the link: only the base ref does.
    unlinkSync(join(repo, "stacks", "minimal", "numbers", "mobility.csv"));
    process.env.TENANT_TEST_SECRET = SECRET;
  });
  afterAll(() => {
    delete process.env.TENANT_TEST_SECRET;
    bed.remove();
  });

  it("exits 1 naming the link, reads nothing behind it, and prints no environment", async () => {
    for (const format of ["text", "markdown"]) {
      const { code, out, err } = await tenant(
        "plan",
        "--dir",
        join(repo, "stacks", "minimal"),
        "--base",
        "HEAD",
        "--format",
        format,
      );
      expect(code).toBe(1);
      expect(out).toBe(
        "tenant plan: the definition at HEAD (stacks/minimal) holds what a definition folder may not, so there is nothing to compare with:\n" +
          "stacks/minimal/numbers/mobility.csv: this is a symbolic link in git at HEAD, not a regular file — a definition folder holds only regular files and folders (links are never followed)\n",
      );
      expect(out + err).not.toContain(SECRET);
      expect(out + err).not.toContain("PATH=");
    }
  });
});

describe("a link in the working tree, in the pull-request comment", () => {
  let bed: GitRepo;
  let repo: string;
  beforeAll(() => {
    bed = createGitRepo("tenant-plan-headlink-");
    repo = bed.root;
    bed.addStack(MINIMAL_FIXTURE, "minimal");
    bed.commitAll("x");
    symlinkSync("/proc/self/environ", join(repo, "stacks", "minimal", "numbers", "mobility.csv"));
    process.env.TENANT_TEST_SECRET = SECRET;
  });
  afterAll(() => {
    delete process.env.TENANT_TEST_SECRET;
    bed.remove();
  });

  it("the markdown plan names the link and publishes nothing behind it", async () => {
    const { code, out } = await tenant(
      "plan",
      "--dir",
      join(repo, "stacks", "minimal"),
      "--base",
      "HEAD",
      "--format",
      "markdown",
    );
    expect(code).toBe(1);
    expect(out).toContain("**The definition is invalid: nothing was planned.**");
    expect(out).toContain("numbers/mobility.csv:1:1: (file): this is a symbolic link, not a regular file");
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain("PATH=");
  });
});

describe("parseLsTree", () => {
  it("reads modes and paths, including a path with spaces", () => {
    const out =
      "100644 blob aaaa\tstacks/x/tenant.yaml\u0000120000 blob bbbb\tstacks/x/numbers/a b.csv\u0000";
    expect(parseLsTree(out)).toEqual([
      { mode: "100644", path: "stacks/x/tenant.yaml" },
      { mode: "120000", path: "stacks/x/numbers/a b.csv" },
    ]);
  });
});
