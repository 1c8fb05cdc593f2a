import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MINIMAL_FIXTURE } from "../helpers/definitionFixture";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";

/**
 * #17: "When the base ref's definition is invalid, `--format markdown` prints a plain-text line that points at a
 * deleted temporary path: say in markdown which file at the base is invalid and why." The base commit has a
 * negative headcount and a membership without values; the branch fixes both.
 */
let bed: GitRepo;
let dir: string;
let commit: string;

beforeAll(() => {
  bed = createGitRepo("tenant-plan-invalid-base-");
  dir = bed.addStack(MINIMAL_FIXTURE, "minimal");
  const culture = join(dir, "departments", "culture.yaml");
  const valid = readFileSync(culture, "utf8");
  writeFileSync(
    culture,
    valid.replace("headcount: 40", "headcount: -5").replace("values: [Cultura]", "values: []"),
  );
  bed.commitAll("a broken base");
  commit = bed.git("rev-parse", "--short=7", "HEAD").trim();
  writeFileSync(culture, valid);
});
afterAll(() => bed.remove());

describe("tenant plan --base when the base does not validate", () => {
  it("text: the files as git names them, line, field and why", async () => {
    const { code, out } = await runTenant(["plan", "--dir", dir, "--base", "HEAD"]);
    expect(code).toBe(1);
    expect(out.split("\n")).toEqual([
      `tenant plan: the definition at HEAD (${commit}) does not validate with this branch's code (2 problems in 1 file), so there is nothing to compare with:`,
      "stacks/minimal/departments/culture.yaml:8:11: membership.values: needs at least 1 entry — add one",
      "stacks/minimal/departments/culture.yaml:9:12: headcount: -5 is too small: it must be at least 0 — raise it",
      "",
    ]);
    expect(out).not.toContain("tenant-plan-base-");
  });

  it("markdown: a PR comment titled with the stack, naming the file at the base", async () => {
    const { code, out } = await runTenant(["plan", "--dir", dir, "--base", "HEAD", "--format", "markdown"]);
    expect(code).toBe(1);
    expect(out.split("\n")).toEqual([
      "### Tenant plan · `minimal` vs `HEAD` <!-- tenant-plan -->",
      "",
      `**The definition at \`HEAD\` (\`${commit}\`) does not validate with this branch's code: nothing was compared.** Exit 1.`,
      "",
      "2 problems in 1 file at `HEAD`:",
      "",
      "- `stacks/minimal/departments/culture.yaml` line 8, `membership.values`: needs at least 1 entry — add one",
      "- `stacks/minimal/departments/culture.yaml` line 9, `headcount`: -5 is too small: it must be at least 0 — raise it",
      "",
      "The branch's own definition is valid; the base's is not (it was committed invalid, or this branch changes a schema or rule it broke), so there is nothing to compare with: review the change by its diff, or plan against a base that validates.",
      "",
    ]);
    expect(out).not.toContain("tenant-plan-base-");
  });
});
