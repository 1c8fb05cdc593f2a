import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGitRepo, type GitRepo } from "../helpers/gitRepo";
import { runTenant } from "../helpers/tenantCli";

/**
 * #17: "Membership rules are shown escaped (`Turismo'\")`), which reads like an injection: show the rule as its
 * author would write it." A copy of stacks/example where Turismo adds a value holding a quote, a parenthesis and
 * a double quote: the plan says it in the file's words, in text and in markdown.
 */
const EXAMPLE = join(__dirname, "..", "..", "stacks", "example");
let bed: GitRepo;
let turismo: string;

beforeAll(() => {
  bed = createGitRepo("tenant-plan-membership-");
  turismo = join(bed.addStack(EXAMPLE, "example"), "departments", "turismo.yaml");
  bed.commitAll("the example stack");
  const original = readFileSync(turismo, "utf8");
  if (!original.includes("values: [Turismo]")) throw new Error("stacks/example turismo.yaml changed");
  writeFileSync(turismo, original.replace("values: [Turismo]", `values: [Turismo, "Turismo')\\""]`));
});
afterAll(() => bed.remove());

const lines = (out: string, re: RegExp) => out.split("\n").filter((l) => re.test(l));

describe("tenant plan --base shows a membership change as the author wrote it", () => {
  it("text", async () => {
    const { code, out } = await runTenant([
      "plan",
      "--dir",
      join(bed.root, "stacks", "example"),
      "--base",
      "HEAD",
    ]);
    expect(code).toBe(0);
    expect(lines(out, /membership/)).toEqual([
      "  1. membership reach changes in 1 department (turismo)",
      `  [medium] turismo: membership by department adds Turismo')"`,
      // The department's administrative unit follows the same rule (issue #16).
      `  access: administrative unit au-cde-turismo: dynamic membership by department adds Turismo')"`,
      `  access: group grp-cde-turismo: dynamic membership by department adds Turismo')"`,
    ]);
    expect(out).not.toContain("\\");
  });

  it("markdown", async () => {
    const { code, out } = await runTenant([
      "plan",
      "--dir",
      join(bed.root, "stacks", "example"),
      "--base",
      "HEAD",
      "--format",
      "markdown",
    ]);
    expect(code).toBe(0);
    expect(lines(out, /membership/)).toEqual([
      "1. membership reach changes in 1 department (turismo)",
      `- 🟠 turismo: membership by department adds Turismo')"`,
      "- Access: administrative unit `au-cde-turismo`: dynamic membership by department adds `Turismo')\"`",
      "- Access: group `grp-cde-turismo`: dynamic membership by department adds `Turismo')\"`",
    ]);
    expect(out).not.toContain("\\");
  });
});
