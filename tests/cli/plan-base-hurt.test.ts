import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";

/** #17: a ranked "what could hurt" summary at the top of the plan, and nothing when nothing can. */
let bed: GitRepo;
let dir: string;
beforeAll(() => {
  bed = createGitRepo("tenant-plan-hurt-");
  dir = bed.addStack(MINIMAL_FIXTURE, "minimal");
  bed.commitAll("the stack");
});
afterAll(() => bed.remove());

const block = (out: string) => {
  const lines = out.split("\n");
  const start = lines.indexOf("What could hurt (worst first):");
  if (start < 0) return [];
  const end = lines.indexOf("", start);
  return lines.slice(start, end);
};

describe("what could hurt", () => {
  it("removing a department with numbers lists, worst first, what it destroys and takes away", async () => {
    const files = ["departments/culture.yaml", "numbers/culture.csv"].map((f) => join(dir, f));
    const saved = files.map((f) => readFileSync(f, "utf8"));
    files.forEach((f) => rmSync(f));
    try {
      const { out } = await runTenant(["plan", "--dir", dir, "--base", "HEAD"]);
      expect(block(out)).toEqual([
        "What could hurt (worst first):",
        "  1. 1 protected resource deleted or replaced (ResourceGroup rg-vp-culture): `pulumi up` stops until it is released on purpose",
        "  2. 1 department removed or retiring (culture)",
        "  3. 2 numbers released (culture 2)",
        "  4. emergency calling changes in 1 section (culture)",
        "  5. licences removed: SPE_E5 −40 seats (culture)",
      ]);
      const md = await runTenant(["plan", "--dir", dir, "--base", "HEAD", "--format", "markdown"]);
      expect(md.out).toContain(
        "**What could hurt**, worst first:\n1. 1 protected resource deleted or replaced (ResourceGroup rg-vp-culture)",
      );
      const json = JSON.parse(
        (await runTenant(["plan", "--dir", dir, "--base", "HEAD", "--format", "json"])).out,
      ) as {
        hurt: { kind: string; sections: string[] }[];
      };
      expect(json.hurt.map((h) => h.kind)).toEqual([
        "protected-destroyed",
        "departments-leaving",
        "numbers-released",
        "emergency-calling",
        "licences-removed",
      ]);
    } finally {
      files.forEach((f, i) => writeFileSync(f, saved[i]!));
    }
  });

  it("a budget raised hurts nothing: no block at all", async () => {
    const file = join(dir, "departments", "culture.yaml");
    const saved = readFileSync(file, "utf8");
    writeFileSync(file, saved.replace("monthlyAmount: 500", "monthlyAmount: 650"));
    try {
      const { out } = await runTenant(["plan", "--dir", dir, "--base", "HEAD"]);
      expect(out).toContain("budget");
      expect(block(out)).toEqual([]);
    } finally {
      writeFileSync(file, saved);
    }
  });
});
